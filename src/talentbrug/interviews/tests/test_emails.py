"""Calendar files (RFC 5545) and e-mails in the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation

from .. import emails, ics
from ..constants import InterviewStatus
from .factories import interview_for, staff_member

pytestmark = pytest.mark.django_db


def _lines(content: str) -> list[str]:
    """Unfold (RFC 5545, 3.1) and split."""
    assert content.endswith("\r\n")
    return content.replace("\r\n ", "").split("\r\n")[:-1]


def test_text_values_are_escaped():
    assert ics.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_are_folded_at_75_octets_without_breaking_characters():
    line = "DESCRIPTION:" + "ابجد " * 40 + "€" * 30
    folded = ics.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # each physical line is valid UTF-8
    assert folded.replace("\r\n ", "") == line


def test_calendar_has_the_required_properties():
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    content = ics.calendar(
        interview_pk=7,
        sequence=3,
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        summary="Gesprek bij DICTU: Servicedesk, medewerker",
        location="Turfmarkt 147; 2e verdieping",
        description="Neem je id mee.\nTot dan!",
        attendee_email="k@example.org",
        attendee_name='Amira "A" Haddad',
    )
    lines = _lines(content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for required in ("VERSION:2.0", "METHOD:REQUEST", "SEQUENCE:3", "STATUS:CONFIRMED"):
        assert required in lines
    assert "DTSTART:20261201T090000Z" in lines and "DTEND:20261201T094500Z" in lines
    assert any(line.startswith("UID:interview-7@") for line in lines)
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert "SUMMARY:Gesprek bij DICTU: Servicedesk\\, medewerker" in lines
    assert "LOCATION:Turfmarkt 147\\; 2e verdieping" in lines
    assert "DESCRIPTION:Neem je id mee.\\nTot dan!" in lines
    assert any(line.startswith("ORGANIZER:mailto:") for line in lines)
    assert any('CN="Amira A Haddad"' in line and "mailto:k@example.org" in line for line in lines)


def test_cancel_calendar():
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    content = ics.calendar(
        interview_pk=7,
        sequence=4,
        starts_at=start,
        ends_at=start,
        summary="x",
        location="y",
        description="z",
        attendee_email="k@example.org",
        cancel=True,
    )
    lines = _lines(content)
    assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines


@pytest.mark.parametrize("language", ["nl", "en", "ar", "ti", "tr", "fa"])
def test_candidate_mail_is_rendered_in_the_candidate_language(organisation, monkeypatch, language):
    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    candidate = interview.application.candidate
    candidate.preferred_language = language
    candidate.save()
    seen = []
    original = emails._candidate_texts

    def spy(*args, **kwargs):
        seen.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(emails, "_candidate_texts", spy)
    message = emails.candidate_message(interview, "planned")
    assert seen == [language]
    assert translation.get_language() == "nl"  # switched back afterwards
    assert message.attachments[0][0] == "gesprek.ics"


def test_an_unknown_language_falls_back_to_dutch(organisation):
    interview = interview_for(organisation)
    interview.application.candidate.preferred_language = "xx"
    assert emails.candidate_language(interview.application.candidate) == "nl"


def test_english_candidate_gets_english_dates(organisation):
    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    interview.application.candidate.preferred_language = "en"
    body = emails.candidate_message(interview, "planned").body
    with translation.override("en"):
        expected = emails.when(interview.starts_at)
    assert expected in body


def test_interviewer_mail_uses_staff_language_and_pseudonym_while_hidden(organisation):
    from .factories import application_for_interview

    application = application_for_interview(organisation, reveal=False)
    interviewer = staff_member(organisation, preferred_language="en")
    interview = interview_for(
        organisation,
        application=application,
        interviewers=[interviewer],
        status=InterviewStatus.PLANNED,
    )
    message = emails.interviewer_message(interview, interviewer, "planned")
    assert application.candidate.name not in message.body + message.subject
    assert application.candidate.email not in message.attachments[0][1]
    assert application.progress.pseudonym in message.subject
    assert emails.staff_language(interviewer) == "en"
