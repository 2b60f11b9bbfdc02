from __future__ import annotations

import uuid
from datetime import timedelta

import factory
from django.utils import timezone

from talentbrug.vacancies.constants import ApplyRoute, VacancyStatus
from talentbrug.vacancies.tests.factories import VacancyFactory

from ..models import (
    Application,
    Candidate,
    RecruitmentDay,
    Slot,
    WorkSampleAssignment,
)

ALL_ROUTES = [route.value for route in ApplyRoute]


class PublishedVacancyFactory(VacancyFactory):
    status = VacancyStatus.PUBLISHED
    apply_routes = factory.LazyFunction(lambda: list(ALL_ROUTES))


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    email = factory.Sequence(lambda n: f"kandidaat{n}@voorbeeld.nl")
    name = factory.Sequence(lambda n: f"Kandidaat {n}")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    vacancy = factory.SubFactory(PublishedVacancyFactory)
    organisation = factory.LazyAttribute(lambda a: a.vacancy.organisation)
    candidate = factory.SubFactory(CandidateFactory)
    route = "cv"
    idempotency_key = factory.LazyFunction(uuid.uuid4)


class RecruitmentDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecruitmentDay

    vacancy = factory.SubFactory(PublishedVacancyFactory)
    organisation = factory.LazyAttribute(lambda d: d.vacancy.organisation)
    title = "Wervingsdag servicedesk"
    address_text = (
        "Kennedylaan 1, Apeldoorn. De ingang is aan de achterkant. Bel aan bij de servicedesk."
    )


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    day = factory.SubFactory(RecruitmentDayFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=2))
    capacity = 5


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkSampleAssignment

    vacancy = factory.SubFactory(PublishedVacancyFactory)
    organisation = factory.LazyAttribute(lambda a: a.vacancy.organisation)
    title = "Schrijf een korte handleiding"
    instructions = "Schrijf in 10 zinnen hoe je een wachtwoord verandert."
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
