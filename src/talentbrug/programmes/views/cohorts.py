"""The staff pages of cohorts: the list, making and editing one, its members and rotations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, staff_required
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.core.http import organisation_of
from talentbrug.onboarding.constants import TaskStatus
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.onboarding.services import wellbeing as onboarding_wellbeing

from .. import figures, services
from ..forms import CohortForm, MemberForm, RotationForm
from ..models import Cohort
from .shared import cohort_in_scope, plans_in_scope, save_page


@staff_required("programmes.view")
def cohort_list(request: HttpRequest) -> HttpResponse:
    cohorts = (
        services.cohorts_for(organisation_of(request))
        .select_related("organisation")
        .prefetch_related("members")
    )
    return render(
        request,
        "programmes/cohort_list.html",
        {"cohorts": cohorts, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def cohort_create(request: HttpRequest) -> HttpResponse:
    form = CohortForm(
        request.POST if request.method == "POST" else None, organisation=organisation_of(request)
    )
    return save_page(
        request,
        form,
        services.save_cohort,
        None,
        success=_("De groep is aangemaakt. Voeg nu de deelnemers toe."),
        destination="programmes:cohort_detail",
        with_pk=True,
        title=_("Nieuwe lichting of traineegroep"),
        back="programmes:cohorts",
    )


@staff_required("programmes.manage")
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_for_organisation(
        Cohort, organisation_of(request), pk=pk
    )  # only the organiser edits
    form = CohortForm(
        request.POST if request.method == "POST" else None,
        instance=cohort,
        organisation=organisation_of(request),
    )
    return save_page(
        request,
        form,
        services.save_cohort,
        cohort,
        success=_("De groep is opgeslagen."),
        destination="programmes:cohort_detail",
        with_pk=True,
        title=_("Lichting wijzigen"),
        back="programmes:cohorts",
    )


@staff_required("programmes.view")
def cohort_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    cohort = cohort_in_scope(request, pk)
    today = timezone.localdate()
    own = []
    others: dict[str, int] = {}
    members = cohort.members.select_related("organisation", "manager").prefetch_related(
        "tasks", "checkins"
    )
    for plan in members:
        if plan.organisation_id != organisation_of(request).pk:
            others[str(plan.organisation)] = others.get(str(plan.organisation), 0) + 1
            continue
        checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
        tasks = list(plan.tasks.all())
        own.append(
            {
                "plan": plan,
                "progress": plan.progress(),
                "health": onboarding_wellbeing.health(plan, today),
                "moods": [c.mood for c in checkins[-6:]],
                "overdue": sum(
                    1 for t in tasks if t.status == TaskStatus.OPEN and t.due_date < today
                ),
            }
        )
    own_plans = cohort.members.filter(organisation=organisation_of(request))
    rotations = cohort.rotations.filter(plan__organisation=organisation_of(request)).select_related(
        "plan"
    )
    available = plans_in_scope(request).exclude(pk__in=cohort.members.values("pk"))
    return render(
        request,
        "programmes/cohort_detail.html",
        {
            "cohort": cohort,
            "own": own,
            "others": [{"name": n, "count": figures.shown(c)} for n, c in sorted(others.items())],
            "member_count": cohort.members.count(),
            "upcoming": [r for r in rotations if r.ends_on >= today][:20],
            "past": [r for r in rotations if r.ends_on < today],
            "today": today,
            "is_owner": cohort.organisation_id == organisation_of(request).pk,
            "can_manage": can(request, "programmes.manage"),
            "member_form": extra.get("member_form") or MemberForm(plans=available),
            "rotation_form": extra.get("rotation_form") or RotationForm(plans=own_plans),
            "errors": extra.get("errors", []),
            "minimum": figures.MIN_GROUP_SIZE,
        },
        status=400 if extra.get("errors") else 200,
    )


@require_POST
@staff_required("programmes.manage")
def cohort_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_in_scope(request, pk)
    form = MemberForm(request.POST, plans=plans_in_scope(request))
    if not form.is_valid():
        return cohort_detail.__wrapped__(
            request, pk, member_form=form, errors=[_("Kies een deelnemer.")]
        )  # type: ignore[attr-defined]
    try:
        services.add_member(
            cohort,
            form.cleaned_data["plan"],
            organisation=organisation_of(request),
            user=request.user,
        )
    except ValidationError as exc:
        return cohort_detail.__wrapped__(request, pk, member_form=form, errors=error_messages(exc))  # type: ignore[attr-defined]
    messages.success(request, _("De deelnemer is toegevoegd."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


@require_POST
@staff_required("programmes.manage")
def cohort_member_remove(request: HttpRequest, pk: int, plan_pk: int) -> HttpResponse:
    cohort = cohort_in_scope(request, pk)
    plan = get_for_organisation(OnboardingPlan, organisation_of(request), pk=plan_pk)
    try:
        services.remove_member(
            cohort, plan, organisation=organisation_of(request), user=request.user
        )
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De deelnemer is uit de groep gehaald."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


@require_POST
@staff_required("programmes.manage")
def rotation_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_in_scope(request, pk)
    form = RotationForm(
        request.POST, plans=cohort.members.filter(organisation=organisation_of(request))
    )
    if not form.is_valid():
        return cohort_detail.__wrapped__(
            request, pk, rotation_form=form, errors=[_("Controleer de rotatie.")]
        )  # type: ignore[attr-defined]
    try:
        services.add_rotation(
            cohort, organisation=organisation_of(request), user=request.user, data=form.cleaned_data
        )
    except ValidationError as exc:
        return cohort_detail.__wrapped__(
            request, pk, rotation_form=form, errors=error_messages(exc)
        )  # type: ignore[attr-defined]
    messages.success(request, _("De rotatie is toegevoegd."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)
