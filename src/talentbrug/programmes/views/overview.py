"""The programmes start page, and the old figures address (the figures moved to Insights)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from talentbrug.accounts.access import can, scoped, staff_required
from talentbrug.core.http import moved_page, organisation_of

from .. import services
from ..constants import PlacementState
from ..models import LearnWorkTrack, Placement, SchoolPartner


@staff_required("programmes.view")
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    places = list(scoped(Placement.objects.all(), organisation_of(request)))
    states = [p.state(today) for p in places]
    return render(
        request,
        "programmes/index.html",
        {
            "cohorts": services.cohorts_for(organisation_of(request)).prefetch_related("members")[
                :10
            ],
            "places_total": len(places),
            "places_open": sum(1 for s in states if s == PlacementState.OPEN),
            "places_ending": sum(1 for s in states if s == PlacementState.ENDING),
            "schools": scoped(SchoolPartner.objects.all(), organisation_of(request)).count(),
            "tracks": scoped(LearnWorkTrack.objects.all(), organisation_of(request)).count(),
            "can_manage": can(request, "programmes.manage"),
        },
    )


# The figures moved to Insights; the old address sends the reader there.

figures_view = moved_page("insights:programmes")
