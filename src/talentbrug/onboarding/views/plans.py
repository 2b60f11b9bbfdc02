"""The staff pages of one plan: making, showing and editing it, its status, link, supporters and hand-over."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, staff_required
from talentbrug.accounts.models import User
from talentbrug.audit.services import events_for_object
from talentbrug.core.forms import error_messages

from .. import mail
from ..constants import MOOD_LABELS, SUPPORTER_ROLES, EvaluationMoment, OwnerRole, Phase
from ..forms import (
    ExpectationsForm,
    GoalForm,
    PlanEditForm,
    PlanStartForm,
    ReassignForm,
    SupporterForm,
    TransitionForm,
)
from ..models import Intake, OnboardingPlan
from ..services import checkins as checkins_services
from ..services import links, people, plan_tasks, wellbeing
from ..services import plans as plans_services
from ..services import supporters as supporters_services
from .scoping import owner_label, scoped_plan, staff_members


@staff_required("onboarding.manage")
def plan_create(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    initial = {"manager": request.user.pk}
    template_pk = request.GET.get("sjabloon", "")
    if template_pk.isdigit():
        initial["template"] = int(template_pk)
    form = PlanStartForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        members=staff_members(request),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coach: Any = data["coach_user"]
        if coach is None and data["coach_name"]:
            coach = {"name": data["coach_name"], "email": data["coach_email"]}
        try:
            plan = plans_services.start_onboarding(
                organisation=organisation,
                name=data["name"],
                email=data["email"],
                preferred_language=data["preferred_language"],
                start_date=data["start_date"],
                template=data["template"],
                manager=data["manager"],
                buddy=data["buddy"],
                language_coach=coach,
                bbl_supervisor=data["supervisor"],
                hr_contact=data["hr_contact"],
                job_title=data["job_title"],
                team=data["team"],
                first_day_place=data["first_day_place"],
                first_day_time=data["first_day_time"],
                first_day_ask_for=data["first_day_ask_for"],
                created_by=request.user,
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _(
                    "Het inwerkplan staat klaar. De nieuwe collega krijgt een persoonlijke link per e-mail."
                ),
            )
            return redirect("onboarding:plan_detail", pk=plan.pk)
    return render(
        request,
        "onboarding/plan_form.html",
        {"form": form, "plan": None},
        status=400 if form.errors else 200,
    )


@staff_required("onboarding.view")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_plan(request, scoped_plan(request, pk))


def render_plan(request: HttpRequest, plan: OnboardingPlan, **extra: Any) -> HttpResponse:
    today = timezone.localdate()
    tasks = list(plan.tasks.select_related("owner_user"))
    by_phase = []
    for value, label in Phase.choices:
        rows = [
            {
                "task": t,
                "owner": owner_label(t),
                "overdue": t.is_overdue(today),
                "moves": plan_tasks.task_moves(t),
            }
            for t in tasks
            if t.phase == value
        ]
        if rows:
            by_phase.append({"label": label, "rows": rows})
    supporters = {s.role: s for s in plan.supporters.select_related("user")}
    arranging = supporters_services.arranging_tasks(plan)
    departed = people.departed_people(plan)
    members = staff_members(request)
    can_manage = can(request, "onboarding.manage")
    context = {
        "plan": plan,
        "phases": by_phase,
        "supporters": [
            {
                "role": role,
                "label": OwnerRole(role).label,
                "supporter": supporters.get(role),
                "task": arranging.get(role),
            }
            for role in SUPPORTER_ROLES
        ],
        "arranging": arranging,
        "placements": list(plan.placements.select_related("school")),
        "supporter_form": extra.pop("supporter_form", None) or SupporterForm(members=members),
        "departed": departed,
        "reassign_form": ReassignForm(
            departed=User.objects.filter(pk__in=[u.pk for u in departed]), members=members
        )
        if departed
        else None,
        "intake": Intake.objects.filter(plan=plan).first(),
        "expectations_form": ExpectationsForm(
            initial={
                "manager_expectations": getattr(
                    Intake.objects.filter(plan=plan).first(), "manager_expectations", ""
                )
            }
        ),
        "trend": wellbeing.mood_trend(plan),
        "mood_labels": MOOD_LABELS,
        "surprises": list(plan.surprises.all()),
        "evaluations": {e.moment: e for e in plan.evaluations.all()},
        "self_reviews": {r.moment: r for r in plan.self_reviews.all()},
        "moments": EvaluationMoment.choices,
        "goals": list(plan.goals.all()),
        "goal_form": GoalForm(),
        "plan_moves": plans_services.plan_moves(plan) if can_manage else [],
        "health": wellbeing.health(plan, today),
        "can_manage": can_manage and plan.is_open,
        "events": events_for_object(plan)[:10],
        "progress": plan.progress(),
        "cohorts": list(plan.cohorts.all()) if hasattr(plan, "cohorts") else [],
        **extra,
    }
    status = 400 if any(k.endswith("_errors") for k in extra) else 200
    return render(request, "onboarding/plan_detail.html", context, status=status)


@staff_required("onboarding.manage")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    form = PlanEditForm(
        request.POST if request.method == "POST" else None,
        instance=plan,
        members=staff_members(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            shift = plans_services.update_plan(plan, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            if shift is not None:
                messages.info(request, shift_summary(shift))
            return redirect("onboarding:plan_detail", pk=plan.pk)
    return render(
        request,
        "onboarding/plan_edit.html",
        {"form": form, "plan": plan},
        status=400 if form.errors else 200,
    )


def shift_summary(shift: plans_services.StartDateShift) -> str:
    """'De eerste werkdag is verplaatst: 12 taken verschoven, 3 afgeronde taken niet, ...'."""
    parts = [
        ngettext("%(count)s open taak verschoven", "%(count)s open taken verschoven", shift.moved)
        % {"count": shift.moved}
    ]
    if shift.kept_done:
        parts.append(
            ngettext(
                "%(count)s afgeronde taak niet",
                "%(count)s afgeronde taken niet",
                shift.kept_done,
            )
            % {"count": shift.kept_done}
        )
    if shift.kept_by_hand:
        parts.append(
            ngettext(
                "%(count)s taak met een zelf gekozen datum niet",
                "%(count)s taken met een zelf gekozen datum niet",
                shift.kept_by_hand,
            )
            % {"count": shift.kept_by_hand}
        )
    return _("De eerste werkdag is verplaatst: %(parts)s.") % {"parts": ", ".join(parts)}


@require_POST
@staff_required("onboarding.manage")
def plan_transition(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return render_plan(request, plan, plan_errors=[_("Kies een stap.")])
    try:
        plans_services.transition_plan(
            plan, form.cleaned_data["move"], user=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return render_plan(request, plan, plan_errors=error_messages(exc))
    plan.refresh_from_db()
    messages.success(
        request, _("Status is nu: %(status)s.") % {"status": plan.get_status_display()}
    )
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the personal link again; with action=revoke old links stop working first."""
    plan = scoped_plan(request, pk)
    if request.POST.get("action") == "revoke":
        links.revoke_portal_links(plan, user=request.user)
        messages.success(
            request, _("Oude links werken niet meer. Er is een nieuwe link verstuurd.")
        )
    else:
        messages.success(request, _("De persoonlijke link is opnieuw verstuurd."))
    mail.send_portal_link(plan, user=request.user)
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def supporter_save(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    form = SupporterForm(request.POST, members=staff_members(request))
    if not form.is_valid():
        return render_plan(
            request, plan, supporter_form=form, supporter_errors=[_("Controleer de begeleider.")]
        )
    data = form.cleaned_data
    value: Any = None
    if not data["remove"]:
        value = data["user"] or {
            "name": data["name"],
            "email": data["email"],
            "language": data["language"],
        }
    try:
        supporters_services.assign_supporter(plan, data["role"], value, user=request.user)
    except ValidationError as exc:
        return render_plan(request, plan, supporter_form=form, supporter_errors=error_messages(exc))
    messages.success(request, _("De begeleider is opgeslagen."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    departed = people.departed_people(plan)
    form = ReassignForm(
        request.POST,
        departed=User.objects.filter(pk__in=[u.pk for u in departed]),
        members=staff_members(request),
    )
    if not form.is_valid():
        return render_plan(request, plan, reassign_errors=[_("Kies van wie en naar wie.")])
    try:
        count = people.reassign_tasks(
            plan,
            from_user=form.cleaned_data["from_user"],
            to_user=form.cleaned_data["to_user"],
            user=request.user,
        )
    except ValidationError as exc:
        return render_plan(request, plan, reassign_errors=error_messages(exc))
    messages.success(request, _("%(count)s open taken zijn overgedragen.") % {"count": count})
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_expectations(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    form = ExpectationsForm(request.POST)
    if not form.is_valid():
        return render_plan(request, plan, expectations_errors=[_("Schrijf op wat u verwacht.")])
    try:
        checkins_services.save_manager_expectations(
            plan, user=request.user, text=form.cleaned_data["manager_expectations"]
        )
    except ValidationError as exc:
        return render_plan(request, plan, expectations_errors=error_messages(exc))
    messages.success(request, _("Uw verwachtingen zijn opgeslagen."))
    return redirect("onboarding:plan_detail", pk=plan.pk)
