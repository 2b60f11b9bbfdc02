"""The organisation's people in a plan: who may be named, who has left, and handing over a departed colleague's tasks."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Membership, Organisation, User
from talentbrug.audit.services import record_event

from ..constants import SUPPORTER_ROLES, OwnerRole, TaskStatus
from ..models import OnboardingPlan, PlanTask, Supporter
from .guards import require_open


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


def require_member(user: User | None, organisation: Organisation, label: str) -> None:
    if user is not None and has_left(user, organisation):
        raise ValidationError(
            _("%(label)s werkt niet (meer) bij deze organisatie. Kies iemand anders.")
            % {"label": label}
        )


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
    require_open(plan)
    require_member(to_user, plan.organisation, _("De nieuwe uitvoerder"))
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
