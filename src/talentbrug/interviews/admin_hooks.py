"""What interviews adds to the deactivation page in accounts (registered in ``ready()``): open
interviews where the person would fill in the scorecard."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.workload import WorkKind, swap_person

from .constants import OPEN_STATUSES
from .models import Interview


def _interviews(user: Any, organisation: Any) -> models.QuerySet[Any]:
    return Interview.objects.filter(
        organisation=organisation, interviewers=user, status__in=OPEN_STATUSES
    ).order_by("pk")


INTERVIEWS = WorkKind(
    "interviews",
    _("gesprekken met beoordelingsformulier"),
    "interviews.view",
    _interviews,
    swap_person("interviewers"),
)
