"""The staff pages of school partners and their assignments."""

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
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of

from .. import services
from ..constants import PlacementState
from ..forms import AssignmentForm, SchoolForm
from ..models import SchoolAssignment, SchoolPartner
from .shared import save_page


@staff_required("programmes.view")
def school_list(request: HttpRequest) -> HttpResponse:
    schools = scoped(SchoolPartner.objects.all(), organisation_of(request)).prefetch_related(
        "placements", "assignments"
    )
    return render(
        request,
        "programmes/school_list.html",
        {"schools": schools, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def school_create(request: HttpRequest) -> HttpResponse:
    form = SchoolForm(request.POST if request.method == "POST" else None)
    return save_page(
        request,
        form,
        services.save_school,
        None,
        success=_("De school is toegevoegd."),
        destination="programmes:school_detail",
        with_pk=True,
        title=_("Nieuwe schoolpartner"),
        back="programmes:schools",
    )


@staff_required("programmes.manage")
def school_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    form = SchoolForm(request.POST if request.method == "POST" else None, instance=school)
    return save_page(
        request,
        form,
        services.save_school,
        school,
        success=_("De school is opgeslagen."),
        destination="programmes:school_detail",
        with_pk=True,
        title=_("Schoolpartner wijzigen"),
        back="programmes:schools",
    )


@staff_required("programmes.view")
def school_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    today = timezone.localdate()
    return render(
        request,
        "programmes/school_detail.html",
        {
            "school": school,
            "places": [
                {"place": p, "state": PlacementState(p.state(today)).label}
                for p in school.placements.select_related("vacancy")
            ],
            "assignments": [
                {"assignment": a, "moves": services.assignment_moves(a)}
                for a in school.assignments.all()
            ],
            "assignment_form": extra.get("assignment_form") or AssignmentForm(),
            "can_manage": can(request, "programmes.manage"),
            "errors": extra.get("errors", []),
            "move_labels": {
                "offer": _("Bied aan"),
                "accept": _("School accepteert"),
                "start": _("Klas begint"),
                "complete": _("Rond af"),
                "cancel": _("Stop"),
            },
            "programmes_offered": [
                line for line in school.programmes_offered.splitlines() if line.strip()
            ],
        },
        status=400 if extra.get("errors") else 200,
    )


@require_POST
@staff_required("programmes.manage")
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    form = AssignmentForm(request.POST)
    if not form.is_valid():
        return school_detail.__wrapped__(
            request, pk, assignment_form=form, errors=[_("Vul de opdracht in.")]
        )  # type: ignore[attr-defined]
    services.add_assignment(school, user=request.user, data=form.cleaned_data)
    messages.success(request, _("De opdracht is toegevoegd."))
    return redirect("programmes:school_detail", pk=school.pk)


@require_POST
@staff_required("programmes.manage")
def assignment_transition(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_for_organisation(SchoolAssignment, organisation_of(request), pk=pk)
    try:
        services.transition_assignment(assignment, request.POST.get("move", ""), user=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De status van de opdracht is bijgewerkt."))
    return redirect("programmes:school_detail", pk=assignment.school_id)
