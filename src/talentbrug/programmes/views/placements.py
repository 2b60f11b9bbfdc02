"""The staff pages of BBL places and internships: the list, one place, filling it, its vacancy and school evaluations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.core.http import organisation_of
from talentbrug.onboarding.services import people as onboarding_people

from .. import services
from ..constants import PlacementKind, PlacementState
from ..forms import FillForm, PlacementForm, SchoolEvaluationForm
from ..models import Placement
from .shared import plans_in_scope, save_page


@staff_required("programmes.view")
def placements(request: HttpRequest) -> HttpResponse:
    """The capacity view: which places are filled, which are open, which end soon."""
    today = timezone.localdate()
    kind = request.GET.get("soort", "")
    places = scoped(Placement.objects.all(), organisation_of(request)).select_related(
        "school", "filled_by", "supervisor", "vacancy"
    )
    if kind in PlacementKind.values:
        places = places.filter(kind=kind)
    rows = [{"place": p, "state": p.state(today)} for p in places]
    counts = {value: sum(1 for r in rows if r["state"] == value) for value in PlacementState.values}
    for row in rows:
        row["state_label"] = PlacementState(row["state"]).label
    return render(
        request,
        "programmes/placements.html",
        {
            "rows": rows,
            "counts": [(PlacementState(v).label, counts[v]) for v in PlacementState.values],
            "kinds": PlacementKind.choices,
            "kind": kind,
            "total": len(rows),
            "can_manage": can(request, "programmes.manage"),
        },
    )


@staff_required("programmes.manage")
def placement_create(request: HttpRequest) -> HttpResponse:
    form = PlacementForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation_of(request),
        members=onboarding_people.members_of(organisation_of(request)),
        initial={"kind": PlacementKind.BBL, "available_from": timezone.localdate()},
    )
    return save_page(
        request,
        form,
        services.save_placement,
        None,
        success=_("De leerplek is opgeslagen."),
        destination="programmes:placement_detail",
        with_pk=True,
        title=_("Nieuwe leerplek"),
        back="programmes:placements",
    )


def _place_progress(place: Placement, today: Any) -> dict[str, Any] | None:
    """How far the person on the place is: the share of the plan's tasks done, and the week
    of the praktijkovereenkomst (or internship period) they are in."""
    plan = place.filled_by
    if plan is None:
        return None
    result: dict[str, Any] = {"plan": plan, "percent": plan.progress(), "week": None}
    if place.pok_start and place.pok_end and place.pok_start <= today <= place.pok_end:
        result["week"] = (today - place.pok_start).days // 7 + 1
        result["weeks"] = (place.pok_end - place.pok_start).days // 7 + 1
    return result


@staff_required("programmes.view")
def placement_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    place = get_for_organisation(
        Placement.objects.select_related("school", "filled_by", "supervisor", "vacancy"),
        organisation_of(request),
        pk=pk,
    )
    today = timezone.localdate()
    return render(
        request,
        "programmes/placement_detail.html",
        {
            "place": place,
            "state": PlacementState(place.state(today)).label,
            "evaluations": place.evaluations.all(),
            "progress": _place_progress(place, today),
            "fill_form": FillForm(
                plans=plans_in_scope(request), initial={"plan": place.filled_by_id}
            ),
            "evaluation_form": extra.get("evaluation_form") or SchoolEvaluationForm(),
            "can_manage": can(request, "programmes.manage"),
            "can_open_vacancy": can(request, "vacancies.edit"),
            "errors": extra.get("errors", []),
        },
        status=400 if extra.get("errors") else 200,
    )


@staff_required("programmes.manage")
def placement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = PlacementForm(
        request.POST if request.method == "POST" else None,
        instance=place,
        organisation=organisation_of(request),
        members=onboarding_people.members_of(organisation_of(request)),
    )
    return save_page(
        request,
        form,
        services.save_placement,
        place,
        success=_("De leerplek is opgeslagen."),
        destination="programmes:placement_detail",
        with_pk=True,
        title=_("Leerplek wijzigen"),
        back="programmes:placements",
    )


@require_POST
@staff_required("programmes.manage")
def placement_fill(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = FillForm(request.POST, plans=plans_in_scope(request))
    if not form.is_valid():
        return placement_detail.__wrapped__(request, pk, errors=[_("Kies een inwerkplan.")])  # type: ignore[attr-defined]
    try:
        services.fill_placement(place, form.cleaned_data["plan"], user=request.user)
    except ValidationError as exc:
        return placement_detail.__wrapped__(request, pk, errors=error_messages(exc))  # type: ignore[attr-defined]
    messages.success(request, _("De leerplek is bijgewerkt."))
    return redirect("programmes:placement_detail", pk=place.pk)


@require_POST
@staff_required("programmes.manage")
def placement_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    if not can(request, "vacancies.edit"):
        messages.error(request, _("Uw rol mag geen vacature maken. Vraag de HR-adviseur."))
        return redirect("programmes:placement_detail", pk=place.pk)
    try:
        vacancy = services.open_vacancy_for_placement(place, user=request.user, roles=request.roles)  # type: ignore[attr-defined]
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("programmes:placement_detail", pk=place.pk)
    messages.success(
        request, _("Er is een concept-vacature gemaakt. Vul hem aan en laat hem beoordelen.")
    )
    return redirect("vacancies:edit", pk=vacancy.pk)


@require_POST
@staff_required("programmes.manage")
def placement_evaluation_add(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = SchoolEvaluationForm(request.POST)
    if not form.is_valid():
        return placement_detail.__wrapped__(
            request, pk, evaluation_form=form, errors=[_("Kies een datum.")]
        )  # type: ignore[attr-defined]
    services.add_school_evaluation(
        place,
        user=request.user,
        planned_on=form.cleaned_data["planned_on"],
        notes=form.cleaned_data["notes"],
    )
    messages.success(request, _("De evaluatie met school is gepland."))
    return redirect("programmes:placement_detail", pk=place.pk)
