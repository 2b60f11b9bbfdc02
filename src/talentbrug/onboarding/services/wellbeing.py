"""Reading how a plan goes: mood, missing check-ins, health (reads only)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from ..constants import Health, PlanStatus
from ..models import OnboardingPlan
from ..workdays import week_start
from .people import has_left

# A check-in with this mood or lower always asks the coordinator's attention.
LOW_MOOD = 2


def low_mood(plan: OnboardingPlan) -> bool:
    """The latest check-in of a running plan says it goes badly (1 or 2 of 5)."""
    if plan.status != PlanStatus.ACTIVE:
        return False
    checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
    return bool(checkins) and checkins[-1].mood <= LOW_MOOD


def health(plan: OnboardingPlan, today: date | None = None) -> str:
    """On track, needs attention (low mood, no check-in for two weeks, someone left) or overdue.

    A low mood comes first: a person who is not doing well needs attention, also when the plan
    is behind schedule as well (the overdue tasks are still counted and shown per plan).
    """
    today = today or timezone.localdate()
    if low_mood(plan):
        return Health.ATTENTION
    tasks = list(plan.tasks.all())
    if any(t.is_overdue(today) for t in tasks):
        return Health.OVERDUE
    if plan.status == PlanStatus.ACTIVE:
        checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
        last = checkins[-1].week_start if checkins else week_start(plan.start_date)
        if (week_start(today) - last).days >= 14:
            return Health.ATTENTION
    if has_left(plan.manager, plan.organisation):
        return Health.ATTENTION
    return Health.ON_TRACK


def missing_checkin(plan: OnboardingPlan, today: date | None = None) -> bool:
    """A running plan without a check-in for last week (counted from the second week on)."""
    today = today or timezone.localdate()
    last_week = week_start(today) - timedelta(days=7)
    if plan.status != PlanStatus.ACTIVE or last_week < week_start(plan.start_date):
        return False
    return not any(c.week_start >= last_week for c in plan.checkins.all())


def mood_trend(plan: OnboardingPlan) -> dict[str, Any]:
    """Points for an inline SVG line (no JavaScript) and the rows for the table next to it."""
    checkins = list(plan.checkins.order_by("week_start"))
    width, height, pad = 320, 120, 16
    step = (width - 2 * pad) / max(len(checkins) - 1, 1)
    points = []
    for index, checkin in enumerate(checkins):
        x = pad + index * step
        y = height - pad - (checkin.mood - 1) * (height - 2 * pad) / 4
        points.append({"x": round(x, 1), "y": round(y, 1), "checkin": checkin})
    return {
        "width": width,
        "height": height,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "levels": [
            {"mood": m, "y": round(height - pad - (m - 1) * (height - 2 * pad) / 4, 1)}
            for m in range(1, 6)
        ],
    }
