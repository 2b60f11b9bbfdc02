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
from talentbrug.interviews.models import Interview
from talentbrug.interviews.tests.factories import interview_for
from talentbrug.notifications.models import Notification
from talentbrug.outbox.models import OutboxMail
from talentbrug.outbox.services import queue_mail
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
