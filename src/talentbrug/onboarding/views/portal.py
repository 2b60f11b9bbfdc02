"""The new hire's portal: no password, a signed, expiring, revocable link. Thin: parse, check the link, call a service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentbrug.accounts import magiclinks
from talentbrug.core.forms import error_messages, show_errors

from .. import tokens
from ..constants import (
    MOOD_LABELS,
    SUPPORTER_ROLES,
    EvaluationMoment,
    FormKind,
    OwnerRole,
    TaskStatus,
)
from ..forms import (
    CheckInForm,
    IntakeForm,
    ObstacleSurveyForm,
    PortalGoalForm,
    SelfReviewForm,
    SurprisesForm,
)
from ..models import EvaluationSelfReview, Intake, ObstacleSurvey, OnboardingPlan
from ..services import checkins as checkins_services
from ..services import evaluations as evaluations_services
from ..services import obstacles as obstacles_services
from ..services import plan_tasks, wellbeing
from ..workdays import week_start
from .scoping import child_of


def activate_language(request: HttpRequest, language: str) -> None:
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


def link_problem(request: HttpRequest, reason: str) -> HttpResponse:
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
            return link_problem(request, problem.reason)
        activate_language(request, plan.preferred_language)
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
        FormKind.CHECKIN: plan.checkins.filter(week_start=week_start(today)).exists(),
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
            "checkin_open": checkins_services.checkin_open(plan, today),
            "surprises_open": checkins_services.surprises_open(plan, today),
            "intake": Intake.objects.filter(plan=plan).first(),
            "goals": list(plan.goals.all()),
            "is_open": plan.is_open,
            "self_reviews": evaluations_services.self_review_moments(plan, today),
            "obstacle_surveys": obstacles_services.obstacle_survey_moments(plan, today),
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
            checkins_services.submit_intake(plan, form.cleaned_data)
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
    this_week = plan.checkins.filter(week_start=week_start(today)).first()
    if request.method == "POST" and form.is_valid():
        try:
            _checkin, created = checkins_services.submit_checkin(plan, form.cleaned_data, today)
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
            "checkin_open": checkins_services.checkin_open(plan, today),
            "trend": wellbeing.mood_trend(plan),
            "mood_labels": MOOD_LABELS,
        },
        status=400 if form.errors else 200,
    )


@portal_view
def portal_surprises(request: HttpRequest, plan: OnboardingPlan, token: str) -> HttpResponse:
    existing = {f"surprise_{s.position}": s.text for s in plan.surprises.all()}
    is_open = checkins_services.surprises_open(plan)
    form = SurprisesForm(request.POST if request.method == "POST" else None, initial=existing)
    if request.method == "POST" and not is_open:
        messages.info(request, _("Je kunt opschrijven wat je opviel vanaf je eerste werkdag."))
        return redirect("onboarding:portal_surprises", token=token)
    if request.method == "POST" and form.is_valid():
        try:
            checkins_services.submit_surprises(plan, form.texts())
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
            evaluations_services.add_goal(plan, title=form.cleaned_data["title"])
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
    editable = evaluations_services.self_review_editable(plan, moment)
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
            _review, created = evaluations_services.save_self_review(
                plan, moment, form.cleaned_data
            )
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
            "title": FormKind(
                evaluations_services.EVALUATION_FORMS[EvaluationMoment(moment)]
            ).label,
            "date": evaluations_services.evaluation_date(plan, moment),
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
    is_open = obstacles_services.obstacle_survey_open(plan, moment)
    form = ObstacleSurveyForm(
        request.POST if request.method == "POST" and is_open else None,
        initial={"obstacles": survey.obstacles} if survey else None,
    )
    status = 200
    if request.method == "POST" and not is_open:
        status = 409
    elif request.method == "POST" and form.is_valid():
        try:
            obstacles_services.save_obstacle_survey(plan, moment, form.cleaned_data["obstacles"])
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
            "until": obstacles_services.obstacle_survey_window(plan, moment)[1],
        },
        status=400 if form.errors else status,
    )


@require_POST
@portal_view
def portal_task_done(
    request: HttpRequest, plan: OnboardingPlan, token: str, task_pk: int
) -> HttpResponse:
    task = child_of(plan.tasks.all(), task_pk)
    try:
        plan_tasks.complete_own_task(plan, task)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("Goed zo! De taak staat op klaar."))
    return redirect("onboarding:portal", token=token)
