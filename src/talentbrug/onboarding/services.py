"""Everything that changes onboarding state. Views and tasks call these; each move is audited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from talentbrug.accounts.models import Membership, Organisation, User
from talentbrug.audit.services import record_event

from . import defaults, themes
from .constants import (
    MAX_SURPRISES,
    OBSTACLE_SURVEY_DAYS,
    PLAN_DAYS_AFTER_START,
    PLAN_DAYS_BEFORE_START,
    SUPPORTER_ROLES,
    EvaluationMoment,
    FormKind,
    GoalStatus,
    Health,
    Need,
    Obstacle,
    OwnerRole,
    Phase,
    PlanStatus,
    ProgrammeKind,
    TaskStatus,
)
from .models import (
    CheckIn,
    DevelopmentGoal,
    Evaluation,
    EvaluationSelfReview,
    Intake,
    ObstacleSurvey,
    OnboardingPlan,
    OnboardingTemplate,
    PlanTask,
    Supporter,
    Surprise,
    TemplateTask,
)
from .workdays import add_working_days, week_start, working_days_between


class TransitionError(ValidationError):
    """A move that is not allowed from the current status."""


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


def members_of(organisation: Organisation) -> QuerySet[User]:
    """Active staff of the organisation (any role)."""
    return (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def has_left(user: User | None, organisation: Organisation) -> bool:
    """A colleague who no longer works in the organisation (inactive or no role left)."""
    if user is None:
        return False
    if not user.is_active:
        return True
    return not Membership.objects.filter(user=user, organisation=organisation).exists()


def _require_member(user: User | None, organisation: Organisation, label: str) -> None:
    if user is not None and has_left(user, organisation):
        raise ValidationError(
            _("%(label)s werkt niet (meer) bij deze organisatie. Kies iemand anders.")
            % {"label": label}
        )


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def ensure_default_templates(
    organisation: Organisation, *, audit: bool = True
) -> list[OnboardingTemplate]:
    """Create the shipped templates once per organisation. Existing ones are left alone.

    ``audit=False`` when they come with a new organisation (part of making it; nobody acted).
    """
    created: list[OnboardingTemplate] = []
    for kind, name, description in defaults.DEFAULT_TEMPLATES:
        template, is_new = OnboardingTemplate.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"kind": kind, "description": description, "is_default": True},
        )
        if is_new:
            TemplateTask.objects.bulk_create(
                TemplateTask(
                    template=template,
                    phase=phase,
                    title=title,
                    description=text,
                    owner_role=owner,
                    due_offset=offset,
                    form_kind=form,
                    order=index,
                )
                for index, (phase, title, text, owner, offset, form) in enumerate(
                    defaults.tasks_for(kind)
                )
            )
            created.append(template)
    if created and audit:
        record_event("onboarding.templates_created", organisation=organisation, count=len(created))
    return created


def organisation_created(
    sender: Any, instance: Organisation, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new organisation starts with the shipped templates (backfill: onboarding 0004)."""
    if created and not raw:
        ensure_default_templates(instance, audit=False)


def template_for(organisation: Organisation, kind: str) -> OnboardingTemplate:
    """The active template for a programme kind (for selection: the right template on hire)."""
    ensure_default_templates(organisation)
    template = (
        OnboardingTemplate.objects.filter(organisation=organisation, kind=kind, is_active=True)
        .order_by("-is_default", "name")
        .first()
    )
    if template is None:
        template = OnboardingTemplate.objects.filter(
            organisation=organisation, kind=ProgrammeKind.STANDARD
        ).first()
    assert template is not None
    return template


# The phases a vacancy shows as a preview of the template: what the first weeks look like.
PREVIEW_PHASES = (Phase.BEFORE_START, Phase.WEEK_1, Phase.MONTH_1)


def first_weeks(template: OnboardingTemplate | None) -> list[dict[str, Any]]:
    """The template's tasks up to the first month, by phase (for the vacancy's preview)."""
    if template is None:
        return []
    tasks = list(template.tasks.filter(phase__in=PREVIEW_PHASES))
    return [
        {"label": Phase(phase).label, "tasks": [t for t in tasks if t.phase == phase]}
        for phase in PREVIEW_PHASES
        if any(t.phase == phase for t in tasks)
    ]


@transaction.atomic
def add_template_task(
    template: OnboardingTemplate, *, user: Any, data: Mapping[str, Any]
) -> TemplateTask:
    task = TemplateTask(template=template, **data)
    task.full_clean()
    task.save()
    record_event(
        "onboarding.template_changed",
        actor=user,
        organisation=template.organisation,
        obj=template,
        change="task_added",
    )
    return task


@transaction.atomic
def remove_template_task(task: TemplateTask, *, user: Any) -> None:
    template = task.template
    task.delete()
    record_event(
        "onboarding.template_changed",
        actor=user,
        organisation=template.organisation,
        obj=template,
        change="task_removed",
    )


# ---------------------------------------------------------------------------------------------
# Starting a plan
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupporterInput:
    """A supporter to assign: a colleague (``user``) or an external coach (name + e-mail)."""

    user: User | None = None
    name: str = ""
    email: str = ""
    language: str = "nl"


def _as_supporter(value: Any) -> SupporterInput | None:
    if value is None or value == "":
        return None
    if isinstance(value, SupporterInput):
        return value
    if isinstance(value, User):
        return SupporterInput(user=value)
    if isinstance(value, Mapping):
        return SupporterInput(
            user=value.get("user"),
            name=value.get("name", ""),
            email=value.get("email", ""),
            language=value.get("language", "nl") or "nl",
        )
    raise TypeError("A supporter is a User, a SupporterInput or a mapping with name and email")


def _validate_supporter(value: SupporterInput, organisation: Organisation, role: str) -> None:
    label = str(OwnerRole(role).label)
    if value.user is not None:
        _require_member(value.user, organisation, label)
        return
    if not value.name.strip() or not value.email.strip():
        raise ValidationError(
            _(
                "Vul voor de %(role)s een collega in, of de naam en het e-mailadres van een externe coach."
            )
            % {"role": label.lower()}
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
    _require_member(manager, organisation, _("De leidinggevende"))
    _require_member(hr_contact, organisation, _("De contactpersoon HR"))
    supporters = {
        OwnerRole.BUDDY: _as_supporter(buddy),
        OwnerRole.LANGUAGE_COACH: _as_supporter(language_coach),
        OwnerRole.BBL_SUPERVISOR: _as_supporter(bbl_supervisor),
    }
    for role, value in supporters.items():
        if value is not None:
            _validate_supporter(value, organisation, role)
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
            _save_supporter(plan, role, value)
    _open_promise_tasks(plan, set(needed_roles), filled={r for r, v in supporters.items() if v})
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
        # local import: onboarding.mail imports onboarding.services at load time (cycle)
        from .mail import send_portal_link

        transaction.on_commit(lambda: send_portal_link(plan))
    return plan


# What the coordinator must arrange when a promised person is not named yet.
ARRANGE_TITLES = {
    OwnerRole.BUDDY: _lazy("Zoek een buddy voor %(name)s"),
    OwnerRole.LANGUAGE_COACH: _lazy("Zoek een taalcoach voor %(name)s"),
    OwnerRole.BBL_SUPERVISOR: _lazy("Zoek een praktijkopleider voor %(name)s"),
    OwnerRole.MANAGER: _lazy("Kies de leidinggevende van %(name)s"),
}
ARRANGE_TEXT = _lazy(
    "Dit is beloofd bij het aannemen. Zet de persoon in het plan; dan is deze taak klaar."
)
# An arranging task is due this many working days before the first working day (or today).
ARRANGE_DAYS_BEFORE_START = 5


def _arrange_due(plan: OnboardingPlan) -> date:
    due = add_working_days(plan.start_date, -ARRANGE_DAYS_BEFORE_START)
    return max(due, min(timezone.localdate(), plan.start_date))


def _open_promise_tasks(plan: OnboardingPlan, needed: set[str], filled: set[str]) -> None:
    """One open HR task per promised person still missing, and one for the adjustments asked.

    The shipped template's own task for it ("Regel een taalcoach") becomes that task, so the
    plan does not ask twice; when the person is already named, that task is done.
    """
    tasks = []
    for role, title in ARRANGE_TITLES.items():
        missing = role not in filled if role != OwnerRole.MANAGER else plan.manager_id is None
        shipped = (
            plan.tasks.filter(title=defaults.ARRANGING_TITLES[role], status=TaskStatus.OPEN)
            .order_by("due_date")
            .first()
            if role in defaults.ARRANGING_TITLES and role in needed
            else None
        )
        if shipped is not None and not missing:
            shipped.arranges_role = role
            shipped.save(update_fields=["arranges_role"])
            complete_task(shipped, user=plan.created_by)
        elif shipped is not None:
            shipped.title = str(title) % {"name": plan.name}
            shipped.description = str(ARRANGE_TEXT)
            shipped.owner_role = OwnerRole.HR
            shipped.arranges_role = role
            shipped.due_date = max(shipped.due_date, min(timezone.localdate(), plan.start_date))
            shipped.save(
                update_fields=["title", "description", "owner_role", "arranges_role", "due_date"]
            )
        elif role in needed and missing:
            tasks.append(
                PlanTask(
                    plan=plan,
                    phase=Phase.BEFORE_START,
                    title=str(title) % {"name": plan.name},
                    description=str(ARRANGE_TEXT),
                    owner_role=OwnerRole.HR,
                    due_date=_arrange_due(plan),
                    arranges_role=role,
                    order=0,
                )
            )
    if plan.accommodations:
        tasks.append(
            PlanTask(
                plan=plan,
                phase=Phase.BEFORE_START,
                title=_("Regel de aanpassingen die %(name)s vroeg") % {"name": plan.name},
                # the request itself stays on the plan (staff only), not in the task text
                description=_(
                    "Lees de aanpassingen in het plan, onder 'Afgesproken bij het aannemen'."
                ),
                owner_role=OwnerRole.HR,
                due_date=_arrange_due(plan),
                order=0,
            )
        )
    PlanTask.objects.bulk_create(tasks)


def arranging_tasks(plan: OnboardingPlan) -> dict[str, PlanTask]:
    """The open 'find a buddy/coach/…' tasks of the plan, by the role they arrange."""
    return {
        task.arranges_role: task
        for task in plan.tasks.all()
        if task.arranges_role and task.status == TaskStatus.OPEN
    }


def _settle_arranging(plan: OnboardingPlan, role: str, *, filled: bool, user: Any) -> None:
    """A named person completes the task to find one; removing them opens it again."""
    if filled:
        for task in plan.tasks.filter(arranges_role=role, status=TaskStatus.OPEN):
            complete_task(task, user=user)
    else:
        for task in plan.tasks.filter(arranges_role=role, status=TaskStatus.DONE):
            reopen_task(task, user=user)


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
    _require_member(data.get("manager"), plan.organisation, _("De leidinggevende"))
    _require_member(data.get("hr_contact"), plan.organisation, _("De contactpersoon HR"))
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
        _settle_arranging(plan, OwnerRole.MANAGER, filled=plan.manager_id is not None, user=user)
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
    _require_open(plan)
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


# ---------------------------------------------------------------------------------------------
# Supporters and owners
# ---------------------------------------------------------------------------------------------


def _save_supporter(plan: OnboardingPlan, role: str, value: SupporterInput) -> Supporter:
    supporter, _created = Supporter.objects.update_or_create(
        plan=plan,
        role=role,
        defaults={
            "user": value.user,
            "external_name": "" if value.user else value.name.strip(),
            "external_email": "" if value.user else value.email.strip(),
            "language": value.language or "nl",
        },
    )
    supporter.full_clean()
    return supporter


@transaction.atomic
def assign_supporter(plan: OnboardingPlan, role: str, value: Any, *, user: Any) -> Supporter | None:
    """Assign (or with ``None`` remove) the buddy, language coach or praktijkopleider."""
    if role not in SUPPORTER_ROLES:
        raise ValidationError(_("Deze rol kan geen begeleider zijn."))
    _require_open(plan)
    supporter_input = _as_supporter(value)
    if supporter_input is None:
        deleted, _rows = Supporter.objects.filter(plan=plan, role=role).delete()
        if deleted:
            record_event(
                "onboarding.supporter_removed",
                actor=user,
                organisation=plan.organisation,
                obj=plan,
                role=role,
            )
            _settle_arranging(plan, role, filled=False, user=user)
        return None
    _validate_supporter(supporter_input, plan.organisation, role)
    supporter = _save_supporter(plan, role, supporter_input)
    supporter.token_version += 1  # links of a previous person stop working
    supporter.save(update_fields=["token_version"])
    record_event(
        "onboarding.supporter_assigned",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        role=role,
        external=supporter_input.user is None,
    )
    _settle_arranging(plan, role, filled=True, user=user)
    return supporter


def owner_contact(task: PlanTask) -> tuple[str, str, str] | None:
    """(name, e-mail, language) of whoever does the task now, or None if nobody is set."""
    plan = task.plan
    if task.owner_user_id:
        u = task.owner_user
        return (str(u), u.email, u.preferred_language)
    role = task.owner_role
    if role == OwnerRole.NEW_HIRE:
        return (plan.name, plan.email, plan.preferred_language)
    if role == OwnerRole.MANAGER and plan.manager_id:
        return (str(plan.manager), plan.manager.email, plan.manager.preferred_language)
    if role == OwnerRole.HR and plan.hr_contact_id:
        return (str(plan.hr_contact), plan.hr_contact.email, plan.hr_contact.preferred_language)
    supporter = plan.supporter(role) if role in SUPPORTER_ROLES else None
    if supporter is not None and supporter.email:
        return (supporter.display_name, supporter.email, supporter.message_language)
    return None


def tasks_with_departed_owner(plan: OnboardingPlan) -> list[PlanTask]:
    """Open tasks whose person no longer works in the organisation (to reassign)."""
    result = []
    org = plan.organisation
    for task in plan.tasks.filter(status=TaskStatus.OPEN).select_related("owner_user"):
        person: User | None = task.owner_user
        if person is None:
            if task.owner_role == OwnerRole.MANAGER:
                person = plan.manager
            elif task.owner_role == OwnerRole.HR:
                person = plan.hr_contact
            elif task.owner_role in SUPPORTER_ROLES:
                supporter = plan.supporter(task.owner_role)
                person = supporter.user if supporter else None
        if has_left(person, org):
            result.append(task)
    return result


def departed_people(plan: OnboardingPlan) -> list[User]:
    people: dict[int, User] = {}
    for task in tasks_with_departed_owner(plan):
        person = task.owner_user
        if person is None:
            if task.owner_role == OwnerRole.MANAGER:
                person = plan.manager
            elif task.owner_role == OwnerRole.HR:
                person = plan.hr_contact
            else:
                supporter = plan.supporter(task.owner_role)
                person = supporter.user if supporter else None
        if person is not None:
            people[person.pk] = person
    return list(people.values())


@transaction.atomic
def reassign_tasks(plan: OnboardingPlan, *, from_user: User, to_user: User, user: Any) -> int:
    """Give everything of ``from_user`` in this plan (tasks, manager, HR, supporter) to ``to_user``.

    Returns the number of open tasks that changed hands.
    """
    _require_open(plan)
    _require_member(to_user, plan.organisation, _("De nieuwe uitvoerder"))
    open_tasks = plan.tasks.filter(status=TaskStatus.OPEN)
    moved = open_tasks.filter(owner_user=from_user).update(owner_user=to_user)
    by_role = open_tasks.filter(owner_user__isnull=True)
    if plan.manager_id == from_user.pk:
        plan.manager = to_user
        moved += by_role.filter(owner_role=OwnerRole.MANAGER).count()
    if plan.hr_contact_id == from_user.pk:
        plan.hr_contact = to_user
        moved += by_role.filter(owner_role=OwnerRole.HR).count()
    plan.save(update_fields=["manager", "hr_contact", "updated_at"])
    for supporter in Supporter.objects.filter(plan=plan, user=from_user):
        moved += by_role.filter(owner_role=supporter.role).count()
        supporter.user = to_user
        supporter.token_version += 1
        supporter.save(update_fields=["user", "token_version"])
    record_event(
        "onboarding.tasks_reassigned",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        count=moved,
    )
    return moved


# ---------------------------------------------------------------------------------------------
# Plan workflow
# ---------------------------------------------------------------------------------------------

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


def _require_open(plan: OnboardingPlan) -> None:
    if not plan.is_open:
        raise TransitionError(
            _("Dit inwerkplan is %(status)s. Er kan niets meer worden veranderd.")
            % {"status": plan.get_status_display().lower()}
        )


# ---------------------------------------------------------------------------------------------
# Task workflow
# ---------------------------------------------------------------------------------------------

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
    _require_open(task.plan)
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


def _plan_window(plan: OnboardingPlan) -> tuple[date, date]:
    return (
        plan.start_date - timedelta(days=PLAN_DAYS_BEFORE_START),
        plan.start_date + timedelta(days=PLAN_DAYS_AFTER_START),
    )


def _check_date(plan: OnboardingPlan, day: date) -> None:
    first, last = _plan_window(plan)
    if not first <= day <= last:
        raise ValidationError(
            _("Kies een datum tussen %(first)s en %(last)s: dat is de looptijd van het plan.")
            % {"first": first.strftime("%d-%m-%Y"), "last": last.strftime("%d-%m-%Y")}
        )


@transaction.atomic
def update_task(task: PlanTask, *, user: Any, data: Mapping[str, Any]) -> PlanTask:
    """The manager adjusts a task: date, owner role or a fixed colleague, text."""
    _require_open(task.plan)
    if "due_date" in data:
        _check_date(task.plan, data["due_date"])
    if data.get("owner_user") is not None:
        _require_member(data["owner_user"], task.plan.organisation, _("De uitvoerder"))
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
    _require_open(plan)
    _check_date(plan, data["due_date"])
    if data.get("owner_user") is not None:
        _require_member(data["owner_user"], plan.organisation, _("De uitvoerder"))
    task = PlanTask(plan=plan, date_set_by_hand=True, **data)
    task.full_clean()
    task.save()
    record_event(
        "onboarding.task_added", actor=user, organisation=plan.organisation, obj=plan, task=task.pk
    )
    return task


def _complete_form_task(
    plan: OnboardingPlan, form_kind: str, *, user: Any = None, via: str
) -> None:
    task = (
        plan.tasks.filter(form_kind=form_kind, status=TaskStatus.OPEN)
        .order_by("due_date", "pk")
        .first()
    )
    if task is not None:
        complete_task(task, user=user, via=via)


# ---------------------------------------------------------------------------------------------
# Built-in forms
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def submit_intake(plan: OnboardingPlan, data: Mapping[str, Any]) -> Intake:
    _require_open(plan)
    needs = [n for n in data.get("needs", []) if n in Need.values]
    intake, _created = Intake.objects.get_or_create(plan=plan)
    intake.expectations = data.get("expectations", "")
    intake.wants_to_learn = data.get("wants_to_learn", "")
    intake.needs = needs
    intake.needs_other = data.get("needs_other", "")
    intake.hours_wish = data.get("hours_wish", "")
    intake.submitted_at = timezone.now()
    intake.save()
    record_event(
        "onboarding.intake_submitted", organisation=plan.organisation, obj=plan, needs=len(needs)
    )
    _complete_form_task(plan, FormKind.INTAKE, via="portal")
    return intake


@transaction.atomic
def save_manager_expectations(plan: OnboardingPlan, *, user: Any, text: str) -> Intake:
    _require_open(plan)
    intake, _created = Intake.objects.get_or_create(plan=plan)
    intake.manager_expectations = text
    intake.manager_updated_at = timezone.now()
    intake.save()
    record_event(
        "onboarding.intake_expectations", actor=user, organisation=plan.organisation, obj=plan
    )
    return intake


def started(plan: OnboardingPlan, today: date | None = None) -> bool:
    """The first working day has come (check-ins and surprises are about the work itself)."""
    today = today or timezone.localdate()
    return plan.is_open and today >= plan.start_date


def checkin_open(plan: OnboardingPlan, today: date | None = None) -> bool:
    """Check-ins can be filled from the first working day on, while the plan runs."""
    return started(plan, today)


def surprises_open(plan: OnboardingPlan, today: date | None = None) -> bool:
    """'Wat viel je op?' opens on the first working day: before it, nothing can surprise yet."""
    return started(plan, today)


def submit_checkin(
    plan: OnboardingPlan, data: Mapping[str, Any], today: date | None = None
) -> tuple[CheckIn, bool]:
    """Store this week's check-in. A second one in the same week is not stored: (first, False)."""
    today = today or timezone.localdate()
    _require_open(plan)
    if not checkin_open(plan, today):
        raise ValidationError(_("Je kunt de check-in invullen vanaf je eerste werkdag."))
    mood = int(data["mood"])
    if not 1 <= mood <= 5:
        raise ValidationError(_("Kies een cijfer van 1 tot en met 5."))
    monday = week_start(today)
    existing = CheckIn.objects.filter(plan=plan, week_start=monday).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                plan=plan,
                week_start=monday,
                mood=mood,
                went_well=data.get("went_well", ""),
                was_hard=data.get("was_hard", ""),
                needs_help=data.get("needs_help", ""),
            )
    except IntegrityError:  # a double click raced us: keep the first one
        return CheckIn.objects.get(plan=plan, week_start=monday), False
    record_event(
        "onboarding.checkin_submitted", organisation=plan.organisation, obj=plan, mood=mood
    )
    with transaction.atomic():
        _complete_form_task(plan, FormKind.CHECKIN, via="portal")
    return checkin, True


@transaction.atomic
def submit_surprises(
    plan: OnboardingPlan, texts: Iterable[str], today: date | None = None
) -> list[Surprise]:
    """Store up to ten surprises (replacing an earlier list). Each gets a theme."""
    _require_open(plan)
    if not surprises_open(plan, today):
        raise ValidationError(_("Je kunt opschrijven wat je opviel vanaf je eerste werkdag."))
    cleaned = [t.strip() for t in texts if t and t.strip()]
    if not cleaned:
        raise ValidationError(_("Schrijf minstens één ding op dat je opviel."))
    if len(cleaned) > MAX_SURPRISES:
        raise ValidationError(_("Je kunt maximaal tien dingen opschrijven."))
    plan.surprises.all().delete()
    surprises = Surprise.objects.bulk_create(
        Surprise(plan=plan, position=i, text=text[:1000], theme=themes.theme_of(text))
        for i, text in enumerate(cleaned, start=1)
    )
    record_event(
        "onboarding.surprises_submitted",
        organisation=plan.organisation,
        obj=plan,
        count=len(surprises),
    )
    _complete_form_task(plan, FormKind.SURPRISES, via="portal")
    return surprises


@transaction.atomic
def save_evaluation(
    plan: OnboardingPlan, moment: str, *, user: Any, data: Mapping[str, Any]
) -> Evaluation:
    _require_open(plan)
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit evaluatiemoment bestaat niet."))
    evaluation, _created = Evaluation.objects.update_or_create(
        plan=plan,
        moment=moment,
        defaults={
            "went_well": data["went_well"],
            "to_improve": data.get("to_improve", ""),
            "new_hire_view": data.get("new_hire_view", ""),
            "outcome": data["outcome"],
            "author": user,
        },
    )
    record_event(
        "onboarding.evaluation_saved",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        outcome=evaluation.outcome,
    )
    form_kind = (
        FormKind.EVALUATION_3 if moment == EvaluationMoment.MONTH_3 else FormKind.EVALUATION_6
    )
    _complete_form_task(plan, form_kind, user=user, via="staff")
    return evaluation


# --- The new hire's own part of the evaluation ------------------------------------------------

EVALUATION_FORMS = {
    EvaluationMoment.MONTH_3: FormKind.EVALUATION_3,
    EvaluationMoment.MONTH_6: FormKind.EVALUATION_6,
}
# Without an evaluation task in the plan, the moment lies this many working days after the start.
EVALUATION_OFFSETS = {EvaluationMoment.MONTH_3: 62, EvaluationMoment.MONTH_6: 125}
# The portal shows the self-evaluation from this many days before the evaluation on.
SELF_REVIEW_DAYS_AHEAD = 21


def evaluation_done(plan: OnboardingPlan, moment: str) -> bool:
    """The evaluation meeting is marked done: its task is done or skipped (saving the manager's
    evaluation does that). A plan without such a task: the manager's evaluation is saved."""
    tasks = list(plan.tasks.filter(form_kind=EVALUATION_FORMS[EvaluationMoment(moment)]))
    if tasks:
        return all(task.status != TaskStatus.OPEN for task in tasks)
    return Evaluation.objects.filter(plan=plan, moment=moment).exists()


def self_review_editable(plan: OnboardingPlan, moment: str) -> bool:
    return plan.is_open and not evaluation_done(plan, moment)


def evaluation_date(plan: OnboardingPlan, moment: str) -> date:
    """The date of the evaluation: its task's date, or about 3 or 6 months after the start."""
    task = (
        plan.tasks.filter(form_kind=EVALUATION_FORMS[EvaluationMoment(moment)])
        .order_by("due_date")
        .first()
    )
    if task is not None:
        return task.due_date
    return add_working_days(plan.start_date, EVALUATION_OFFSETS[EvaluationMoment(moment)])


def self_review_moments(plan: OnboardingPlan, today: date | None = None) -> list[dict[str, Any]]:
    """For the portal: the evaluations the new hire can fill in now, or filled in before."""
    today = today or timezone.localdate()
    reviews = {review.moment: review for review in plan.self_reviews.all()}
    rows = []
    for moment in EvaluationMoment:
        day = evaluation_date(plan, moment)
        review = reviews.get(moment.value)
        if review is None and (
            not plan.is_open or today < day - timedelta(days=SELF_REVIEW_DAYS_AHEAD)
        ):
            continue
        rows.append(
            {
                "moment": moment.value,
                "title": FormKind(EVALUATION_FORMS[moment]).label,
                "date": day,
                "review": review,
                "editable": self_review_editable(plan, moment),
            }
        )
    return rows


@transaction.atomic
def save_self_review(
    plan: OnboardingPlan, moment: str, data: Mapping[str, Any]
) -> tuple[EvaluationSelfReview, bool]:
    """The new hire saves their own part of the evaluation (again), until the meeting is done.

    Returns the review and whether it was new.
    """
    plan = OnboardingPlan.objects.select_for_update().get(pk=plan.pk)
    _require_open(plan)
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit evaluatiemoment bestaat niet."))
    if evaluation_done(plan, moment):
        raise TransitionError(
            _("Het gesprek is geweest. Je kunt je antwoorden niet meer veranderen.")
        )
    went_well = (data.get("went_well") or "").strip()
    if not went_well:
        raise ValidationError(_("Schrijf op wat goed gaat."))
    review, created = EvaluationSelfReview.objects.update_or_create(
        plan=plan,
        moment=moment,
        defaults={
            "went_well": went_well,
            "to_improve": (data.get("to_improve") or "").strip(),
            "wants_to_learn": (data.get("wants_to_learn") or "").strip(),
        },
    )
    record_event(
        "onboarding.self_review_saved",
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        change="created" if created else "updated",
        via="portal",
    )
    return review, created


@transaction.atomic
def add_goal(
    plan: OnboardingPlan, *, title: str, target_date: date | None = None, user: Any = None
) -> DevelopmentGoal:
    _require_open(plan)
    if not title.strip():
        raise ValidationError(_("Schrijf op wat je wilt leren."))
    if target_date is not None:
        _check_date(plan, target_date)
    goal = DevelopmentGoal.objects.create(
        plan=plan, title=title.strip()[:200], target_date=target_date
    )
    record_event(
        "onboarding.goal_added",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        goal=goal.pk,
        via="staff" if user else "portal",
    )
    if user is None:
        _complete_form_task(plan, FormKind.GOALS, via="portal")
    return goal


@transaction.atomic
def update_goal(
    goal: DevelopmentGoal, *, progress: int, status: str, user: Any = None
) -> DevelopmentGoal:
    _require_open(goal.plan)
    if not 0 <= progress <= 100:
        raise ValidationError(_("De voortgang is een getal van 0 tot en met 100."))
    if status not in GoalStatus.values:
        raise ValidationError(_("Kies een status."))
    goal.progress = 100 if status == GoalStatus.ACHIEVED else progress
    goal.status = status
    goal.save(update_fields=["progress", "status"])
    record_event(
        "onboarding.goal_updated",
        actor=user,
        organisation=goal.plan.organisation,
        obj=goal.plan,
        goal=goal.pk,
        progress=goal.progress,
        status=status,
    )
    return goal


# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def revoke_portal_links(plan: OnboardingPlan, *, user: Any) -> OnboardingPlan:
    """Make every earlier link invalid (a new link is sent separately)."""
    plan.token_version += 1
    plan.save(update_fields=["token_version", "updated_at"])
    record_event(
        "onboarding.links_revoked",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        version=plan.token_version,
    )
    return plan


def record_link_sent(plan: OnboardingPlan, *, user: Any = None) -> None:
    record_event("onboarding.link_sent", actor=user, organisation=plan.organisation, obj=plan)


# ---------------------------------------------------------------------------------------------
# Reading: health, trends, figures
# ---------------------------------------------------------------------------------------------


# A check-in with this mood or lower always asks the coordinator's attention.
LOW_MOOD = 2


def low_mood(plan: OnboardingPlan) -> bool:
    """The latest check-in of a running plan says it goes badly (1 or 2 of 5)."""
    if plan.status != PlanStatus.ACTIVE:
        return False
    checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
    return bool(checkins) and checkins[-1].mood <= LOW_MOOD


def health(plan: OnboardingPlan, today: date | None = None) -> str:
    """On track, needs attention (low mood, no check-in for two weeks, someone left) or overdue.

    A low mood comes first: a person who is not doing well needs attention, also when the plan
    is behind schedule as well (the overdue tasks are still counted and shown per plan).
    """
    today = today or timezone.localdate()
    if low_mood(plan):
        return Health.ATTENTION
    tasks = list(plan.tasks.all())
    if any(t.is_overdue(today) for t in tasks):
        return Health.OVERDUE
    if plan.status == PlanStatus.ACTIVE:
        checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
        last = checkins[-1].week_start if checkins else week_start(plan.start_date)
        if (week_start(today) - last).days >= 14:
            return Health.ATTENTION
    if has_left(plan.manager, plan.organisation):
        return Health.ATTENTION
    return Health.ON_TRACK


def missing_checkin(plan: OnboardingPlan, today: date | None = None) -> bool:
    """A running plan without a check-in for last week (counted from the second week on)."""
    today = today or timezone.localdate()
    last_week = week_start(today) - timedelta(days=7)
    if plan.status != PlanStatus.ACTIVE or last_week < week_start(plan.start_date):
        return False
    return not any(c.week_start >= last_week for c in plan.checkins.all())


def mood_trend(plan: OnboardingPlan) -> dict[str, Any]:
    """Points for an inline SVG line (no JavaScript) and the rows for the table next to it."""
    checkins = list(plan.checkins.order_by("week_start"))
    width, height, pad = 320, 120, 16
    step = (width - 2 * pad) / max(len(checkins) - 1, 1)
    points = []
    for index, checkin in enumerate(checkins):
        x = pad + index * step
        y = height - pad - (checkin.mood - 1) * (height - 2 * pad) / 4
        points.append({"x": round(x, 1), "y": round(y, 1), "checkin": checkin})
    return {
        "width": width,
        "height": height,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "levels": [
            {"mood": m, "y": round(height - pad - (m - 1) * (height - 2 * pad) / 4, 1)}
            for m in range(1, 6)
        ],
    }


def obstacle_survey_window(plan: OnboardingPlan, moment: str) -> tuple[date, date]:
    """[first, last] day the questionnaire about obstacles can be filled in for ``moment``."""
    first = _months_after(plan.start_date, int(EvaluationMoment(moment).value))
    return first, first + timedelta(days=OBSTACLE_SURVEY_DAYS)


def _months_after(day: date, months: int) -> date:
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def obstacle_survey_open(plan: OnboardingPlan, moment: str, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    first, last = obstacle_survey_window(plan, moment)
    return plan.status != PlanStatus.STOPPED and first <= today <= last


def obstacle_survey_moments(
    plan: OnboardingPlan, today: date | None = None
) -> list[dict[str, Any]]:
    """For the portal: the questionnaires about obstacles that are open now or were answered."""
    today = today or timezone.localdate()
    answered = {s.moment: s for s in plan.obstacle_surveys.all()}
    rows = []
    for moment in EvaluationMoment:
        is_open = obstacle_survey_open(plan, moment.value, today)
        if is_open or moment.value in answered:
            rows.append(
                {
                    "moment": moment.value,
                    "label": moment.label,
                    "open": is_open,
                    "survey": answered.get(moment.value),
                    "until": obstacle_survey_window(plan, moment.value)[1],
                }
            )
    return rows


@transaction.atomic
def save_obstacle_survey(
    plan: OnboardingPlan, moment: str, obstacles: Iterable[str], today: date | None = None
) -> tuple[ObstacleSurvey, bool]:
    """The new hire's optional answers at 3 or 6 months; may be changed while it is open."""
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit moment bestaat niet."))
    if not obstacle_survey_open(plan, moment, today):
        raise TransitionError(_("Deze vragen zijn nu niet open."))
    chosen = sorted(set(obstacles))
    if any(value not in Obstacle.values for value in chosen):
        raise ValidationError(_("Kies een van de antwoorden."))
    survey, created = ObstacleSurvey.objects.update_or_create(
        plan=plan, moment=moment, defaults={"obstacles": chosen}
    )
    record_event(
        "onboarding.obstacles_answered",
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        change="created" if created else "updated",
    )
    return survey, created
