"""What onboarding adds to the deactivation page in accounts (registered in ``ready()``): open
tasks in onboarding plans, and plans the person runs as manager or HR contact."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.workload import WorkKind

from .constants import PlanStatus, TaskStatus
from .models import OnboardingPlan, PlanTask

RUNNING = [PlanStatus.PLANNED, PlanStatus.ACTIVE]


def _onboarding_tasks(user: Any, organisation: Any) -> models.QuerySet[Any]:
    return PlanTask.objects.filter(
        plan__organisation=organisation,
        owner_user=user,
        status=TaskStatus.OPEN,
        plan__status__in=RUNNING,
    ).order_by("pk")


def _hand_over_tasks(items: Any, old: Any, new: Any) -> int:
    return PlanTask.objects.filter(pk__in=[t.pk for t in items]).update(owner_user=new)


def _onboarding_plans(user: Any, organisation: Any) -> models.QuerySet[Any]:
    return (
        OnboardingPlan.objects.filter(organisation=organisation, status__in=RUNNING)
        .filter(models.Q(manager=user) | models.Q(hr_contact=user))
        .order_by("pk")
    )


def _hand_over_plans(items: Any, old: Any, new: Any) -> int:
    pks = [p.pk for p in items]
    OnboardingPlan.objects.filter(pk__in=pks, manager=old).update(manager=new)
    OnboardingPlan.objects.filter(pk__in=pks, hr_contact=old).update(hr_contact=new)
    return len(pks)


TASKS = WorkKind(
    "onboarding_tasks",
    _("open taken in inwerkplannen"),
    "onboarding.manage",
    _onboarding_tasks,
    _hand_over_tasks,
)
PLANS = WorkKind(
    "onboarding_plans",
    _("inwerkplannen als leidinggevende of contactpersoon HR"),
    "onboarding.manage",
    _onboarding_plans,
    _hand_over_plans,
)
