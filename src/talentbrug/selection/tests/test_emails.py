"""Selection e-mails go out in the candidate's preferred language."""

from __future__ import annotations

import pytest
from django.utils import translation

from talentbrug.selection import emails

from ..services import moves
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db


def _in_interview_stage(organisation, hr, language):
    progress = application_in_pipeline(organisation)
    candidate = progress.application.candidate
    candidate.preferred_language = language
    candidate.save()
    moves.move_application(
        progress, stage_of(progress.vacancy, "interview"), hr, HR_ROLES, 1, notify=False
    )
    return progress


@pytest.mark.parametrize("language", ["nl", "en", "ar", "ti", "tr", "fa"])
def test_the_candidate_language_is_active_while_rendering(organisation, hr, monkeypatch, language):
    progress = _in_interview_stage(organisation, hr, language)
    seen = []
    original = emails.candidate_message

    def spy(progress):
        seen.append(translation.get_language())
        return original(progress)

    monkeypatch.setattr(emails, "candidate_message", spy)
    message = emails.build_stage_email(progress)
    assert seen == [language]
    assert translation.get_language() == "nl"
    assert message.to == [progress.application.candidate.email]
    assert "/mijn/inloggen/" in message.body  # a link to the portal


def test_english_candidate_gets_an_english_subject(organisation, hr):
    progress = _in_interview_stage(organisation, hr, "en")
    message = emails.build_stage_email(progress)
    assert message.subject.startswith("News about your application")
    assert "Hello," in message.body


def test_dutch_candidate_gets_a_dutch_subject(organisation, hr):
    progress = _in_interview_stage(organisation, hr, "nl")
    assert emails.build_stage_email(progress).subject.startswith("Nieuws over je sollicitatie")


def test_unknown_language_falls_back_to_dutch(organisation, hr):
    progress = _in_interview_stage(organisation, hr, "nl")
    progress.application.candidate.preferred_language = "xx"
    assert emails.build_stage_email(progress).subject.startswith("Nieuws over je sollicitatie")
