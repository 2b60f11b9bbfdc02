"""services.close_expired: the system closes published vacancies after their closing date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from talentbrug.audit.models import AuditEvent
from talentbrug.vacancies import services
from talentbrug.vacancies.constants import VacancyStatus

from .factories import VacancyFactory

pytestmark = pytest.mark.django_db


def test_closes_only_published_vacancies_past_their_closing_date(organisation):
    today = timezone.localdate()
    expired = VacancyFactory(
        organisation=organisation,
        status=VacancyStatus.PUBLISHED,
        closing_date=today - timedelta(days=1),
    )
    last_day = VacancyFactory(
        organisation=organisation, status=VacancyStatus.PUBLISHED, closing_date=today
    )
    concept = VacancyFactory(
        organisation=organisation,
        status=VacancyStatus.CONCEPT,
        closing_date=today - timedelta(days=3),
    )

    assert services.close_expired() == [expired.pk]

    for vacancy in (expired, last_day, concept):
        vacancy.refresh_from_db()
    assert expired.status == VacancyStatus.CLOSED
    assert last_day.status == VacancyStatus.PUBLISHED
    assert concept.status == VacancyStatus.CONCEPT
    event = AuditEvent.objects.get(event_type="vacancy.transition", object_id=str(expired.pk))
    assert event.actor is None and event.actor_label == "systeem"
    assert event.data["move"] == "close"
    assert services.close_expired() == []  # safe to run again
