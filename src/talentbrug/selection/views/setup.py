"""A vacancy's selection set-up and figures: stages, anchor texts, fairness figures, reasons."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import get_for_organisation, staff_required
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of

from ..constants import END_KINDS
from ..forms import (
    AnchorForm,
    ReasonForm,
    StageForm,
)
from ..models import RejectionReason, Stage
from ..services import pipeline, scorecards
from ..services import reasons as reasons_services
from ..workflow import SelectionError
from .common import _vacancy


@staff_required("selection.configure")
def stages(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = StageForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            try:
                pipeline.add_stage(vacancy, user=request.user, **form.cleaned_data)
            except SelectionError as exc:
                form.add_error("name", exc)
            else:
                messages.success(request, _("Fase toegevoegd."))
                return redirect("selection:stages", pk=vacancy.pk)
        elif action == "blind":
            stage = get_for_organisation(
                Stage.objects.filter(vacancy=vacancy),
                organisation_of(request),
                pk=request.POST.get("stage"),
            )
            pipeline.set_stage_blind(
                stage, is_blind=request.POST.get("is_blind") == "1", user=request.user
            )
            messages.success(request, _("Fase ‘%(stage)s’ gewijzigd.") % {"stage": stage.name})
            return redirect("selection:stages", pk=vacancy.pk)
    rows = (
        Stage.objects.filter(vacancy=vacancy)
        .annotate(held=Count("progresses"))
        .order_by("order", "pk")
    )
    return render(
        request,
        "selection/stages.html",
        {"vacancy": vacancy, "stages": rows, "form": form, "end_kinds": END_KINDS},
    )


@require_POST
@staff_required("selection.configure")
def stage_delete(request: HttpRequest, pk: int) -> HttpResponse:
    stage = get_for_organisation(Stage, organisation_of(request), pk=pk)
    vacancy_pk = stage.vacancy_id
    try:
        pipeline.delete_stage(stage, user=request.user)
    except SelectionError as exc:
        show_errors(request, exc, each=True)
    else:
        messages.success(request, _("Fase verwijderd."))
    return redirect("selection:stages", pk=vacancy_pk)


@staff_required("selection.configure")
def anchors(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    current = scorecards.anchors_for(vacancy)
    form = AnchorForm(request.POST or None, anchors=current)
    if request.method == "POST" and form.is_valid():
        texts = {int(name.split("_")[1]): value for name, value in form.cleaned_data.items()}
        scorecards.set_anchors(vacancy, texts, user=request.user)
        messages.success(request, _("De ankerteksten zijn opgeslagen."))
        return redirect("selection:anchors", pk=vacancy.pk)
    return render(request, "selection/anchors.html", {"vacancy": vacancy, "form": form})


@staff_required("selection.fairness")
def fairness(request: HttpRequest, pk: int) -> HttpResponse:
    """The figures per group moved to Insights; this address sends the reader there."""
    vacancy = _vacancy(request, pk)
    return redirect(f"{reverse('insights:selection')}?{urlencode({'vacature': vacancy.pk})}")


@staff_required("selection.configure")
def reasons(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    form = ReasonForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            try:
                reasons_services.add_reason(organisation, user=request.user, **form.cleaned_data)
            except SelectionError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Reden toegevoegd."))
                return redirect("selection:reasons")
        elif action == "active":
            reason = get_for_organisation(
                RejectionReason, organisation, pk=request.POST.get("reason")
            )
            reasons_services.set_reason_active(
                reason, is_active=request.POST.get("is_active") == "1", user=request.user
            )
            messages.success(request, _("Reden gewijzigd."))
            return redirect("selection:reasons")
    rows = RejectionReason.objects.filter(organisation=organisation)
    return render(request, "selection/reasons.html", {"reasons": rows, "form": form})
