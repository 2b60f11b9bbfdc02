"""The staff pages of a plan's tasks: editing, adding, moving them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import staff_required
from talentbrug.core.forms import error_messages

from ..constants import OwnerRole
from ..forms import TaskAddForm, TaskForm, TransitionForm
from ..services import plan_tasks
from .plans import render_plan
from .scoping import child_of, plan_url, scoped_plan, staff_members


@staff_required("onboarding.manage")
def task_edit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    plan = scoped_plan(request, pk)
    task = child_of(plan.tasks.all(), task_pk)
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
        members=staff_members(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_tasks.update_task(task, user=request.user, data=form.cleaned_data)
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
    plan = scoped_plan(request, pk)
    form = TaskAddForm(
        request.POST if request.method == "POST" else None,
        initial={"due_date": timezone.localdate(), "owner_role": OwnerRole.MANAGER},
        members=staff_members(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_tasks.add_task(plan, user=request.user, data=form.cleaned_data)
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
    plan = scoped_plan(request, pk)
    task = child_of(plan.tasks.all(), task_pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return render_plan(request, plan, task_errors=[_("Kies een stap.")])
    try:
        plan_tasks.transition_task(
            task, form.cleaned_data["move"], user=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return render_plan(request, plan, task_errors=error_messages(exc))
    messages.success(request, _("De taak is bijgewerkt."))
    return redirect(f"{plan_url(plan)}#taak-{task.pk}")
