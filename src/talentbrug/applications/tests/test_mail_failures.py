"""SMTP unreachable: every request that mails answers as usual, the mail waits in the outbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from talentbrug.outbox.constants import MailStatus
from talentbrug.outbox.models import OutboxMail
from talentbrug.outbox.services import send_due

from ..models import Application, Question
from .factories import ApplicationFactory, PublishedVacancyFactory
from .helpers import apply_post

pytestmark = pytest.mark.django_db


def _waiting(kind: str) -> OutboxMail:
    row = OutboxMail.objects.get(kind=kind)
    assert row.status == MailStatus.QUEUED
    assert row.attempts == 1 and row.last_error == "ConnectionRefusedError"
    return row


def test_applying_with_smtp_down_gives_the_normal_page_and_the_mail_follows_once(
    client, smtp_down, django_capture_on_commit_callbacks
):
    vacancy = PublishedVacancyFactory(title="Servicedeskmedewerker")
    data = apply_post(experience_title="Monteur", can_do="Ik kan klanten helpen.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "no_cv"}), data
        )
    assert response.status_code == 302
    done = client.get(response.url)
    assert done.status_code == 200
    assert "Je sollicitatie is verstuurd" in done.content.decode()
    application = Application.objects.get()
    row = _waiting("applications.application_received")
    assert row.candidate == application.candidate and row.organisation == vacancy.organisation
    assert mail.outbox == []

    smtp_down()  # the server is back
    send_due(now=timezone.now() + timedelta(minutes=2))
    send_due(now=timezone.now() + timedelta(hours=3))
    assert len(mail.outbox) == 1
    assert "Servicedeskmedewerker" in mail.outbox[0].body
    assert mail.outbox[0].to == ["amira.haddad@voorbeeld.nl"]


def test_asking_a_question_with_smtp_down(
    staff_client, organisation, smtp_down, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(vacancy__organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client(organisation).post(
            reverse("applications:staff_ask", args=[application.pk]),
            {"text": "Kun je ook op maandag?"},
        )
    assert response.status_code == 302
    assert Question.objects.filter(application=application).count() == 1
    _waiting("applications.question_asked")


def test_asking_for_a_link_with_smtp_down(client, smtp_down, django_capture_on_commit_callbacks):
    candidate = ApplicationFactory().candidate
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("applications:link_request"),
            {"email": candidate.email},
        )
    assert response.status_code == 302
    assert response.url == reverse("applications:link_sent")
    _waiting("applications.portal_link")


def test_hr_sees_the_mails_of_their_own_organisation_without_the_text(
    staff_client, organisation, other_organisation, smtp_down, django_capture_on_commit_callbacks
):
    from ..services import mail as application_mail

    mine = ApplicationFactory(vacancy__organisation=organisation, vacancy__title="Netwerkbeheer")
    theirs = ApplicationFactory(
        candidate=mine.candidate,
        vacancy__organisation=other_organisation,
        vacancy__title="Geheime vacature elders",
    )
    with django_capture_on_commit_callbacks(execute=True):
        application_mail.queue_candidate_email(mine.candidate, "application_received", mine)
        application_mail.queue_candidate_email(theirs.candidate, "application_received", theirs)
    page = (
        staff_client(organisation)
        .get(reverse("applications:staff_detail", args=[mine.pk]))
        .content.decode()
    )
    section = page.split('id="e-mails"', 1)[1].split("</section>", 1)[0]
    assert "Netwerkbeheer" in section
    assert "wacht op verzenden" in section and "Mailserver niet bereikbaar" in section
    assert "Geheime vacature elders" not in page
    assert "/mijn/inloggen/" not in page  # the text (with the personal link) is never shown
