"""The offer letter: made from the organisation's template, read and answered in the portal,
recorded by HR with a note, expired by the periodic job (issue 18, "Offer the way the
candidate experiences it")."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.core import periodic
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.outbox.models import OutboxMail
from talentbrug.vacancies.models import SalaryScale

from .. import offer_letter
from ..constants import OfferStatus, StageKind
from ..models import CandidateMessage, Offer
from ..workflow import SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def scale():
    return SalaryScale.objects.create(
        year=2026, scale=7, minimum=Decimal("3000"), maximum=Decimal("4200")
    )


def _send(progress, hr, scale, **overrides):
    today = timezone.localdate()
    data = {
        "salary_scale": scale,
        "step": 4,
        "start_date": today + timedelta(days=40),
        "hours": 32,
        "contract_type": "permanent",
        "answer_by": today + timedelta(days=10),
        "right_to_work": True,
    }
    data.update(overrides)
    return offer_letter.make_and_send(progress, hr, HR_ROLES, **data)


def _events(name):
    return AuditEvent.objects.filter(event_type=name)


def test_sending_puts_the_letter_in_the_portal_and_mails_without_personal_data(
    organisation, hr, scale
):
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    offer.refresh_from_db()
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.OFFER
    assert offer.sent_at is not None and offer.right_to_work_checked is True
    assert offer.letter["opening"]  # the texts are frozen in the offer
    # One mail about the offer (the general "offer" step mail it replaces is cancelled).
    waiting = OutboxMail.objects.filter(
        candidate=progress.application.candidate, status__in=["queued", "sent"]
    )
    assert [m.kind for m in waiting] == ["selection.offer_sent"]
    mail = waiting.get()
    assert "/mijn/inloggen/" in mail.body
    assert "trede" not in mail.body.lower() and "schaal" not in mail.body.lower()
    assert mail.attachments == []
    assert _events("selection.offer_made").count() == 1
    assert _events("selection.offer_sent").count() == 1
    # The history keeps the text without the personal link.
    row = CandidateMessage.objects.get(kind="selection.offer_sent")
    assert "/mijn/inloggen/" not in row.body and "[[link]]" in row.body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"right_to_work": None}, "mag werken"),
        ({"right_to_work": False}, "niet in Nederland werken"),
        ({"answer_by": timezone.localdate()}, "na vandaag"),
        ({"answer_by": timezone.localdate() + timedelta(days=50)}, "voor de eerste werkdag"),
    ],
)
def test_sending_refuses_what_the_candidate_could_not_act_on(
    organisation, hr, scale, overrides, message
):
    progress = application_in_pipeline(organisation)
    with pytest.raises(SelectionError, match=message):
        _send(progress, hr, scale, **overrides)
    assert not Offer.objects.filter(progress=progress).exists()  # nothing half-done


def test_the_letter_uses_the_organisations_template_manager_and_onboarding_promise(
    organisation, hr, make_staff, scale
):
    boss = make_staff(organisation, Role.HIRING_MANAGER, first_name="Ingrid", last_name="Visser")
    progress = application_in_pipeline(organisation)
    vacancy = progress.vacancy
    vacancy.hiring_manager = boss
    vacancy.offers_buddy = True
    vacancy.save(update_fields=["hiring_manager", "offers_buddy"])
    offer_letter.save_letter_template(
        organisation,
        opening="Van harte: we willen jou in ons team.",
        closing="Bel Petra op 070-1234567.",
        signed_by="Petra de Boer, hoofd HR",
        answer_days=7,
        user=hr,
    )
    offer = _send(progress, hr, scale)
    html = offer_letter.letter_html(offer, "nl")
    for text in (
        "Van harte: we willen jou in ons team.",
        "Bel Petra op 070-1234567.",
        "Petra de Boer, hoofd HR",
        "Schaal 7, trede 4",
        "Ingrid Visser",
        "Je krijgt een buddy.",
        vacancy.title,
    ):
        assert text in html, text
    # A later change of the template never changes a sent letter.
    offer_letter.save_letter_template(
        organisation, opening="Nieuwe tekst.", closing="", signed_by="", answer_days=7, user=hr
    )
    offer.refresh_from_db()
    assert "Van harte" in offer_letter.letter_html(offer, "nl")
    assert offer_letter.default_answer_by(organisation) == timezone.localdate() + timedelta(7)


def test_candidate_reads_the_offer_and_downloads_the_pdf_in_the_portal(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    client = portal_client(progress.application.candidate)
    page = client.get(f"/mijn/sollicitaties/{progress.application_id}/")
    assert f"/mijn/aanbod/{offer.pk}/" in page.content.decode()  # the panel on the application
    page = client.get(f"/mijn/aanbod/{offer.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Schaal 7, trede 4" in html and "Ja, ik neem het aanbod aan" in html
    pdf = client.get(f"/mijn/aanbod/{offer.pk}/brief.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_portal_page_is_right_to_left_in_arabic(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    client = portal_client(progress.application.candidate)
    client.cookies["django_language"] = "ar"
    html = client.get(f"/mijn/aanbod/{offer.pk}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in html
    assert f'<span lang="nl" dir="ltr">{progress.vacancy.title}</span>' in html


def test_another_candidate_and_an_unsent_offer_are_not_found(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    other = application_in_pipeline(organisation)
    stranger = portal_client(other.application.candidate)
    assert stranger.get(f"/mijn/aanbod/{offer.pk}/").status_code == 404
    assert stranger.get(f"/mijn/aanbod/{offer.pk}/brief.pdf").status_code == 404
    response = stranger.post(f"/mijn/aanbod/{offer.pk}/antwoord/", {"answer": "accept"})
    assert response.status_code == 404
    Offer.objects.filter(pk=offer.pk).update(sent_at=None)
    owner = portal_client(progress.application.candidate)
    assert owner.get(f"/mijn/aanbod/{offer.pk}/").status_code == 404


def test_yes_in_the_portal_hires_and_starts_onboarding_with_manager_and_buddy(
    organisation, hr, make_staff, scale
):
    boss = make_staff(organisation, Role.HIRING_MANAGER)
    buddy = make_staff(organisation, Role.HIRING_MANAGER)
    progress = application_in_pipeline(organisation)
    vacancy = progress.vacancy
    vacancy.hiring_manager, vacancy.offers_buddy, vacancy.buddy_person = boss, True, buddy
    vacancy.save(update_fields=["hiring_manager", "offers_buddy", "buddy_person"])
    offer = _send(progress, hr, scale)
    client = portal_client(progress.application.candidate)
    response = client.post(f"/mijn/aanbod/{offer.pk}/antwoord/", {"answer": "accept"})
    assert response.status_code == 302
    offer.refresh_from_db()
    progress.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED and offer.answered_in_portal
    assert progress.stage.kind == StageKind.HIRED
    plan = OnboardingPlan.objects.get(application=progress.application)
    assert plan.manager == boss
    assert plan.supporters.filter(role="buddy", user=buddy).exists()
    answered = _events("selection.offer_answered").get()
    assert answered.actor is None and answered.data["by"] == "candidate"
    assert _events("selection.hired").count() == 1
    # Said once: a second answer is refused and changes nothing.
    again = client.post(f"/mijn/aanbod/{offer.pk}/antwoord/", {"answer": "decline"})
    assert again.status_code == 400
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED


def test_no_in_the_portal_ends_the_application_with_the_reason(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    client = portal_client(progress.application.candidate)
    response = client.post(
        f"/mijn/aanbod/{offer.pk}/antwoord/",
        {"answer": "decline", "reason": "Ik heb een baan dichter bij huis."},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    progress.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert offer.decline_reason == "Ik heb een baan dichter bij huis."
    assert progress.stage.kind == StageKind.WITHDRAWN
    assert not OnboardingPlan.objects.filter(application=progress.application).exists()
    hr_page = verified_client(hr).get(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/aanbod/"
    )
    assert "Ik heb een baan dichter bij huis." in hr_page.content.decode()


def test_hr_records_the_answer_with_a_note(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    _send(progress, hr, scale)
    client = verified_client(hr)
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/aanbod/"
    client.post(
        f"{url}besluit/",
        {"decision": "decline", "note": "Belde op 3 maart: kiest voor een opleiding."},
    )
    offer = Offer.objects.get(progress=progress)
    assert offer.status == OfferStatus.DECLINED and not offer.answered_in_portal
    assert offer.decision_note == "Belde op 3 maart: kiest voor een opleiding."
    assert _events("selection.offer_note").count() == 1


def test_expiry_job_closes_the_portal_answer_and_hr_can_still_record(organisation, hr, scale):
    assert periodic.PERIODIC_JOBS["selection.expire_offers"] is offer_letter.expire_offers
    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    on_time = application_in_pipeline(organisation)
    waiting = _send(on_time, hr, scale)
    day_after = offer.answer_by + timedelta(days=1)
    Offer.objects.filter(pk=waiting.pk).update(answer_by=day_after + timedelta(days=2))
    assert offer_letter.expire_offers(today=offer.answer_by) == 0  # the last day still counts
    assert offer_letter.expire_offers(today=day_after) == 1
    assert offer_letter.expire_offers(today=day_after) == 0  # safe to run again
    offer.refresh_from_db()
    waiting.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED and waiting.status == OfferStatus.MADE
    assert _events("selection.offer_expired").count() == 1
    client = portal_client(progress.application.candidate)
    page = client.get(f"/mijn/aanbod/{offer.pk}/").content.decode()
    assert "Ja, ik neem het aanbod aan" not in page and "voorbij" in page
    refused = client.post(f"/mijn/aanbod/{offer.pk}/antwoord/", {"answer": "accept"})
    assert refused.status_code == 400
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    # A late phone call: HR records the yes.
    from ..services import offers

    offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED


def test_an_offer_made_before_letters_can_be_sent_from_the_offer_page(organisation, hr, scale):
    from ..services import offers

    progress = application_in_pipeline(organisation)
    today = timezone.localdate()
    offer = offers.make_offer(
        progress,
        hr,
        HR_ROLES,
        salary_scale=scale,
        step=1,
        start_date=today + timedelta(days=30),
        hours=36,
        contract_type="temporary",
    )
    client = verified_client(hr)
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/aanbod/"
    assert "Stuur de aanbodbrief naar het portaal" in client.get(url).content.decode()
    response = client.post(
        url, {"answer_by": (today + timedelta(days=5)).isoformat(), "right_to_work": "yes"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.sent_at is not None and offer.answer_by == today + timedelta(days=5)
    pdf = client.get(f"{url}brief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_letter_template_page_saves_the_organisations_texts(organisation, hr):
    client = verified_client(hr)
    url = "/medewerkers/selectie/aanbodbrief/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"opening": "Welkom bij DICTU.", "closing": "", "signed_by": "", "answer_days": "1"},
    )
    assert response.status_code == 400  # fewer than 2 days
    response = client.post(
        url,
        {"opening": "Welkom bij DICTU.", "closing": "", "signed_by": "", "answer_days": "14"},
    )
    assert response.status_code == 302
    assert offer_letter.letter_template(organisation).opening == "Welkom bij DICTU."
    assert _events("selection.offer_letter_template_saved").count() == 1


def test_an_open_offer_is_not_shown_once_hr_ended_the_application(organisation, hr, scale):
    """One status truth: rejected after the letter went out, the portal no longer says
    "we want to hire you" and takes no answer."""
    from ..models import RejectionReason
    from ..services import moves, reasons
    from .factories import stage_of

    progress = application_in_pipeline(organisation)
    offer = _send(progress, hr, scale)
    progress.refresh_from_db()
    reasons.ensure_reasons(organisation)
    reason = RejectionReason.objects.filter(organisation=organisation, is_language=False).first()
    moves.move_application(
        progress,
        stage_of(progress.vacancy, StageKind.REJECTED),
        hr,
        HR_ROLES,
        progress.version,
        reason=reason,
    )
    client = portal_client(progress.application.candidate)
    page = client.get(f"/mijn/sollicitaties/{progress.application_id}/").content.decode()
    assert f"/mijn/aanbod/{offer.pk}/" not in page
    page = client.get(f"/mijn/aanbod/{offer.pk}/").content.decode()
    assert "Dit aanbod geldt niet meer" in page and "Ja, ik neem het aanbod aan" not in page
    refused = client.post(f"/mijn/aanbod/{offer.pk}/antwoord/", {"answer": "accept"})
    assert refused.status_code == 400
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.REJECTED


def test_a_move_to_the_offer_stage_and_the_letter_give_the_candidate_one_mail(
    organisation, hr, scale, mailoutbox
):
    """Issue 18: the move to the offer stage (board or application page, with the message
    preview) sent a step mail, and the offer letter a second. Now the move sends none and goes
    on to the offer page; the letter's mail is the one message, with the organisation's own
    text for the offer step, in the candidate's language."""
    from talentbrug.outbox.services import deliver

    from ..message_templates import save_template
    from .factories import stage_of

    progress = application_in_pipeline(organisation)
    candidate = progress.application.candidate
    candidate.preferred_language = "en"
    candidate.save()
    save_template(
        organisation,
        StageKind.OFFER,
        "en",
        subject="An offer for you: {vacature}",
        body="Hello {naam},\n\nWe would like to hire you.\n\n{link}",
        user=hr,
    )
    client = verified_client(hr)
    offer_stage = stage_of(progress.vacancy, StageKind.OFFER)
    response = client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/verplaatsen/",
        {"to_stage": offer_stage.pk, "version": progress.version, "mail": "preview"},
    )
    # No preview (there is no step mail), the move is made, HR goes on to the offer page.
    assert response.status_code == 302
    assert response.url == f"/medewerkers/selectie/sollicitaties/{progress.application_id}/aanbod/"
    progress.refresh_from_db()
    assert progress.stage_id == offer_stage.pk
    assert not OutboxMail.objects.exists()

    _send(progress, hr, scale)
    mails = list(OutboxMail.objects.all())
    assert [m.kind for m in mails] == ["selection.offer_sent"]
    for mail in mails:
        deliver(mail.pk)
    assert len(mailoutbox) == 1
    sent = mailoutbox[0]
    assert sent.to == [candidate.email]
    assert sent.subject == f"An offer for you: {progress.vacancy.title}"
    assert "We would like to hire you." in sent.body and "/mijn/inloggen/" in sent.body
    assert "Give your answer by " in sent.body and "uiterlijk" not in sent.body
    assert CandidateMessage.objects.filter(application=progress.application).count() == 1
