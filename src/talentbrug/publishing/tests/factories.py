from datetime import timedelta

import factory
from django.utils import timezone

from talentbrug.publishing.models import Channel
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.tests.factories import VacancyFactory


class OpenVacancyFactory(VacancyFactory):
    """A published vacancy, open until 30 days from now."""

    status = VacancyStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    placement_date = factory.LazyFunction(timezone.localdate)
    closing_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    location = "Apeldoorn"
    region = "Gelderland"
    contact_email = "werving@voorbeeld.example"


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    vacancy = factory.SubFactory(OpenVacancyFactory)
    organisation = factory.LazyAttribute(lambda c: c.vacancy.organisation)
    name = factory.Sequence(lambda n: f"ROC kanaal {n}")
    kind = "mbo_school"
