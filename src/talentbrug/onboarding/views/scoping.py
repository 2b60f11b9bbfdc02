"""The staff pages' shared lookups: plans and their parts within the user's organisation and scope, and labels the pages share."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from talentbrug.accounts.access import can, get_for_organisation, scoped

from ..constants import OwnerRole
from ..models import OnboardingPlan, PlanTask
from ..services import people


def visible(request: HttpRequest, queryset: Any) -> Any:
    """HR and onboarding coordinators see every plan of the organisation; a hiring manager
    only the plans they manage or support (buddy, language coach, BBL supervisor)."""
    if can(request, "onboarding.all_plans"):
        return queryset
    return queryset.filter(
        Q(manager=request.user) | Q(supporters__user=request.user)  # type: ignore[misc]
    ).distinct()


def scoped_plans(request: HttpRequest) -> Any:
    return visible(
        request,
        scoped(OnboardingPlan.objects.all(), request.organisation).select_related(  # type: ignore[attr-defined]
            "manager", "organisation"
        ),
    )


def scoped_plan(request: HttpRequest, pk: int) -> OnboardingPlan:
    return get_for_organisation(
        visible(
            request,
            OnboardingPlan.objects.select_related("manager", "hr_contact", "organisation"),
        ),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def child_of(queryset: Any, pk: int) -> Any:
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return item


def staff_members(request: HttpRequest) -> Any:
    return people.members_of(request.organisation)  # type: ignore[attr-defined]


def owner_label(task: PlanTask) -> str:
    contact = people.owner_contact(task)
    role = task.get_owner_role_display()
    if task.owner_role == OwnerRole.NEW_HIRE and not task.owner_user_id:
        return str(role)
    if contact is None:
        return _("%(role)s (nog niemand)") % {"role": role}
    return f"{contact[0]} ({role})"


def plan_url(plan: OnboardingPlan) -> str:
    from django.urls import reverse

    return reverse("onboarding:plan_detail", kwargs={"pk": plan.pk})
