"""The tasks of a plan: their statuses, editing and adding them, completing them from the portal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import OwnerRole, TaskStatus
from ..models import OnboardingPlan, PlanTask, Supporter
from .guards import TransitionError, check_date, require_open
from .people import require_member

TASK_MOVES: dict[str, tuple[frozenset[str], str]] = {
    "complete": (frozenset({TaskStatus.OPEN}), TaskStatus.DONE),
    "skip": (frozenset({TaskStatus.OPEN}), TaskStatus.SKIPPED),
    "reopen": (frozenset({TaskStatus.DONE, TaskStatus.SKIPPED}), TaskStatus.OPEN),
}


def task_moves(task: PlanTask) -> list[str]:
    if not task.plan.is_open:
        return []
    return [name for name, (sources, _target) in TASK_MOVES.items() if task.status in sources]


@transaction.atomic
def transition_task(
    task: PlanTask, move: str, *, user: Any = None, note: str = "", via: str = "staff"
) -> PlanTask:
    if move not in TASK_MOVES:
        raise TransitionError(_("Deze stap bestaat niet."))
    task = PlanTask.objects.select_for_update().select_related("plan").get(pk=task.pk)
    require_open(task.plan)
    sources, target = TASK_MOVES[move]
    if task.status not in sources:
        raise TransitionError(
            _("Een taak met status '%(status)s' kan deze stap niet zetten.")
            % {"status": task.get_status_display()}
        )
    if move == "skip" and not note.strip():
        raise ValidationError(_("Schrijf kort op waarom deze taak niet nodig is."))
    previous = task.status
    task.status = target
    task.status_note = note.strip()[:300]
    task.finished_at = timezone.now() if target != TaskStatus.OPEN else None
    task.save(update_fields=["status", "status_note", "finished_at"])
    record_event(
        "onboarding.task_transition",
        actor=user,
        organisation=task.plan.organisation,
        obj=task.plan,
        task=task.pk,
        from_status=previous,
        to_status=target,
        move=move,
        via=via,
    )
    return task


def complete_task(task: PlanTask, *, user: Any = None, via: str = "staff") -> PlanTask:
    return transition_task(task, "complete", user=user, via=via)


def skip_task(task: PlanTask, *, user: Any, reason: str) -> PlanTask:
    return transition_task(task, "skip", user=user, note=reason)


def reopen_task(task: PlanTask, *, user: Any) -> PlanTask:
    return transition_task(task, "reopen", user=user)


def complete_own_task(plan: OnboardingPlan, task: PlanTask) -> PlanTask:
    """The new hire marks one of their own tasks done in the portal."""
    if task.plan_id != plan.pk or task.owner_role != OwnerRole.NEW_HIRE or task.owner_user_id:
        raise TransitionError(_("Dit is geen taak voor jou."))
    return complete_task(task, via="portal")


def complete_supporter_task(supporter: Supporter, task: PlanTask) -> PlanTask:
    if task.plan_id != supporter.plan_id or task.owner_role != supporter.role or task.owner_user_id:
        raise TransitionError(_("Dit is geen taak voor jou."))
    return complete_task(task, via="supporter")


@transaction.atomic
def update_task(task: PlanTask, *, user: Any, data: Mapping[str, Any]) -> PlanTask:
    """The manager adjusts a task: date, owner role or a fixed colleague, text."""
    require_open(task.plan)
    if "due_date" in data:
        check_date(task.plan, data["due_date"])
    if data.get("owner_user") is not None:
        require_member(data["owner_user"], task.plan.organisation, _("De uitvoerder"))
    if "due_date" in data and data["due_date"] != task.due_date:
        task.date_set_by_hand = True  # a later move of the start date leaves it alone
    for key in ("title", "description", "due_date", "owner_role", "owner_user"):
        if key in data:
            setattr(task, key, data[key])
    task.full_clean()
    task.save()
    record_event(
        "onboarding.task_updated",
        actor=user,
        organisation=task.plan.organisation,
        obj=task.plan,
        task=task.pk,
    )
    return task


@transaction.atomic
def add_task(plan: OnboardingPlan, *, user: Any, data: Mapping[str, Any]) -> PlanTask:
    require_open(plan)
    check_date(plan, data["due_date"])
    if data.get("owner_user") is not None:
        require_member(data["owner_user"], plan.organisation, _("De uitvoerder"))
    task = PlanTask(plan=plan, date_set_by_hand=True, **data)
    task.full_clean()
    task.save()
    record_event(
        "onboarding.task_added", actor=user, organisation=plan.organisation, obj=plan, task=task.pk
    )
    return task


def complete_form_task(plan: OnboardingPlan, form_kind: str, *, user: Any = None, via: str) -> None:
    task = (
        plan.tasks.filter(form_kind=form_kind, status=TaskStatus.OPEN)
        .order_by("due_date", "pk")
        .first()
    )
    if task is not None:
        complete_task(task, user=user, via=via)
