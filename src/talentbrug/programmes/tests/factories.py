from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import factory
from django.utils import timezone

from talentbrug.programmes.constants import PlacementKind
from talentbrug.programmes.models import (
    Cohort,
    LearnWorkTrack,
    Placement,
    SchoolAssignment,
    SchoolPartner,
)


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolPartner

    name = factory.Sequence(lambda n: f"ROC {n}")
    region = "Leiden"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Lichting 2026-{n}")
    starts_on = date(2026, 3, 2)
    ends_on = date(2026, 9, 1)
    capacity = 8


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    kind = PlacementKind.BBL
    team = "Servicedesk"
    crebo_code = "25604"
    level = 4
    available_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolAssignment

    title = "Dashboard voor storingen"
    organisation = factory.SelfAttribute("school.organisation")


def make_track(organisation: Any, plan: Any) -> LearnWorkTrack:
    return LearnWorkTrack.objects.create(
        organisation=organisation, plan=plan, starts_on=plan.start_date
    )
