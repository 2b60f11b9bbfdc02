"""Figures across organisations without names: every count of people under 5 is hidden."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from talentbrug.onboarding.constants import MIN_GROUP_SIZE
from talentbrug.onboarding.figures import surprise_themes

from .constants import PlacementState
from .models import Placement


def shown(count: int) -> int | None:
    """The count when it is at least MIN_GROUP_SIZE, else None ('fewer than 5')."""
    return count if count >= MIN_GROUP_SIZE else None


def cohort_figures(cohorts: Any) -> list[dict[str, Any]]:
    rows = []
    for cohort in cohorts.prefetch_related(
        "members__tasks", "members__checkins", "members__organisation"
    ):
        members = list(cohort.members.all())
        per_org: dict[str, int] = {}
        for plan in members:
            per_org[str(plan.organisation)] = per_org.get(str(plan.organisation), 0) + 1
        big_enough = len(members) >= MIN_GROUP_SIZE
        moods = []
        for plan in members:
            checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
            if checkins:
                moods.append(checkins[-1].mood)
        rows.append(
            {
                "cohort": cohort,
                "members": shown(len(members)),
                "organisations": [
                    {"name": name, "members": shown(count)}
                    for name, count in sorted(per_org.items())
                ],
                "progress": round(sum(p.progress() for p in members) / len(members))
                if big_enough
                else None,
                "mood": round(sum(moods) / len(moods), 1) if len(moods) >= MIN_GROUP_SIZE else None,
            }
        )
    return rows


def placement_figures(organisations: Any) -> list[dict[str, Any]]:
    today = timezone.localdate()
    rows = []
    for organisation in organisations:
        places = list(Placement.objects.filter(organisation=organisation))
        if not places:
            continue
        states = [p.state(today) for p in places]
        filled = sum(1 for s in states if s in (PlacementState.FILLED, PlacementState.ENDING))
        rows.append(
            {
                "organisation": organisation,
                "places": len(places),
                "open": sum(1 for s in states if s == PlacementState.OPEN),
                "filled": shown(filled),
            }
        )
    return rows


def all_figures(organisations: Any, cohorts: Any) -> dict[str, Any]:
    return {
        "cohorts": cohort_figures(cohorts),
        "placements": placement_figures(organisations),
        "themes": surprise_themes(organisations),
        "minimum": MIN_GROUP_SIZE,
    }
