"""Portal booking and the staff pages of group days."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.applications.tests.helpers import portal_client
from talentbrug.conftest import verified_client
from talentbrug.selection.tests.factories import application_in_pipeline, vacancy_with_requirements

from ..models import AssessmentDay, DayBooking, Session
from .factories import day_with_session, in_assessment_stage

pytestmark = pytest.mark.django_db


def test_candidate_books_and_cancels_in_the_portal(organisation, hr):
    day, session = day_with_session(organisation)
    application = in_assessment_stage(organisation, day.vacancies.get(), hr)
    client = portal_client(application.candidate)
    home = client.get(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    assert "Kies een tijd voor de groepsdag" in home.content.decode()
    url = reverse("assessments:portal_book", kwargs={"pk": application.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, {"session": session.pk}).status_code == 302
    booking = DayBooking.objects.get(application=application, status="booked")
    body = client.get(url).content.decode()
    assert "Je bent ingeschreven" in body and "Turfmarkt 147" in body
    response = client.post(
        reverse("assessments:portal_cancel", kwargs={"pk": application.pk}),
        {"booking": booking.pk},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_full_session_in_the_portal_gives_a_message(organisation, hr):
    day, session = day_with_session(organisation, capacity=1)
    vacancy = day.vacancies.get()
    first = in_assessment_stage(organisation, vacancy, hr)
    second = in_assessment_stage(organisation, vacancy, hr)
    portal_client(first.candidate).post(
        reverse("assessments:portal_book", kwargs={"pk": first.pk}), {"session": session.pk}
    )
    response = portal_client(second.candidate).post(
        reverse("assessments:portal_book", kwargs={"pk": second.pk}), {"session": session.pk}
    )
    assert response.status_code == 400
    assert "net vol" in response.content.decode()


def test_portal_refuses_too_early_and_other_peoples_applications(organisation, hr):
    day, session = day_with_session(organisation)
    early = application_in_pipeline(organisation, vacancy=day.vacancies.get()).application
    client = portal_client(early.candidate)
    url = reverse("assessments:portal_book", kwargs={"pk": early.pk})
    assert "nog niet inschrijven" in client.get(url).content.decode()
    client.post(url, {"session": session.pk})
    assert not DayBooking.objects.exists()
    other = in_assessment_stage(organisation, day.vacancies.get(), hr)
    assert (
        client.get(reverse("assessments:portal_book", kwargs={"pk": other.pk})).status_code == 404
    )


def test_staff_create_a_day_and_add_a_session(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    client = verified_client(hr)
    response = client.post(
        reverse("assessments:create"),
        {
            "title": "Groepsdag servicedesk",
            "address_text": "Turfmarkt 147, Den Haag. Ingang aan de achterkant.",
            "vacancies": [vacancy.pk],
            "observers": [hr.pk],
        },
    )
    assert response.status_code == 302
    day = AssessmentDay.objects.get()
    assert list(day.observers.all()) == [hr]
    start = timezone.localtime() + timedelta(days=5)
    response = client.post(
        reverse("assessments:add_session", kwargs={"pk": day.pk}),
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "capacity": 6,
        },
    )
    assert response.status_code == 302
    assert Session.objects.get(day=day).capacity == 6
    response = client.post(
        reverse("assessments:add_session", kwargs={"pk": day.pk}),
        {"starts_at": "2020-01-01T09:00", "ends_at": "2020-01-01T10:00", "capacity": 6},
    )
    assert response.status_code == 400
    assert client.get(reverse("assessments:index")).status_code == 200
    assert client.get(reverse("assessments:detail", kwargs={"pk": day.pk})).status_code == 200
    assert client.post(reverse("assessments:create"), {"title": ""}).status_code == 200
