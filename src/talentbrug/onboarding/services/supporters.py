"""The plan's supporters (buddy, manager, ...) and the arranging tasks while a promised person is not named yet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.models import Organisation, User
from talentbrug.audit.services import record_event

from .. import defaults
from ..constants import SUPPORTER_ROLES, OwnerRole, Phase, TaskStatus
from ..models import OnboardingPlan, PlanTask, Supporter
from ..workdays import add_working_days
from .guards import require_open
from .people import require_member
from .plan_tasks import complete_task, reopen_task


@dataclass(frozen=True)
class SupporterInput:
    """A supporter to assign: a colleague (``user``) or an external coach (name + e-mail)."""

    user: User | None = None
    name: str = ""
    email: str = ""
    language: str = "nl"


def as_supporter(value: Any) -> SupporterInput | None:
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


def validate_supporter(value: SupporterInput, organisation: Organisation, role: str) -> None:
    label = str(OwnerRole(role).label)
    if value.user is not None:
        require_member(value.user, organisation, label)
        return
    if not value.name.strip() or not value.email.strip():
        raise ValidationError(
            _(
                "Vul voor de %(role)s een collega in, of de naam en het e-mailadres van een externe coach."
            )
            % {"role": label.lower()}
        )


# What the coordinator must arrange when a promised person is not named yet.
ARRANGE_TITLES = {
    OwnerRole.BUDDY: gettext_lazy("Zoek een buddy voor %(name)s"),
    OwnerRole.LANGUAGE_COACH: gettext_lazy("Zoek een taalcoach voor %(name)s"),
    OwnerRole.BBL_SUPERVISOR: gettext_lazy("Zoek een praktijkopleider voor %(name)s"),
    OwnerRole.MANAGER: gettext_lazy("Kies de leidinggevende van %(name)s"),
}
ARRANGE_TEXT = gettext_lazy(
    "Dit is beloofd bij het aannemen. Zet de persoon in het plan; dan is deze taak klaar."
)
# An arranging task is due this many working days before the first working day (or today).
ARRANGE_DAYS_BEFORE_START = 5


def _arrange_due(plan: OnboardingPlan) -> date:
    due = add_working_days(plan.start_date, -ARRANGE_DAYS_BEFORE_START)
    return max(due, min(timezone.localdate(), plan.start_date))


def open_promise_tasks(plan: OnboardingPlan, needed: set[str], filled: set[str]) -> None:
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


def settle_arranging(plan: OnboardingPlan, role: str, *, filled: bool, user: Any) -> None:
    """A named person completes the task to find one; removing them opens it again."""
    if filled:
        for task in plan.tasks.filter(arranges_role=role, status=TaskStatus.OPEN):
            complete_task(task, user=user)
    else:
        for task in plan.tasks.filter(arranges_role=role, status=TaskStatus.DONE):
            reopen_task(task, user=user)


def save_supporter(plan: OnboardingPlan, role: str, value: SupporterInput) -> Supporter:
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
    require_open(plan)
    supporter_input = as_supporter(value)
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
            settle_arranging(plan, role, filled=False, user=user)
        return None
    validate_supporter(supporter_input, plan.organisation, role)
    supporter = save_supporter(plan, role, supporter_input)
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
    settle_arranging(plan, role, filled=True, user=user)
    return supporter
