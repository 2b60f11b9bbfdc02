"""The staff pages of the onboarding templates and their tasks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.core.forms import error_messages

from ..constants import Phase
from ..forms import TemplateTaskForm
from ..models import OnboardingTemplate, TemplateTask
from ..services import templates as templates_services
from .scoping import child_of


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
            templates_services.add_template_task(
                template, user=request.user, data=form.cleaned_data
            )
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
    task = child_of(TemplateTask.objects.filter(template=template), task_pk)
    templates_services.remove_template_task(task, user=request.user)
    messages.success(
        request, _("De taak is verwijderd. Plannen die al lopen houden hun eigen kopie.")
    )
    return redirect("onboarding:template_detail", pk=template.pk)
