"""Staff pages of onboarding and the new hire's portal. Thin: parse, authorise, call a service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentbrug.accounts import magiclinks
from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.accounts.models import User
from talentbrug.audit.services import events_for_object
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.core.http import moved_page

from . import mail, services, tokens
from .constants import (
    MOOD_LABELS,
    SUPPORTER_ROLES,
    EvaluationMoment,
    FormKind,
    Health,
    OwnerRole,
    Phase,
    PlanStatus,
    ProgrammeKind,
    TaskStatus,
)
from .forms import (
    CheckInForm,
    EvaluationForm,
    ExpectationsForm,
    GoalForm,
    GoalUpdateForm,
    IntakeForm,
    ObstacleSurveyForm,
    PlanEditForm,
    PlanStartForm,
    PortalGoalForm,
    ReassignForm,
    SelfReviewForm,
    SupporterForm,
    SurprisesForm,
    TaskAddForm,
    TaskForm,
    TemplateTaskForm,
    TransitionForm,
)
from .models import (
    DevelopmentGoal,
    Evaluation,
    EvaluationSelfReview,
    Intake,
    ObstacleSurvey,
    OnboardingPlan,
    OnboardingTemplate,
    PlanTask,
    Supporter,
    TemplateTask,
)


def _visible(request: HttpRequest, queryset: Any) -> Any:
    """HR and onboarding coordinators see every plan of the organisation; a hiring manager
    only the plans they manage or support (buddy, language coach, BBL supervisor)."""
    if can(request, "onboarding.all_plans"):
        return queryset
    return queryset.filter(
        Q(manager=request.user) | Q(supporters__user=request.user)  # type: ignore[misc]
    ).distinct()


def _plans(request: HttpRequest) -> Any:
    return _visible(
        request,
        scoped(OnboardingPlan.objects.all(), request.organisation).select_related(  # type: ignore[attr-defined]
            "manager", "organisation"
        ),
    )


def _plan(request: HttpRequest, pk: int) -> OnboardingPlan:
    return get_for_organisation(
        _visible(
            request,
            OnboardingPlan.objects.select_related("manager", "hr_contact", "organisation"),
        ),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def _child(queryset: Any, pk: int) -> Any:
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return item


def _members(request: HttpRequest) -> Any:
    return services.members_of(request.organisation)  # type: ignore[attr-defined]


def owner_label(task: PlanTask) -> str:
    contact = services.owner_contact(task)
    role = task.get_owner_role_display()
    if task.owner_role == OwnerRole.NEW_HIRE and not task.owner_user_id:
        return str(role)
    if contact is None:
        return _("%(role)s (nog niemand)") % {"role": role}
    return f"{contact[0]} ({role})"


def _with_health(plans: Any, today: Any) -> list[dict[str, Any]]:
    rows = []
    for plan in plans:
        tasks = list(plan.tasks.all())
        open_tasks = [t for t in tasks if t.status == TaskStatus.OPEN]
        rows.append(
            {
                "plan": plan,
                "health": (health := services.health(plan, today)),
                "health_label": Health(health).label,
                "progress": round(100 * (len(tasks) - len(open_tasks)) / len(tasks))
                if tasks
                else 0,
                "next_task": min(open_tasks, key=lambda t: t.due_date) if open_tasks else None,
                "overdue": sum(1 for t in open_tasks if t.due_date < today),
            }
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Overviews
# ---------------------------------------------------------------------------------------------


@staff_required("onboarding.view")
def overview(request: HttpRequest) -> HttpResponse:
    """The coordinator's overview: on track / needs attention / overdue, filter by programme."""
    today = timezone.localdate()
    stand = request.GET.get("stand", "")
    programme = request.GET.get("programma", "")
    status = request.GET.get("status", "open")
    plans = _plans(request).prefetch_related("tasks", "checkins")
    if status == "open":
        plans = plans.filter(status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
    elif status in PlanStatus.values:
        plans = plans.filter(status=status)
    if programme in ProgrammeKind.values:
        plans = plans.filter(programme=programme)
    rows = _with_health(plans, today)
    counts = {value: sum(1 for r in rows if r["health"] == value) for value in Health.values}
    if stand in Health.values:
        rows = [r for r in rows if r["health"] == stand]
    return render(
        request,
        "onboarding/overview.html",
        {
            "rows": rows,
            "counts": counts,
            "healths": Health.choices,
            "programmes": ProgrammeKind.choices,
            "statuses": PlanStatus.choices,
            "stand": stand,
            "programme": programme,
            "status": status,
            "can_manage": can(request, "onboarding.manage"),
            "today": today,
        },
    )


@staff_required("onboarding.view")
def mine(request: HttpRequest) -> HttpResponse:
    """A manager's 'my new people'."""
    today = timezone.localdate()
    plans = (
        _plans(request)
        .filter(manager=request.user, status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
        .prefetch_related("tasks", "checkins")
    )
    return render(request, "onboarding/mine.html", {"rows": _with_health(plans, today)})


@staff_required("onboarding.view")
def calendar(request: HttpRequest) -> HttpResponse:
    """The next 30 days: first days and tasks, per day."""
    today = timezone.localdate()
    end = today + timedelta(days=30)
    plans = _plans(request).filter(status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
    tasks = (
        PlanTask.objects.filter(
            plan__in=plans, status=TaskStatus.OPEN, due_date__gte=today, due_date__lte=end
        )
        .select_related("plan", "plan__manager", "plan__hr_contact", "owner_user")
        .prefetch_related("plan__supporters__user")
    )
    days: dict[Any, dict[str, list[Any]]] = {}
    for plan in plans.filter(start_date__gte=today, start_date__lte=end):
        days.setdefault(plan.start_date, {"starts": [], "tasks": []})["starts"].append(plan)
    for task in tasks:
        days.setdefault(task.due_date, {"starts": [], "tasks": []})["tasks"].append(
            {"task": task, "owner": owner_label(task)}
        )
    return render(
        request,
        "onboarding/calendar.html",
        {"days": sorted(days.items()), "today": today, "end": end},
    )


# The figures moved to Insights; the old address sends the reader there.
surprise_figures = moved_page("insights:onboarding")


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


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
        members=_members(request),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coach: Any = data["coach_user"]
        if coach is None and data["coach_name"]:
            coach = {"name": data["coach_name"], "email": data["coach_email"]}
        try:
            plan = services.start_onboarding(
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
    return _render_plan(request, _plan(request, pk))


def _render_plan(request: HttpRequest, plan: OnboardingPlan, **extra: Any) -> HttpResponse:
    today = timezone.localdate()
    tasks = list(plan.tasks.select_related("owner_user"))
    by_phase = []
    for value, label in Phase.choices:
        rows = [
            {
                "task": t,
                "owner": owner_label(t),
                "overdue": t.is_overdue(today),
                "moves": services.task_moves(t),
            }
            for t in tasks
            if t.phase == value
        ]
        if rows:
            by_phase.append({"label": label, "rows": rows})
    supporters = {s.role: s for s in plan.supporters.select_related("user")}
    arranging = services.arranging_tasks(plan)
    departed = services.departed_people(plan)
    members = _members(request)
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
        "trend": services.mood_trend(plan),
        "mood_labels": MOOD_LABELS,
        "surprises": list(plan.surprises.all()),
        "evaluations": {e.moment: e for e in plan.evaluations.all()},
        "self_reviews": {r.moment: r for r in plan.self_reviews.all()},
        "moments": EvaluationMoment.choices,
        "goals": list(plan.goals.all()),
        "goal_form": GoalForm(),
        "plan_moves": services.plan_moves(plan) if can_manage else [],
        "health": services.health(plan, today),
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
    plan = _plan(request, pk)
    form = PlanEditForm(
        request.POST if request.method == "POST" else None, instance=plan, members=_members(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            shift = services.update_plan(plan, user=request.user, data=form.cleaned_data)
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


def shift_summary(shift: services.StartDateShift) -> str:
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
    plan = _plan(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, plan_errors=[_("Kies een stap.")])
    try:
        services.transition_plan(
            plan, form.cleaned_data["move"], user=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return _render_plan(request, plan, plan_errors=error_messages(exc))
    plan.refresh_from_db()
    messages.success(
        request, _("Status is nu: %(status)s.") % {"status": plan.get_status_display()}
    )
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the personal link again; with action=revoke old links stop working first."""
    plan = _plan(request, pk)
    if request.POST.get("action") == "revoke":
        services.revoke_portal_links(plan, user=request.user)
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
    plan = _plan(request, pk)
    form = SupporterForm(request.POST, members=_members(request))
    if not form.is_valid():
        return _render_plan(
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
        services.assign_supporter(plan, data["role"], value, user=request.user)
    except ValidationError as exc:
        return _render_plan(
            request, plan, supporter_form=form, supporter_errors=error_messages(exc)
        )
    messages.success(request, _("De begeleider is opgeslagen."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    departed = services.departed_people(plan)
    form = ReassignForm(
        request.POST,
        departed=User.objects.filter(pk__in=[u.pk for u in departed]),
        members=_members(request),
    )
    if not form.is_valid():
        return _render_plan(request, plan, reassign_errors=[_("Kies van wie en naar wie.")])
    try:
        count = services.reassign_tasks(
            plan,
            from_user=form.cleaned_data["from_user"],
            to_user=form.cleaned_data["to_user"],
            user=request.user,
        )
    except ValidationError as exc:
        return _render_plan(request, plan, reassign_errors=error_messages(exc))
    messages.success(request, _("%(count)s open taken zijn overgedragen.") % {"count": count})
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def plan_expectations(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = ExpectationsForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, expectations_errors=[_("Schrijf op wat u verwacht.")])
    try:
        services.save_manager_expectations(
            plan, user=request.user, text=form.cleaned_data["manager_expectations"]
        )
    except ValidationError as exc:
        return _render_plan(request, plan, expectations_errors=error_messages(exc))
    messages.success(request, _("Uw verwachtingen zijn opgeslagen."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


@staff_required("onboarding.manage")
def evaluation(request: HttpRequest, pk: int, moment: str) -> HttpResponse:
    plan = _plan(request, pk)
    if moment not in EvaluationMoment.values:
        raise Http404(_("Dit evaluatiemoment bestaat niet."))
    instance = Evaluation.objects.filter(plan=plan, moment=moment).first()
    form = EvaluationForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_evaluation(plan, moment, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("De evaluatie is opgeslagen."))
            return redirect("onboarding:plan_detail", pk=plan.pk)
    return render(
        request,
        "onboarding/evaluation_form.html",
        {
            "form": form,
            "plan": plan,
            "moment": EvaluationMoment(moment),
            "self_review": EvaluationSelfReview.objects.filter(plan=plan, moment=moment).first(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required("onboarding.manage")
def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = GoalForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, goal_form=form, goal_errors=[_("Vul het doel in.")])
    try:
        services.add_goal(
            plan,
            title=form.cleaned_data["title"],
            target_date=form.cleaned_data["target_date"],
            user=request.user,
        )
    except ValidationError as exc:
        return _render_plan(request, plan, goal_form=form, goal_errors=error_messages(exc))
    messages.success(request, _("Het doel is toegevoegd."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def goal_update(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    goal = _child(DevelopmentGoal.objects.filter(plan=plan), goal_pk)
    form = GoalUpdateForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, goal_errors=[_("Vul een voortgang van 0 tot 100 in.")])
    try:
        services.update_goal(
            goal,
            progress=form.cleaned_data["progress"],
            status=form.cleaned_data["status"],
            user=request.user,
        )
    except ValidationError as exc:
        return _render_plan(request, plan, goal_errors=error_messages(exc))
    messages.success(request, _("Het doel is bijgewerkt."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


# ---------------------------------------------------------------------------------------------
# Tasks
# ---------------------------------------------------------------------------------------------


@staff_required("onboarding.manage")
def task_edit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    task = _child(plan.tasks.all(), task_pk)
    initial = {
        "title": task.title,
        "description": task.description,
        "due_date": task.due_date,
        "owner_role": task.owner_role,
        "owner_user": task.owner_user_id,
    }
    form = TaskForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        members=_members(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_task(task, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("De taak is aangepast."))
            return redirect("onboarding:plan_detail", pk=plan.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "onboarding/task_form.html",
        {"form": form, "plan": plan, "task": task},
        status=status,
    )


@staff_required("onboarding.manage")
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = TaskAddForm(
        request.POST if request.method == "POST" else None,
        initial={"due_date": timezone.localdate(), "owner_role": OwnerRole.MANAGER},
        members=_members(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_task(plan, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("De taak is toegevoegd."))
            return redirect("onboarding:plan_detail", pk=plan.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "onboarding/task_form.html",
        {"form": form, "plan": plan, "task": None},
        status=status,
    )


@require_POST
@staff_required("onboarding.manage")
def task_transition(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    task = _child(plan.tasks.all(), task_pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, plan, task_errors=[_("Kies een stap.")])
    try:
        services.transition_task(
            task, form.cleaned_data["move"], user=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return _render_plan(request, plan, task_errors=error_messages(exc))
    messages.success(request, _("De taak is bijgewerkt."))
    return redirect(f"{plan_url(plan)}#taak-{task.pk}")


def plan_url(plan: OnboardingPlan) -> str:
    from django.urls import reverse

    return reverse("onboarding:plan_detail", kwargs={"pk": plan.pk})


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


@staff_required("onboarding.view")
def template_list(request: HttpRequest) -> HttpResponse:
    templates = scoped(OnboardingTemplate.objects.all(), request.organisation).prefetch_related(  # type: ignore[attr-defined]
        "tasks"
    )
    return render(
        request,
        "onboarding/template_list.html",
        {"templates": templates, "can_edit": can(request, "onboarding.templates")},
    )


@staff_required("onboarding.view")
def template_detail(request: HttpRequest, pk: int, form: Any = None) -> HttpResponse:
    template = get_for_organisation(OnboardingTemplate, request.organisation, pk=pk)  # type: ignore[attr-defined]
    by_phase = [
        {"label": label, "tasks": [t for t in template.tasks.all() if t.phase == value]}
        for value, label in Phase.choices
    ]
    return render(
        request,
        "onboarding/template_detail.html",
        {
            "template": template,
            "phases": by_phase,
            "form": form or TemplateTaskForm(),
            "can_edit": can(request, "onboarding.templates"),
            "plans_count": template.plans.count(),
        },
        status=400 if form is not None else 200,
    )


@require_POST
@staff_required("onboarding.templates")
def template_task_add(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_for_organisation(OnboardingTemplate, request.organisation, pk=pk)  # type: ignore[attr-defined]
    form = TemplateTaskForm(request.POST)
    if form.is_valid():
        try:
            services.add_template_task(template, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("De taak is toegevoegd. Plannen die al lopen houden hun eigen kopie."),
            )
            return redirect("onboarding:template_detail", pk=template.pk)
    return template_detail.__wrapped__(request, pk, form=form)  # type: ignore[attr-defined]


@require_POST
@staff_required("onboarding.templates")
def template_task_remove(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    template = get_for_organisation(OnboardingTemplate, request.organisation, pk=pk)  # type: ignore[attr-defined]
    task = _child(TemplateTask.objects.filter(template=template), task_pk)
    services.remove_template_task(task, user=request.user)
    messages.success(
        request, _("De taak is verwijderd. Plannen die al lopen houden hun eigen kopie.")
    )
    return redirect("onboarding:template_detail", pk=template.pk)


# ---------------------------------------------------------------------------------------------
# The new hire's portal (no password: a signed, expiring, revocable link)
# ---------------------------------------------------------------------------------------------


def _activate_language(request: HttpRequest, language: str) -> None:
    """The person's own language, unless they chose another one with the language switcher."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        request.LANGUAGE_CODE = language


@require_POST
def portal_logout(request: HttpRequest) -> HttpResponse:
    """End the whole session: the portal pages need a new link from the e-mail after this."""
    request.session.flush()
    return render(request, "onboarding/portal/logged_out.html")


SUPPORTER_OPEN_HEADING = gettext_lazy("Open de pagina met je taken")


def _link_problem(request: HttpRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "onboarding/portal/link_problem.html",
        {"reason": reason},
        status=410 if reason == "expired" else 403,
    )


def portal_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            plan, opened = tokens.open_token(request, token)
        except tokens.TokenProblem as problem:
            return _link_problem(request, problem.reason)
        _activate_language(request, plan.preferred_language)
        if not opened:
            return magiclinks.confirm_page(request)
        if request.POST.get(magiclinks.OPEN_FIELD):
            return redirect(request.get_full_path())  # opened: show the page with a GET
        response = view(request, plan, token, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


def _portal_context(plan: OnboardingPlan, token: str) -> dict[str, Any]:
    supporters = {s.role: s for s in plan.supporters.select_related("user")}
    return {
        "plan": plan,
        "token": token,
        "people": [
            (OwnerRole(role).label, supporters[role])
            for role in SUPPORTER_ROLES
            if role in supporters
        ],
    }


@portal_view
def portal(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    today = timezone.localdate()
    tasks = list(plan.tasks.filter(status__in=[TaskStatus.OPEN, TaskStatus.DONE]))
    mine_ = [t for t in tasks if t.owner_role == OwnerRole.NEW_HIRE and not t.owner_user_id]
    forms_done = {
        FormKind.INTAKE: bool(
            getattr(Intake.objects.filter(plan=plan).first(), "submitted_at", None)
        ),
        FormKind.CHECKIN: plan.checkins.filter(week_start=services.week_start(today)).exists(),
        FormKind.SURPRISES: plan.surprises.exists(),
        FormKind.GOALS: plan.goals.exists(),
    }
    return render(
        request,
        "onboarding/portal/home.html",
        {
            **_portal_context(plan, token),
            "my_tasks": mine_,
            "others_soon": [
                t
                for t in tasks
                if t not in mine_
                and t.status == TaskStatus.OPEN
                and t.due_date <= today + timedelta(days=14)
            ],
            "today": today,
            "progress": plan.progress(),
            "forms_done": forms_done,
            "checkin_open": services.checkin_open(plan, today),
            "surprises_open": services.surprises_open(plan, today),
            "intake": Intake.objects.filter(plan=plan).first(),
            "goals": list(plan.goals.all()),
            "is_open": plan.is_open,
            "self_reviews": services.self_review_moments(plan, today),
            "obstacle_surveys": services.obstacle_survey_moments(plan, today),
        },
    )


@portal_view
def portal_intake(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    intake = Intake.objects.filter(plan=plan).first()
    initial = {}
    if intake is not None:
        initial = {
            "expectations": intake.expectations,
            "wants_to_learn": intake.wants_to_learn,
            "needs": intake.needs,
            "needs_other": intake.needs_other,
            "hours_wish": intake.hours_wish,
        }
    form = IntakeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_intake(plan, form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Dank je wel. Je leidinggevende leest je antwoorden."))
            return redirect("onboarding:portal", token=token)
    return render(
        request,
        "onboarding/portal/intake.html",
        {**_portal_context(plan, token), "form": form, "intake": intake},
        status=400 if form.errors else 200,
    )


@portal_view
def portal_checkin(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    today = timezone.localdate()
    form = CheckInForm(request.POST if request.method == "POST" else None)
    this_week = plan.checkins.filter(week_start=services.week_start(today)).first()
    if request.method == "POST" and form.is_valid():
        try:
            _checkin, created = services.submit_checkin(plan, form.cleaned_data, today)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            if created:
                messages.success(request, _("Dank je wel. Je leidinggevende ziet hoe het gaat."))
            else:
                messages.info(
                    request,
                    _("Je hebt deze week al verteld hoe het gaat. We bewaren je eerste antwoord."),
                )
            return redirect("onboarding:portal", token=token)
    return render(
        request,
        "onboarding/portal/checkin.html",
        {
            **_portal_context(plan, token),
            "form": form,
            "this_week": this_week,
            "checkin_open": services.checkin_open(plan, today),
            "trend": services.mood_trend(plan),
            "mood_labels": MOOD_LABELS,
        },
        status=400 if form.errors else 200,
    )


@portal_view
def portal_surprises(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    existing = {f"surprise_{s.position}": s.text for s in plan.surprises.all()}
    is_open = services.surprises_open(plan)
    form = SurprisesForm(request.POST if request.method == "POST" else None, initial=existing)
    if request.method == "POST" and not is_open:
        messages.info(request, _("Je kunt opschrijven wat je opviel vanaf je eerste werkdag."))
        return redirect("onboarding:portal_surprises", token=token)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_surprises(plan, form.texts())
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Dank je wel. Je leidinggevende leest wat je opviel. Zo leren wij ervan."),
            )
            return redirect("onboarding:portal", token=token)
    return render(
        request,
        "onboarding/portal/surprises.html",
        {**_portal_context(plan, token), "form": form, "surprises_open": is_open},
        status=400 if form.errors else 200,
    )


@portal_view
def portal_goals(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    form = PortalGoalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_goal(plan, title=form.cleaned_data["title"])
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Je doel staat erbij."))
            return redirect("onboarding:portal_goals", token=token)
    return render(
        request,
        "onboarding/portal/goals.html",
        {**_portal_context(plan, token), "form": form, "goals": list(plan.goals.all())},
        status=400 if form.errors else 200,
    )


@portal_view
def portal_evaluation(
    request: HttpRequest, plan: OnboardingPlan, token: str, moment: str
) -> HttpResponse:
    """The new hire's own part of the evaluation after 3 or 6 months."""
    if moment not in EvaluationMoment.values:
        raise Http404(_("Dit evaluatiemoment bestaat niet."))
    review = EvaluationSelfReview.objects.filter(plan=plan, moment=moment).first()
    editable = services.self_review_editable(plan, moment)
    initial = {}
    if review is not None:
        initial = {
            "went_well": review.went_well,
            "to_improve": review.to_improve,
            "wants_to_learn": review.wants_to_learn,
        }
    form = SelfReviewForm(
        request.POST if request.method == "POST" and editable else None, initial=initial
    )
    status = 200
    if request.method == "POST" and not editable:
        status = 409
    elif request.method == "POST" and form.is_valid():
        try:
            _review, created = services.save_self_review(plan, moment, form.cleaned_data)
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Dank je wel. Je leidinggevende leest je antwoorden voor het gesprek.")
                if created
                else _("Je antwoorden zijn aangepast."),
            )
            return redirect("onboarding:portal", token=token)
    return render(
        request,
        "onboarding/portal/evaluation.html",
        {
            **_portal_context(plan, token),
            "form": form,
            "review": review,
            "editable": editable,
            "title": FormKind(services.EVALUATION_FORMS[EvaluationMoment(moment)]).label,
            "date": services.evaluation_date(plan, moment),
        },
        status=400 if form.errors else status,
    )


@portal_view
def portal_obstacles(
    request: HttpRequest, plan: OnboardingPlan, token: str, moment: str
) -> HttpResponse:
    """The optional questionnaire at 3 and 6 months: what made the start hard?"""
    if moment not in EvaluationMoment.values:
        raise Http404(_("Dit moment bestaat niet."))
    survey = ObstacleSurvey.objects.filter(plan=plan, moment=moment).first()
    is_open = services.obstacle_survey_open(plan, moment)
    form = ObstacleSurveyForm(
        request.POST if request.method == "POST" and is_open else None,
        initial={"obstacles": survey.obstacles} if survey else None,
    )
    status = 200
    if request.method == "POST" and not is_open:
        status = 409
    elif request.method == "POST" and form.is_valid():
        try:
            services.save_obstacle_survey(plan, moment, form.cleaned_data["obstacles"])
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Dank je wel. Zo leren we wat nieuwe collega's helpt."))
            return redirect("onboarding:portal", token=token)
    return render(
        request,
        "onboarding/portal/obstacles.html",
        {
            **_portal_context(plan, token),
            "form": form,
            "survey": survey,
            "is_open": is_open,
            "moment_label": EvaluationMoment(moment).label,
            "until": services.obstacle_survey_window(plan, moment)[1],
        },
        status=400 if form.errors else status,
    )


@require_POST
@portal_view
def portal_task_done(
    request: HttpRequest, plan: OnboardingPlan, token: str, task_pk: int
) -> HttpResponse:
    task = _child(plan.tasks.all(), task_pk)
    try:
        services.complete_own_task(plan, task)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("Goed zo! De taak staat op klaar."))
    return redirect("onboarding:portal", token=token)


# --- The supporter's page (buddy, coach, praktijkopleider; also external) ---------------------


def supporter_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            supporter, opened = tokens.open_supporter_token(request, token)
        except tokens.TokenProblem as problem:
            return _link_problem(request, problem.reason)
        _activate_language(request, supporter.message_language)
        if not opened:
            return magiclinks.confirm_page(request, heading=SUPPORTER_OPEN_HEADING)
        if request.POST.get(magiclinks.OPEN_FIELD):
            return redirect(request.get_full_path())  # opened: show the page with a GET
        response = view(request, supporter, token, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


@supporter_view
def supporter_portal(request: HttpRequest, supporter: Supporter, token: str) -> HttpResponse:
    plan = supporter.plan
    tasks = plan.tasks.filter(owner_role=supporter.role, owner_user__isnull=True)
    return render(
        request,
        "onboarding/portal/supporter.html",
        {
            "supporter": supporter,
            "plan": plan,
            "tasks": tasks,
            "token": token,
            "today": timezone.localdate(),
        },
    )


@require_POST
@supporter_view
def supporter_task_done(
    request: HttpRequest, supporter: Supporter, token: str, task_pk: int
) -> HttpResponse:
    task = _child(supporter.plan.tasks.all(), task_pk)
    try:
        services.complete_supporter_task(supporter, task)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("Dank je wel. De taak staat op klaar."))
    return redirect("onboarding:supporter_portal", token=token)
