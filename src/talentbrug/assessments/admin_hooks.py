"""What assessments adds to the deactivation page in accounts (registered in ``ready()``):
recruitment days still to come where the person observes (and fills in scorecards)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.workload import WorkKind, swap_person

from .models import AssessmentDay


def _assessment_days(user: Any, organisation: Any) -> models.QuerySet[Any]:
    return (
        AssessmentDay.objects.filter(
            organisation=organisation, observers=user, sessions__ends_at__gte=timezone.now()
        )
        .distinct()
        .order_by("pk")
    )


OBSERVED_DAYS = WorkKind(
    "assessment_days",
    _("wervingsdagen als waarnemer (beoordelingsformulieren)"),
    "assessments.observe",
    _assessment_days,
    swap_person("observers"),
)
