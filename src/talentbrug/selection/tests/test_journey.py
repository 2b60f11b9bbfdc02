"""One status truth (issue #18, item 1): the selection stage decides what everyone sees.

Each test reproduces a bug of the issue: the portal, the HR list and the mails showed the
application's submitted/withdrawn status while selection had moved it on.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications.constants import ApplicationStatus
from talentbrug.applications.models import Booking
from talentbrug.applications.services import booking as application_booking
from talentbrug.applications.services import consent as application_consent
from talentbrug.applications.services import errors as application_errors
from talentbrug.applications.services import lifecycle as application_lifecycle
from talentbrug.applications.services import questions as application_questions
from talentbrug.applications.tests.factories import RecruitmentDayFactory, SlotFactory
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.interviews.constants import InterviewStatus
from talentbrug.outbox.models import OutboxMail
from talentbrug.selection import emails, journey
from talentbrug.selection.constants import StageKind
from talentbrug.selection.models import RejectionReason

from ..services import moves, offers, pipeline, reasons
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db


def _move(progress, kind, hr, **kwargs):
    kwargs.setdefault("notify", False)
    return moves.move_application(
        progress, stage_of(progress.vacancy, kind), hr, HR_ROLES, progress.version, **kwargs
    )


def _reason(organisation, label="Andere kandidaten passen beter"):
    return RejectionReason.objects.get(organisation=organisation, label=label)


def _current_step(html: str) -> str:
    match = re.search(r'aria-current="step"[^>]*>(.*?)</li>', html, re.S)
    assert match, "the timeline marks no current step"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def _portal(progress, language="nl"):
    candidate = progress.application.candidate
    client = portal_client(candidate)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if language != "nl":
        client.cookies["django_language"] = language
    page = client.get(f"/mijn/sollicitaties/{progress.application_id}/", **headers)
    return page.content.decode()


# --------------------------------------------------------------------------- the portal


def test_portal_shows_the_interview_step_as_current(organisation, hr):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.INTERVIEW, hr)
    html = _portal(progress)
    current = _current_step(html)
    assert current.startswith("Gesprek")
    assert "We bekijken je sollicitatie" not in current


def test_portal_of_a_new_application_says_we_are_reading_it(organisation):
    progress = application_in_pipeline(organisation)
    assert _current_step(_portal(progress)).startswith("We bekijken je sollicitatie")


def test_rejected_candidate_sees_the_reason_and_what_to_do_next(organisation, hr):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.SCREENING, hr)
    _move(
        progress,
        StageKind.REJECTED,
        hr,
        reason=_reason(organisation),
        feedback="Doe ervaring op met Linux.",
    )
    html = _portal(progress)
    current = _current_step(html)
    assert current.startswith("We gaan niet verder met je sollicitatie")
    assert "Andere kandidaten passen beter bij wat dit werk vraagt." in current
    assert "Doe ervaring op met Linux." in html
    # next options: the talent pool and other vacancies
    assert 'href="/mijn/#talentpool"' in html
    assert 'href="/vacatures/"' in html
    assert "Trek je sollicitatie in" not in html
    # no later step is offered any more
    assert "Aanbod" not in html.split('id="stappen"')[1].split("</section>")[0]


def test_rejected_candidate_reads_the_reason_in_arabic(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "ar"
    progress.application.candidate.save()
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    html = _portal(progress, "ar")
    assert "مرشحون آخرون يناسبون ما يطلبه هذا العمل بشكل أفضل." in html
    assert "Andere kandidaten passen beter" not in html


def test_hired_candidate_cannot_withdraw(organisation, hr):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.OFFER, hr)
    moves.move_application(
        progress,
        stage_of(progress.vacancy, StageKind.HIRED),
        hr,
        HR_ROLES,
        progress.version,
        hiring=True,
        notify=False,
    )
    html = _portal(progress)
    assert _current_step(html).startswith("Je bent aangenomen")
    assert "Trek je sollicitatie in" not in html
    client = portal_client(progress.application.candidate)
    response = client.post(f"/mijn/sollicitaties/{progress.application_id}/intrekken/")
    assert response.status_code == 302
    progress.application.refresh_from_db()
    assert progress.application.status == ApplicationStatus.SUBMITTED
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.HIRED
    with pytest.raises(application_errors.InvalidTransition):
        application_lifecycle.withdraw_application(
            progress.application, progress.application.candidate
        )


def test_withdrawal_in_the_portal_moves_the_selection_at_once(organisation, hr):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.INTERVIEW, hr)
    application_lifecycle.withdraw_application(progress.application, progress.application.candidate)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.WITHDRAWN
    assert journey.current_kind(progress.application) == StageKind.WITHDRAWN


def test_portal_home_shows_the_step_not_the_raw_status(organisation, hr):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.INTERVIEW, hr)
    html = portal_client(progress.application.candidate).get("/mijn/").content.decode()
    status = re.search(r'<span class="tb-status">(.*?)</span>', html, re.S).group(1)
    assert status.strip() == "Gesprek"


# --------------------------------------------------------------------------- the HR list


def test_hr_list_shows_the_real_stage(organisation, hr, staff_client):
    first = application_in_pipeline(organisation)
    second = application_in_pipeline(organisation, vacancy=first.vacancy)
    _move(first, StageKind.INTERVIEW, hr)
    _move(second, StageKind.REJECTED, hr, reason=_reason(organisation))
    client = staff_client(organisation, Role.HR_ADVISER)
    html = client.get(f"/medewerkers/sollicitaties/vacature/{first.vacancy_id}/").content.decode()
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", html, re.S)[1:]:
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        rows[int(cells[0])] = cells[3]
    assert rows == {first.application_id: "Gesprek", second.application_id: "Afgewezen"}


def test_staff_detail_shows_the_real_stage(organisation, hr, staff_client):
    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.INTERVIEW, hr)
    client = staff_client(organisation, Role.HR_ADVISER)
    html = client.get(f"/medewerkers/sollicitaties/{progress.application_id}/").content.decode()
    assert re.search(r"<dt>Fase</dt><dd>Gesprek</dd>", html)


# --------------------------------------------------------------------------- side effects


def test_moving_back_cancels_the_planned_interview(organisation, hr):
    from talentbrug.interviews.tests.factories import interview_for

    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.INTERVIEW, hr)
    interview = interview_for(
        organisation, application=progress.application, status=InterviewStatus.PLANNED
    )
    OutboxMail.objects.all().delete()
    _move(progress, StageKind.ASSESSMENT, hr, notify=True)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.CANCELLED
    kinds = list(OutboxMail.objects.values_list("kind", flat=True))
    # the candidate hears the interview is off, not "do an assignment" for a step they passed
    assert "selection.stage_changed" not in kinds
    assert any(kind.startswith("interviews.") for kind in kinds)


def test_rejection_frees_the_recruitment_day_seat(organisation, hr):
    progress = application_in_pipeline(organisation)
    day = RecruitmentDayFactory(vacancy=progress.vacancy, organisation=organisation)
    slot = SlotFactory(day=day)
    application_booking.book_slot(progress.application, slot.pk)
    slot.refresh_from_db()
    assert slot.booked_count == 1
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    slot.refresh_from_db()
    assert slot.booked_count == 0
    assert not Booking.objects.filter(application=progress.application, status="booked").exists()
    html = _portal(progress)
    assert "Kies een tijd" not in html and "Kies een andere tijd" not in html


def test_rejected_candidate_is_not_asked_to_pick_another_group_day_time(organisation, hr):
    from talentbrug.assessments.tests.factories import booked_application, day_with_session

    day, session = day_with_session(organisation)
    application = booked_application(organisation, day, session, mover=hr)
    progress = pipeline.progress_for(application)
    OutboxMail.objects.all().delete()
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    cancelled = OutboxMail.objects.get(kind__startswith="assessments.candidate_")
    assert "toch een tijd" not in cancelled.body
    assert "Je sollicitatie is afgerond" in cancelled.body


def test_moving_back_before_the_group_day_frees_the_place(organisation, hr):
    from talentbrug.assessments.models import DayBooking
    from talentbrug.assessments.tests.factories import booked_application, day_with_session

    day, session = day_with_session(organisation)
    application = booked_application(organisation, day, session, mover=hr)
    progress = pipeline.progress_for(application)
    _move(progress, StageKind.SCREENING, hr)
    session.refresh_from_db()
    assert session.booked_count == 0
    assert not DayBooking.objects.filter(application=application, status="booked").exists()


# --------------------------------------------------------------------------- mail


def test_stage_mail_replies_reach_the_organisation(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.vacancy.contact_email = "werving@dictu.example"
    progress.vacancy.save()
    _move(progress, StageKind.INTERVIEW, hr)
    message = emails.build_stage_email(progress)
    assert message.reply_to == ["werving@dictu.example"]


def test_stage_mail_without_a_contact_does_not_ask_to_reply(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.vacancy.contact_email = ""
    progress.vacancy.save()
    _move(progress, StageKind.INTERVIEW, hr)
    message = emails.build_stage_email(progress)
    assert message.reply_to == []
    assert "Beantwoord deze e-mail" not in message.body


def test_arabic_rejection_mail_has_the_reason_in_arabic(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "ar"
    progress.application.candidate.save()
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    body = emails.build_stage_email(progress).body
    assert "مرشحون آخرون يناسبون ما يطلبه هذا العمل بشكل أفضل." in body
    assert "Andere kandidaten" not in body


def test_own_dutch_reason_never_mixes_into_an_arabic_mail(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "ar"
    progress.application.candidate.save()
    own = reasons.add_reason(
        organisation,
        label="Rijbewijs",
        candidate_text="Voor dit werk heb je een rijbewijs B nodig.",
        is_language=False,
        user=hr,
    )
    _move(progress, StageKind.REJECTED, hr, reason=own, feedback="Haal je rijbewijs.")
    body = emails.build_stage_email(progress).body
    # neither the organisation's Dutch reason nor HR's Dutch tip is mixed into the Arabic text
    assert "rijbewijs" not in body.lower()
    assert "Voor dit werk" not in body
    # the portal shows the organisation's own words, marked as Dutch
    html = _portal(progress, "ar")
    assert '<span lang="nl" dir="ltr">Voor dit werk heb je een rijbewijs B nodig.</span>' in html


def test_journey_for_a_never_opened_pipeline_reads_without_writing(organisation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from talentbrug.applications.tests.factories import ApplicationFactory

    application = ApplicationFactory(
        vacancy__organisation=organisation, submitted_at=timezone.now() - timedelta(days=1)
    )
    with CaptureQueriesContext(connection) as queries:
        seen = journey.journey_for(application)
    assert seen.kind == StageKind.NEW and seen.can_withdraw
    assert not [q for q in queries.captured_queries if not q["sql"].startswith("SELECT")]


# --------------------------------------------------------------------------- open means open


def test_staff_list_counts_only_applications_still_in_procedure(organisation, hr, staff_client):
    first = application_in_pipeline(organisation)
    second = application_in_pipeline(organisation, vacancy=first.vacancy)
    application_in_pipeline(organisation, vacancy=first.vacancy)
    _move(first, StageKind.REJECTED, hr, reason=_reason(organisation))
    _move(second, StageKind.INTERVIEW, hr)
    html = staff_client(organisation, Role.HR_ADVISER).get("/medewerkers/sollicitaties/")
    row = re.search(r"<tr class=\"utrecht-table__row\">\s*<td.*?</tr>", html.content.decode(), re.S)
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))
    ]
    assert cells[-2:] == ["2", "3"]  # two still running, three in all


def test_portal_actions_close_when_the_procedure_ends(organisation, hr):
    progress = application_in_pipeline(organisation)
    question = application_questions.ask_question(
        progress.application, "Kun je op maandag beginnen?", actor=hr, organisation=organisation
    )
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    home = portal_client(progress.application.candidate).get("/mijn/").content.decode()
    assert "Er is een vraag voor je" not in home
    with pytest.raises(application_errors.ApplyError):
        application_questions.answer_question(
            question, progress.application.candidate, "Ja", None, None
        )
    with pytest.raises(application_errors.ApplyError):
        application_questions.ask_question(
            progress.application, "Nog een vraag?", actor=hr, organisation=organisation
        )


def test_the_candidate_export_tells_the_same_status(organisation, hr):
    from talentbrug.applications.exports import export_data

    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.REJECTED, hr, reason=_reason(organisation))
    (decision,) = export_data(progress.application.candidate)["decisions"]
    assert decision["status"] == "Afgewezen"
    assert decision["stage"] == "Afgewezen"


# --------------------------------------------------------------------------- the message first


def _post_move(client, progress, kind, **extra):
    data = {"to_stage": stage_of(progress.vacancy, kind).pk, "version": progress.version}
    data.update(extra)
    return client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/verplaatsen/", data
    )


def test_a_move_that_mails_shows_the_message_first_and_changes_nothing(organisation, staff_client):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "en"
    progress.application.candidate.save()
    progress.vacancy.contact_email = "werving@dictu.example"
    progress.vacancy.save()
    client = staff_client(organisation, Role.HR_ADVISER)
    page = _post_move(client, progress, StageKind.INTERVIEW, mail="preview")
    html = page.content.decode()
    assert "News about your application" in html  # the real subject, in English
    from django.utils import translation
    from django.utils.html import escape

    from talentbrug.selection.constants import CANDIDATE_STEP_TEXT

    with translation.override("en"):
        english = str(CANDIDATE_STEP_TEXT[StageKind.INTERVIEW])
    assert english != str(CANDIDATE_STEP_TEXT[StageKind.INTERVIEW])
    assert escape(english) in html
    assert "werving@dictu.example" in html
    # staff never see the candidate's personal link (it logs in as the candidate)
    assert "/mijn/inloggen/" not in html
    assert "[[link]]" in html
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.NEW
    assert not OutboxMail.objects.filter(kind="selection.stage_changed").exists()


def test_hr_sends_an_edited_message(organisation, staff_client):
    progress = application_in_pipeline(organisation)
    client = staff_client(organisation, Role.HR_ADVISER)
    _post_move(
        client,
        progress,
        StageKind.INTERVIEW,
        mail="send",
        subject="Uitnodiging voor een gesprek",
        body="Hallo,\r\n\r\nWe bellen je morgen om een tijd te kiezen.\r\n\r\n[[link]]",
    )
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.INTERVIEW
    sent = OutboxMail.objects.get(kind="selection.stage_changed")
    assert sent.subject == "Uitnodiging voor een gesprek"
    assert sent.body.startswith("Hallo,\n\nWe bellen je morgen om een tijd te kiezen.\n\nhttp")
    assert "/mijn/inloggen/" in sent.body and "[[link]]" not in sent.body
    from talentbrug.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event_type="selection.mail_edited").count() == 1


def test_hr_holds_the_message(organisation, staff_client):
    progress = application_in_pipeline(organisation)
    client = staff_client(organisation, Role.HR_ADVISER)
    _post_move(client, progress, StageKind.REJECTED, mail="hold", reason=_reason(organisation).pk)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.REJECTED
    assert not OutboxMail.objects.filter(kind="selection.stage_changed").exists()
    from talentbrug.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event_type="selection.mail_held").count() == 1


def test_a_move_without_a_mail_needs_no_preview(organisation, staff_client):
    progress = application_in_pipeline(organisation)
    client = staff_client(organisation, Role.HR_ADVISER)
    response = _post_move(client, progress, StageKind.SCREENING, mail="preview")
    assert response.status_code == 302
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.SCREENING


def test_bulk_move_can_hold_the_messages(organisation, staff_client):
    first = application_in_pipeline(organisation)
    second = application_in_pipeline(organisation, vacancy=first.vacancy)
    client = staff_client(organisation, Role.HR_ADVISER)
    client.post(
        f"/medewerkers/selectie/vacatures/{first.vacancy_id}/lijst/verplaatsen/",
        {
            "to_stage": stage_of(first.vacancy, StageKind.INTERVIEW).pk,
            "progress": [first.pk, second.pk],
            f"version_{first.pk}": first.version,
            f"version_{second.pk}": second.version,
            "mail": "hold",
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.stage.kind == second.stage.kind == StageKind.INTERVIEW
    assert not OutboxMail.objects.filter(kind="selection.stage_changed").exists()
    from talentbrug.audit.models import AuditEvent

    held = AuditEvent.objects.get(event_type="selection.bulk_mail_held")
    assert held.data["count"] == 2


@pytest.mark.parametrize("contact", ["werving@dictu.example", ""])
def test_interview_mails_never_ask_for_a_reply_that_cannot_arrive(organisation, contact):
    from talentbrug.interviews.emails import candidate_message
    from talentbrug.interviews.tests.factories import interview_for

    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    vacancy = interview.application.vacancy
    vacancy.contact_email = contact
    vacancy.save()
    for event in ("planned", "cancelled"):
        message = candidate_message(interview, event, old_start=interview.starts_at)
        assert message.reply_to == ([contact] if contact else [])
        assert ("Beantwoord deze e-mail" in message.body) == bool(contact)


def test_the_talent_pool_stops_offering_a_hired_person(organisation, hr):
    from decimal import Decimal

    from talentbrug.talentpool import services as pool
    from talentbrug.vacancies.models import SalaryScale

    progress = application_in_pipeline(organisation)
    candidate = progress.application.candidate
    application_consent.give_consent(candidate, "Andere organisaties mogen mij vinden.", "nl")
    assert pool.in_pool(candidate) and candidate.pk in pool.pool_candidate_ids()
    scale = SalaryScale.objects.create(
        year=2026, scale=8, minimum=Decimal("3200"), maximum=Decimal("4600")
    )
    offer = offers.make_offer(
        progress,
        hr,
        HR_ROLES,
        salary_scale=scale,
        step=1,
        start_date=timezone.localdate() + timedelta(days=30),
        hours=36,
        contract_type="permanent",
    )
    assert pool.in_pool(candidate)  # an offer alone does not take anyone out
    offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True)
    assert not pool.in_pool(candidate)
    assert candidate.pk not in pool.pool_candidate_ids()
    assert candidate.pk not in pool.search_pool()
    # a consent given anew after the hire counts again
    application_consent.withdraw_consent(candidate)
    application_consent.give_consent(candidate, "Andere organisaties mogen mij vinden.", "nl")
    assert pool.in_pool(candidate)


def test_board_cards_show_days_in_stage_and_moves_show_the_message_first(
    organisation, hr, staff_client
):
    from talentbrug.selection.models import ApplicationProgress

    progress = application_in_pipeline(organisation)
    _move(progress, StageKind.SCREENING, hr)
    ApplicationProgress.objects.filter(pk=progress.pk).update(
        moved_at=timezone.now() - timedelta(days=3, hours=2)
    )
    html = (
        staff_client(organisation, Role.HR_ADVISER)
        .get(f"/medewerkers/selectie/vacatures/{progress.vacancy_id}/")
        .content.decode()
    )
    card = html.split(f'data-testid="card-{progress.pk}"')[1].split("</li>")[0]
    assert "3 dagen in deze fase" in card
    assert '<input type="hidden" name="mail" value="preview">' in card


def test_bulk_move_without_message_notes_the_held_message_per_candidate(organisation, staff_client):
    """Issue 18: a bulk move "zonder bericht" notes in each candidate's history which message
    they did not get, as a single held move does (a move that mails nobody notes nothing)."""
    from talentbrug.selection.models import CandidateMessage

    first = application_in_pipeline(organisation)
    second = application_in_pipeline(organisation, vacancy=first.vacancy)
    client = staff_client(organisation, Role.HR_ADVISER)
    url = f"/medewerkers/selectie/vacatures/{first.vacancy_id}/lijst/verplaatsen/"

    def bulk(kind):
        for row in (first, second):
            row.refresh_from_db()
        client.post(
            url,
            {
                "to_stage": stage_of(first.vacancy, kind).pk,
                "progress": [first.pk, second.pk],
                f"version_{first.pk}": first.version,
                f"version_{second.pk}": second.version,
                "mail": "hold",
            },
        )

    bulk(StageKind.SCREENING)  # no message on this step: nothing to note
    assert not CandidateMessage.objects.exists()
    bulk(StageKind.INTERVIEW)
    held = CandidateMessage.objects.order_by("application_id")
    assert [m.application_id for m in held] == sorted([first.application_id, second.application_id])
    assert all(m.held and m.mail_id is None for m in held)
    assert all(m.kind == "selection.stage_changed" and m.subject for m in held)
    assert "/mijn/inloggen/" not in held[0].body
    assert not OutboxMail.objects.filter(kind="selection.stage_changed").exists()
    from talentbrug.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event_type="selection.mail_held").count() == 2
    # The message history of the application page lists it as held.
    from talentbrug.selection import history

    entries = history.history_for(first.application, organisation)
    assert [str(e.status_label) for e in entries] == ["tegengehouden"]
