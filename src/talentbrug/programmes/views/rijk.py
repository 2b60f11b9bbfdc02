"""The programme team's pages across the organisations (Rijk): cohorts and places."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from talentbrug.accounts.access import programme_team_required

from ..constants import PlacementKind, PlacementState
from ..models import Cohort, Placement

team_only = programme_team_required(
    "programmes.rijk",
    gettext_lazy("Alleen het programmateam ziet de programma's van het hele Rijk."),
)


@require_GET
@team_only
def rijk_cohorts(request: HttpRequest) -> HttpResponse:
    """Every organisation's cohorts and trainee groups, with counts (no names)."""
    today = timezone.localdate()
    cohorts = (
        Cohort.objects.select_related("organisation")
        .prefetch_related("participating_organisations")
        .annotate(participants=Count("members", distinct=True))
        .order_by("-starts_on", "name")
    )
    rows = [
        {
            "cohort": cohort,
            "participants": cohort.participants,
            "running": cohort.starts_on <= today <= cohort.ends_on,
            "others": [o.name for o in cohort.participating_organisations.all()],
        }
        for cohort in cohorts
    ]
    return render(request, "programmes/rijk_cohorts.html", {"rows": rows})


@require_GET
@team_only
def rijk_places(request: HttpRequest) -> HttpResponse:
    """BBL places and internships per organisation: how many, filled, free (no names)."""
    today = timezone.localdate()
    per_organisation: dict[Any, Counter[str]] = defaultdict(Counter)
    for place in Placement.objects.select_related("organisation").order_by("organisation__name"):
        state = place.state(today)
        counts = per_organisation[place.organisation]
        counts[f"{place.kind}:total"] += 1
        counts[f"{place.kind}:{state}"] += 1
    kinds = list(PlacementKind.choices)
    rows = [
        {
            "organisation": organisation,
            "kinds": [
                {
                    "label": label,
                    "total": counts[f"{kind}:total"],
                    "filled": counts[f"{kind}:{PlacementState.FILLED}"]
                    + counts[f"{kind}:{PlacementState.ENDING}"],
                    "open": counts[f"{kind}:{PlacementState.OPEN}"],
                }
                for kind, label in kinds
            ],
        }
        for organisation, counts in per_organisation.items()
    ]
    return render(request, "programmes/rijk_places.html", {"rows": rows, "kinds": kinds})
