"""Starting a plan, changing it and its start date, and moving it through its statuses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Organisation, User
from talentbrug.audit.services import record_event

from ..constants import OwnerRole, PlanStatus, TaskStatus
from ..models import OnboardingPlan, OnboardingTemplate, PlanTask
from ..workdays import add_working_days, working_days_between
from .guards import TransitionError, require_open
from .people import require_member
from .supporters import (
    as_supporter,
    open_promise_tasks,
    save_supporter,
    settle_arranging,
    validate_supporter,
)


@transaction.atomic
def start_onboarding(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    preferred_language: str,
    start_date: date,
    template: OnboardingTemplate,
    manager: User | None,
    application: Any = None,
    buddy: Any = None,
    language_coach: Any = None,
    bbl_supervisor: Any = None,
    hr_contact: User | None = None,
    job_title: str = "",
    team: str = "",
    first_day_place: str = "",
    first_day_time: str = "",
    first_day_ask_for: str = "",
    created_by: User | None = None,
    send_link: bool = True,
    needed_roles: Iterable[str] = (),
    guidance_promised: str = "",
    hours_per_week: int | None = None,
    hours_wished: int | None = None,
    accommodations: str = "",
) -> OnboardingPlan:
    """Create a plan from a template with real dates (working days, Dutch holidays skipped).

    Selection calls this on hire with ``application`` and what was promised: ``needed_roles``
    (buddy, language coach, praktijkopleider, manager) that the plan must have. A needed role
    without a person becomes an open HR task ("Zoek een taalcoach voor …"), and so do the
    adjustments the candidate asked for; nothing promised is dropped silently.
    Staff call it from the onboarding page.
    """
    if template.organisation_id != organisation.pk:
        raise ValidationError(_("Dit sjabloon hoort niet bij deze organisatie."))
    require_member(manager, organisation, _("De leidinggevende"))
    require_member(hr_contact, organisation, _("De contactpersoon HR"))
    supporters = {
        OwnerRole.BUDDY: as_supporter(buddy),
        OwnerRole.LANGUAGE_COACH: as_supporter(language_coach),
        OwnerRole.BBL_SUPERVISOR: as_supporter(bbl_supervisor),
    }
    for role, value in supporters.items():
        if value is not None:
            validate_supporter(value, organisation, role)
    plan = OnboardingPlan(
        organisation=organisation,
        template=template,
        template_name=template.name,
        programme=template.kind,
        application_id=getattr(application, "pk", application),
        name=name.strip(),
        email=email.strip(),
        preferred_language=preferred_language or "nl",
        job_title=job_title,
        team=team,
        start_date=start_date,
        first_day_place=first_day_place,
        first_day_time=first_day_time,
        first_day_ask_for=first_day_ask_for,
        manager=manager,
        hr_contact=hr_contact,
        created_by=created_by,
        guidance_promised=guidance_promised.strip(),
        hours_per_week=hours_per_week,
        hours_wished=hours_wished,
        accommodations=accommodations.strip(),
    )
    plan.full_clean()
    plan.save()
    PlanTask.objects.bulk_create(
        PlanTask(
            plan=plan,
            phase=task.phase,
            title=task.title,
            description=task.description,
            owner_role=task.owner_role,
            due_date=add_working_days(start_date, task.due_offset),
            form_kind=task.form_kind,
            order=task.order,
        )
        for task in template.tasks.all()
    )
    for role, value in supporters.items():
        if value is not None:
            save_supporter(plan, role, value)
    open_promise_tasks(plan, set(needed_roles), filled={r for r, v in supporters.items() if v})
    record_event(
        "onboarding.plan_started",
        actor=created_by,
        organisation=organisation,
        obj=plan,
        template=template.pk,
        tasks=plan.tasks.count(),
        application=plan.application_id,
    )
    if send_link:
        # local import: onboarding.mail imports onboarding.services.plans at load time (cycle)
        from ..mail import send_portal_link

        transaction.on_commit(lambda: send_portal_link(plan))
    return plan


@dataclass(frozen=True)
class StartDateShift:
    """What moving the first working day did to the tasks (for the message and the audit)."""

    moved: int = 0
    kept_done: int = 0
    kept_by_hand: int = 0


@transaction.atomic
def update_plan(
    plan: OnboardingPlan, *, user: Any, data: Mapping[str, Any]
) -> StartDateShift | None:
    """Change the details (first-day information, manager, language) and maybe the start date.

    A new ``start_date`` moves the open tasks with it (see ``change_start_date``); the shift is
    returned, or None when the start date stayed the same.
    """
    allowed = {
        "name",
        "email",
        "preferred_language",
        "job_title",
        "team",
        "first_day_place",
        "first_day_time",
        "first_day_ask_for",
        "manager",
        "hr_contact",
    }
    require_member(data.get("manager"), plan.organisation, _("De leidinggevende"))
    require_member(data.get("hr_contact"), plan.organisation, _("De contactpersoon HR"))
    for key, value in data.items():
        if key in allowed:
            setattr(plan, key, value)
    # The start date only changes through change_start_date (a model form may have set it).
    stored_start = OnboardingPlan.objects.values_list("start_date", flat=True).get(pk=plan.pk)
    plan.start_date = stored_start
    plan.full_clean()
    plan.save()
    record_event("onboarding.plan_updated", actor=user, organisation=plan.organisation, obj=plan)
    if "manager" in data:
        settle_arranging(plan, OwnerRole.MANAGER, filled=plan.manager_id is not None, user=user)
    new_start = data.get("start_date")
    if new_start is not None and new_start != stored_start:
        shift = change_start_date(plan, new_start, user=user)
        plan.start_date = new_start
        return shift
    return None


@transaction.atomic
def change_start_date(plan: OnboardingPlan, new_start: date, *, user: Any) -> StartDateShift:
    """Move the first working day; the open tasks move with it, on working days.

    Each open task keeps its offset in working days from the first working day (weekends and
    Dutch holidays skipped, as when the plan was made). Tasks that are done or skipped stay on
    their date, and so do tasks whose date someone chose by hand (``date_set_by_hand``).
    Check-ins are dated by the week they were filled in and evaluations have no date of their
    own (their tasks move), so nothing else moves.
    """
    plan = OnboardingPlan.objects.select_for_update().get(pk=plan.pk)
    require_open(plan)
    old_start = plan.start_date
    if new_start == old_start:
        return StartDateShift()
    plan.start_date = new_start
    plan.full_clean()
    plan.save(update_fields=["start_date", "updated_at"])
    moved: list[PlanTask] = []
    kept_done = kept_by_hand = 0
    for task in plan.tasks.select_for_update().order_by("pk"):
        if task.status != TaskStatus.OPEN:
            kept_done += 1
            continue
        if task.date_set_by_hand:
            kept_by_hand += 1
            continue
        offset = working_days_between(old_start, task.due_date)
        new_date = add_working_days(new_start, offset)
        if new_date != task.due_date:
            task.due_date = new_date
            moved.append(task)
    PlanTask.objects.bulk_update(moved, ["due_date"])
    shift = StartDateShift(moved=len(moved), kept_done=kept_done, kept_by_hand=kept_by_hand)
    record_event(
        "onboarding.start_date_changed",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        moved=shift.moved,
        kept_done=shift.kept_done,
        kept_by_hand=shift.kept_by_hand,
        # ids only; a long list is cut off (the counts stay complete)
        tasks=",".join(str(task.pk) for task in moved)[:200],
    )
    return shift


# move -> (statuses it may start from, status it ends in)
PLAN_MOVES: dict[str, tuple[frozenset[str], str]] = {
    "start": (frozenset({PlanStatus.PLANNED}), PlanStatus.ACTIVE),
    "complete": (frozenset({PlanStatus.ACTIVE}), PlanStatus.COMPLETED),
    "stop": (frozenset({PlanStatus.PLANNED, PlanStatus.ACTIVE}), PlanStatus.STOPPED),
    "resume": (frozenset({PlanStatus.STOPPED}), PlanStatus.ACTIVE),
}


def plan_moves(plan: OnboardingPlan) -> list[str]:
    return [name for name, (sources, _target) in PLAN_MOVES.items() if plan.status in sources]


@transaction.atomic
def transition_plan(
    plan: OnboardingPlan, move: str, *, user: Any = None, note: str = ""
) -> OnboardingPlan:
    if move not in PLAN_MOVES:
        raise TransitionError(_("Deze stap bestaat niet."))
    plan = OnboardingPlan.objects.select_for_update().get(pk=plan.pk)
    sources, target = PLAN_MOVES[move]
    if plan.status not in sources:
        raise TransitionError(
            _("Een inwerkplan met status '%(status)s' kan deze stap niet zetten.")
            % {"status": plan.get_status_display()}
        )
    if move == "stop" and not note.strip():
        raise ValidationError(_("Schrijf kort op waarom het plan stopt."))
    previous = plan.status
    plan.status = target
    plan.status_note = note.strip()[:300]
    plan.save(update_fields=["status", "status_note", "updated_at"])
    record_event(
        "onboarding.plan_transition",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        from_status=previous,
        to_status=target,
        move=move,
    )
    return plan


def start_plan(plan: OnboardingPlan, *, user: Any = None) -> OnboardingPlan:
    return transition_plan(plan, "start", user=user)


def complete_plan(plan: OnboardingPlan, *, user: Any) -> OnboardingPlan:
    return transition_plan(plan, "complete", user=user)


def stop_plan(plan: OnboardingPlan, *, user: Any, reason: str) -> OnboardingPlan:
    return transition_plan(plan, "stop", user=user, note=reason)


def resume_plan(plan: OnboardingPlan, *, user: Any) -> OnboardingPlan:
    return transition_plan(plan, "resume", user=user)


def activate_started_plans(today: date | None = None) -> int:
    """Periodic: plans whose first day has come move from 'not started' to 'running'."""
    today = today or timezone.localdate()
    count = 0
    for plan in OnboardingPlan.objects.filter(status=PlanStatus.PLANNED, start_date__lte=today):
        start_plan(plan)
        count += 1
    return count
