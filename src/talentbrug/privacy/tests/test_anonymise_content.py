"""Anonymisation leaves no name or address in the rows that hung off the application.

Content checks: after the retention job, every text column of every table is read and the
person's name and address must not be in it (messages, outbox mails, interviews, notifications,
questions, work samples, …).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.mail import EmailMessage
from django.db import models
from freezegun import freeze_time

from talentbrug.applications.models import Application, Question, WorkSampleSubmission
from talentbrug.applications.services.portal import request_deletion
from talentbrug.interviews.models import Interview
from talentbrug.interviews.tests.factories import interview_for
from talentbrug.notifications.models import Notification
from talentbrug.outbox.models import OutboxMail
from talentbrug.outbox.services import queue_mail
from talentbrug.privacy.constants import ObjectionOutcome, Processing
from talentbrug.privacy.services import erasure as erasure_services
from talentbrug.privacy.services import holds as holds_services
from talentbrug.privacy.services import objections as objections_services
from talentbrug.privacy.services import removal as removal_services
from talentbrug.selection import history
from talentbrug.selection.models import CandidateMessage
from talentbrug.selection.tests.factories import application_in_pipeline

from . import factories as f

pytestmark = pytest.mark.django_db

T0 = "2026-03-02 10:00:00+00:00"
LATER = "2026-05-04 10:00:00+00:00"  # past every term of a withdrawn application
NAME = "Amina Yusuf"
EMAIL = "amina.yusuf@example.org"


def _rows_mentioning(*needles: str) -> list[str]:
    """Every (model, pk, field) whose text holds one of ``needles`` (case-insensitive)."""
    found = []
    for model in apps.get_models():
        fields = [
            fld.attname
            for fld in model._meta.concrete_fields
            if isinstance(fld, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        for row in model._default_manager.values("pk", *fields):
            for name in fields:
                text = str(row[name] or "").lower()
                if any(needle.lower() in text for needle in needles):
                    found.append(f"{model._meta.label}#{row['pk']}.{name}")
    return found


def _personal_rows(organisation, hr):
    """An application with a message, its outbox mail, an interview, a question, a work
    sample and a notification, all naming the person."""
    progress = application_in_pipeline(organisation, candidate__name=NAME, candidate__email=EMAIL)
    application = progress.application
    candidate = application.candidate
    mail = queue_mail(
        EmailMessage(subject=f"Uitnodiging voor {NAME}", body=f"Beste {NAME},", to=[EMAIL]),
        kind="selection.stage_changed",
        organisation=organisation,
        candidate=candidate,
    )
    history.record(
        progress,
        kind="selection.stage_changed",
        language="nl",
        subject=f"Uitnodiging voor {NAME}",
        body=f"Beste {NAME}, je bent uitgenodigd. Antwoord naar {EMAIL}.",
        mail=mail,
        user=hr,
    )
    interview = interview_for(organisation, application=application)
    Interview.objects.filter(pk=interview.pk).update(message=f"Tot dan, {NAME}!")
    Question.objects.create(
        application=application,
        candidate=candidate,
        organisation=organisation,
        asked_by=hr,
        text=f"Wil je je diploma sturen, {NAME}?",
    )
    Notification.objects.create(
        organisation=organisation,
        recipient=hr,
        kind=Notification._meta.get_field("kind").choices[0][0],
        vacancy=application.vacancy,
        reference=str(application.pk),
        url=f"/medewerkers/sollicitaties/{application.pk}/",
        key=f"test-{application.pk}",
    )
    return application


@freeze_time(T0)
def test_retention_leaves_no_name_or_address_anywhere(organisation, make_staff, purge):
    hr = make_staff(organisation)
    application = _personal_rows(organisation, hr)
    assert _rows_mentioning(NAME, EMAIL)  # the test data does name the person
    f.withdrawn(application, f.now())
    with freeze_time(LATER):
        purge()
    left = _rows_mentioning(NAME, EMAIL)
    assert left == [], left
    # The figures keep the application row; its message history is gone with the person.
    assert Application.objects.filter(pk=application.pk).exists()
    assert not CandidateMessage.objects.filter(application_id=application.pk).exists()


@freeze_time(T0)
def test_anonymising_one_application_removes_its_messages_and_their_mails(
    organisation, make_staff, purge
):
    """The person stays (another application runs): the anonymised application's message
    history and the outbox mails it points at go; the other application's stay."""
    hr = make_staff(organisation)
    application = _personal_rows(organisation, hr)
    message = CandidateMessage.objects.get(application=application)
    other = f.application(organisation, candidate=application.candidate)
    kept_mail = queue_mail(
        EmailMessage(subject=f"Ontvangen, {NAME}", body="Bedankt.", to=[EMAIL]),
        kind="applications.application_received",
        organisation=organisation,
        candidate=application.candidate,
    )
    f.withdrawn(application, f.now() - timedelta(days=40))
    purge()
    application.refresh_from_db()
    assert application.candidate_id != other.candidate_id
    assert not CandidateMessage.objects.filter(pk=message.pk).exists()
    assert not OutboxMail.objects.filter(pk=message.mail_id).exists()
    leftover = [
        row
        for row in _rows_mentioning(NAME, EMAIL)
        if not row.startswith("applications.Candidate#")
        and row != f"outbox.OutboxMail#{kept_mail.pk}.subject"
        and not row.startswith(f"outbox.OutboxMail#{kept_mail.pk}.")
    ]
    assert leftover == [], leftover
    assert not WorkSampleSubmission.objects.filter(application=application).exists()


def _rights_records(organisation, hr, candidate):
    """A lifted legal hold and a decided objection whose free text quotes the person."""
    hold = holds_services.place_hold(
        organisation,
        candidate,
        hr,
        f"WOO-2026-0142 {NAME}",
        f"Woo-verzoek over {NAME} ({EMAIL}); haar brief noemt de procedure.",
    )
    holds_services.lift_hold(hold, hr)
    objection = objections_services.record_objection(
        organisation, candidate, hr, Processing.MATCHING
    )
    objections_services.decide_objection(
        objection, hr, ObjectionOutcome.REJECTED, f"{NAME.split()[0]} belde; zie {EMAIL}."
    )
    return hold, objection


@freeze_time(T0)
def test_retention_blanks_the_free_text_of_holds_and_objections(organisation, make_staff, purge):
    """The hold and the objection stay (why data was kept, until when, what was decided); what
    they say about the person goes with the person."""
    hr = make_staff(organisation)
    application = _personal_rows(organisation, hr)
    hold, objection = _rights_records(organisation, hr, application.candidate)
    assert any(row.startswith("privacy.LegalHold#") for row in _rows_mentioning(NAME, EMAIL))
    f.withdrawn(application, f.now())
    with freeze_time(LATER):
        purge()
    left = _rows_mentioning(NAME, EMAIL, "Amina", "Yusuf")
    assert left == [], left
    hold.refresh_from_db()
    objection.refresh_from_db()
    assert hold.reference == "WOO-2026-0142 [verwijderd]"
    assert hold.reason == "[verwijderd]"
    assert hold.created_at is not None and hold.lifted_at is not None
    assert hold.organisation_id == organisation.pk and hold.created_by_id == hr.pk
    assert objection.note == "[verwijderd]"
    assert (objection.processing, objection.outcome) == (
        Processing.MATCHING,
        ObjectionOutcome.REJECTED,
    )
    assert objection.decided_at is not None


def test_erasure_blanks_this_organisations_records_and_keeps_an_active_hold_elsewhere(
    organisation, other_organisation, make_staff, django_capture_on_commit_callbacks
):
    """The person stays because another organisation holds data (an active hold): the erasing
    organisation's lifted hold and decided objection lose their text; the active hold, the
    other organisation's reason to keep the data, keeps it."""
    hr = make_staff(organisation)
    other_hr = make_staff(other_organisation)
    application = f.application(organisation, candidate__name=NAME, candidate__email=EMAIL)
    person = application.candidate
    f.application(other_organisation, candidate=person)
    hold, objection = _rights_records(organisation, hr, person)
    active = holds_services.place_hold(
        other_organisation, person, other_hr, "BZW-7", f"Bezwaar van {NAME} loopt."
    )
    with django_capture_on_commit_callbacks(execute=True):
        outcome = erasure_services.carry_out_erasure(
            request_deletion(person, organisation), user=hr, organisation=organisation
        )
    assert not outcome.candidate_erased and outcome.applications_anonymised == 1
    hold.refresh_from_db()
    objection.refresh_from_db()
    active.refresh_from_db()
    assert (hold.reference, hold.reason) == ("WOO-2026-0142 [verwijderd]", "[verwijderd]")
    assert objection.note == "[verwijderd]"
    assert active.reason == f"Bezwaar van {NAME} loopt." and active.lifted_at is None


def test_the_marker_takes_out_name_parts_and_address_but_not_tussenvoegsels():
    text = "Zaak 12 van Jan de Vries-Bakker, j.devries@example.org, de zaak"
    cleaned = removal_services.without_person(text, "Jan de Vries-Bakker", "j.devries@example.org")
    assert "Jan" not in cleaned and "Vries" not in cleaned and "Bakker" not in cleaned
    assert "example.org" not in cleaned and "j.devries" not in cleaned
    assert cleaned.startswith("Zaak 12 van [verwijderd]") and cleaned.endswith(", de zaak")


def test_wiping_the_person_removes_the_confirm_your_application_mail(
    client, organisation, make_staff, django_capture_on_commit_callbacks
):
    """Someone applied with the person's known address: the "Bevestig je sollicitatie" mail
    (the person's address, the vacancy, a link) is queued without a candidate, so it is found
    through the pending application and goes with the person, not 30 days later."""
    from django.urls import reverse

    from talentbrug.applications.tests.helpers import apply_post

    application = f.application(organisation, candidate__name=NAME, candidate__email=EMAIL)
    person = application.candidate
    vacancy = application.vacancy
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "no_cv"})
    form = apply_post(
        email=EMAIL,
        name="Iemand Anders",
        experience_title="Monteur",
        can_do="Ik kan klanten helpen.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form)
    [mail] = OutboxMail.objects.filter(kind="applications.confirm_application")
    assert mail.to == [EMAIL] and vacancy.title in mail.subject
    with django_capture_on_commit_callbacks(execute=True):
        erasure_services.carry_out_erasure(
            request_deletion(person), user=make_staff(organisation), organisation=organisation
        )
    assert not OutboxMail.objects.filter(pk=mail.pk).exists()
    # Only the message that the erasure was carried out is still addressed to the person.
    done = OutboxMail.objects.get(kind="privacy.erasure_done")
    left = _rows_mentioning(NAME, EMAIL)
    assert left == [f"outbox.OutboxMail#{done.pk}.to"], left


def test_wiping_the_person_removes_mail_to_their_address_without_a_link(
    organisation, make_staff, django_capture_on_commit_callbacks
):
    """The class of the confirmation mail: any outbox mail to the person's address queued
    without a person (a new hire's portal link is keyed by the plan) goes with the person; mail
    to someone else stays."""
    hr = make_staff(organisation)
    application = f.application(organisation, candidate__name=NAME, candidate__email=EMAIL)
    person = application.candidate
    portal_link = queue_mail(
        EmailMessage(subject=f"Welkom, {NAME}", body="Je inwerkplan.", to=[EMAIL.upper()]),
        kind="onboarding.portal_link",
        organisation=organisation,
    )
    colleague = queue_mail(
        EmailMessage(subject="Taak", body="Een taak.", to=["collega@example.org"]),
        kind="onboarding.task_reminder",
        organisation=organisation,
    )
    with django_capture_on_commit_callbacks(execute=True):
        erasure_services.carry_out_erasure(
            request_deletion(person), user=hr, organisation=organisation
        )
    assert not OutboxMail.objects.filter(pk=portal_link.pk).exists()
    assert OutboxMail.objects.filter(pk=colleague.pk).exists()
    done = OutboxMail.objects.get(kind="privacy.erasure_done")
    assert _rows_mentioning(NAME, EMAIL) == [f"outbox.OutboxMail#{done.pk}.to"]
