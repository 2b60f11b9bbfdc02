"""Open work of a person in one organisation, and handing it to a colleague.

When an admin deactivates someone who left, the open work must not disappear with them:
destruction lists they were asked to review, onboarding tasks and plans they run, interviews
and assessment days where they would fill in the scorecard. Each kind below says how to find
that work, which permission the new person needs, and how to hand it over. The deactivation
page lists every kind with work and asks the admin to pick the new person for each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class WorkKind:
    key: str
    label: Any  # plural, lower case: "vernietigingslijsten om te beoordelen"
    action: str  # the permission the new person needs in the organisation
    find: Callable[[Any, Any], models.QuerySet[Any]]
    hand_over: Callable[[Any, Any, Any], int]


def _review_lists(user: Any, organisation: Any) -> models.QuerySet[Any]:
    from talentbrug.records.constants import ListStatus
    from talentbrug.records.models import DestructionList

    return DestructionList.objects.filter(
        organisation=organisation, reviewers=user, status=ListStatus.IN_REVIEW
    ).order_by("pk")


def _hand_over_reviews(items: Any, old: Any, new: Any) -> int:
    count = 0
    for dl in items:
        if dl.created_by_id == new.pk:
            raise ValidationError(
                _(
                    "%(name)s stelde vernietigingslijst '%(list)s' zelf op en kan hem niet "
                    "beoordelen. Kies een ander."
                )
                % {"name": new, "list": dl.name}
            )
        dl.reviewers.remove(old)
        dl.reviewers.add(new)
        count += 1
    return count


def _onboarding_tasks(user: Any, organisation: Any) -> models.QuerySet[Any]:
    from talentbrug.onboarding.constants import PlanStatus, TaskStatus
    from talentbrug.onboarding.models import PlanTask

    return PlanTask.objects.filter(
        plan__organisation=organisation,
        owner_user=user,
        status=TaskStatus.OPEN,
        plan__status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE],
    ).order_by("pk")


def _hand_over_tasks(items: Any, old: Any, new: Any) -> int:
    from talentbrug.onboarding.models import PlanTask

    return PlanTask.objects.filter(pk__in=[t.pk for t in items]).update(owner_user=new)


def _onboarding_plans(user: Any, organisation: Any) -> models.QuerySet[Any]:
    from talentbrug.onboarding.constants import PlanStatus
    from talentbrug.onboarding.models import OnboardingPlan

    return (
        OnboardingPlan.objects.filter(
            organisation=organisation, status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE]
        )
        .filter(models.Q(manager=user) | models.Q(hr_contact=user))
        .order_by("pk")
    )


def _hand_over_plans(items: Any, old: Any, new: Any) -> int:
    from talentbrug.onboarding.models import OnboardingPlan

    pks = [p.pk for p in items]
    OnboardingPlan.objects.filter(pk__in=pks, manager=old).update(manager=new)
    OnboardingPlan.objects.filter(pk__in=pks, hr_contact=old).update(hr_contact=new)
    return len(pks)


def _interviews(user: Any, organisation: Any) -> models.QuerySet[Any]:
    from talentbrug.interviews.constants import OPEN_STATUSES
    from talentbrug.interviews.models import Interview

    return Interview.objects.filter(
        organisation=organisation, interviewers=user, status__in=OPEN_STATUSES
    ).order_by("pk")


def _hand_over_interviews(items: Any, old: Any, new: Any) -> int:
    for interview in items:
        interview.interviewers.remove(old)
        interview.interviewers.add(new)
    return len(items)


def _assessment_days(user: Any, organisation: Any) -> models.QuerySet[Any]:
    from talentbrug.assessments.models import AssessmentDay

    return (
        AssessmentDay.objects.filter(
            organisation=organisation, observers=user, sessions__ends_at__gte=timezone.now()
        )
        .distinct()
        .order_by("pk")
    )


def _hand_over_days(items: Any, old: Any, new: Any) -> int:
    for day in items:
        day.observers.remove(old)
        day.observers.add(new)
    return len(items)


WORK_KINDS: list[WorkKind] = [
    WorkKind(
        "records_reviews",
        _("vernietigingslijsten om te beoordelen"),
        "records.review",
        _review_lists,
        _hand_over_reviews,
    ),
    WorkKind(
        "onboarding_tasks",
        _("open taken in inwerkplannen"),
        "onboarding.manage",
        _onboarding_tasks,
        _hand_over_tasks,
    ),
    WorkKind(
        "onboarding_plans",
        _("inwerkplannen als leidinggevende of contactpersoon HR"),
        "onboarding.manage",
        _onboarding_plans,
        _hand_over_plans,
    ),
    WorkKind(
        "interviews",
        _("gesprekken met beoordelingsformulier"),
        "interviews.view",
        _interviews,
        _hand_over_interviews,
    ),
    WorkKind(
        "assessment_days",
        _("wervingsdagen als waarnemer (beoordelingsformulieren)"),
        "assessments.observe",
        _assessment_days,
        _hand_over_days,
    ),
]


@dataclass
class OpenWork:
    kind: WorkKind
    items: list[Any]
    candidates: list[Any]  # colleagues who may take it over


def open_work(user: Any, organisation: Any) -> list[OpenWork]:
    """Every kind of open work the person has in the organisation, with who may take it."""
    from .access import users_who_can

    found = []
    for kind in WORK_KINDS:
        items = list(kind.find(user, organisation))
        if not items:
            continue
        candidates = [u for u in users_who_can(organisation, kind.action) if u.pk != user.pk]
        found.append(OpenWork(kind=kind, items=items, candidates=candidates))
    return found
