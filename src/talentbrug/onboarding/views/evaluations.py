"""The staff pages of a plan's evaluations and development goals."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import staff_required
from talentbrug.core.forms import error_messages

from ..constants import EvaluationMoment
from ..forms import EvaluationForm, GoalForm, GoalUpdateForm
from ..models import DevelopmentGoal, Evaluation, EvaluationSelfReview
from ..services import evaluations as evaluations_services
from .plans import render_plan
from .scoping import child_of, scoped_plan


@staff_required("onboarding.manage")
def evaluation(request: HttpRequest, pk: int, moment: str) -> HttpResponse:
    plan = scoped_plan(request, pk)
    if moment not in EvaluationMoment.values:
        raise Http404(_("Dit evaluatiemoment bestaat niet."))
    instance = Evaluation.objects.filter(plan=plan, moment=moment).first()
    form = EvaluationForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            evaluations_services.save_evaluation(
                plan, moment, user=request.user, data=form.cleaned_data
            )
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
    plan = scoped_plan(request, pk)
    form = GoalForm(request.POST)
    if not form.is_valid():
        return render_plan(request, plan, goal_form=form, goal_errors=[_("Vul het doel in.")])
    try:
        evaluations_services.add_goal(
            plan,
            title=form.cleaned_data["title"],
            target_date=form.cleaned_data["target_date"],
            user=request.user,
        )
    except ValidationError as exc:
        return render_plan(request, plan, goal_form=form, goal_errors=error_messages(exc))
    messages.success(request, _("Het doel is toegevoegd."))
    return redirect("onboarding:plan_detail", pk=plan.pk)


@require_POST
@staff_required("onboarding.manage")
def goal_update(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    goal = child_of(DevelopmentGoal.objects.filter(plan=plan), goal_pk)
    form = GoalUpdateForm(request.POST)
    if not form.is_valid():
        return render_plan(request, plan, goal_errors=[_("Vul een voortgang van 0 tot 100 in.")])
    try:
        evaluations_services.update_goal(
            goal,
            progress=form.cleaned_data["progress"],
            status=form.cleaned_data["status"],
            user=request.user,
        )
    except ValidationError as exc:
        return render_plan(request, plan, goal_errors=error_messages(exc))
    messages.success(request, _("Het doel is bijgewerkt."))
    return redirect("onboarding:plan_detail", pk=plan.pk)
