"""The staff overviews of onboarding: all plans with their health, my plans, the calendar."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from talentbrug.accounts.access import can, staff_required
from talentbrug.core.http import moved_page

from ..constants import Health, PlanStatus, ProgrammeKind, TaskStatus
from ..models import PlanTask
from ..services import wellbeing
from .scoping import owner_label, scoped_plans


def _with_health(plans: Any, today: Any) -> list[dict[str, Any]]:
    rows = []
    for plan in plans:
        tasks = list(plan.tasks.all())
        open_tasks = [t for t in tasks if t.status == TaskStatus.OPEN]
        rows.append(
            {
                "plan": plan,
                "health": (health := wellbeing.health(plan, today)),
                "health_label": Health(health).label,
                "progress": round(100 * (len(tasks) - len(open_tasks)) / len(tasks))
                if tasks
                else 0,
                "next_task": min(open_tasks, key=lambda t: t.due_date) if open_tasks else None,
                "overdue": sum(1 for t in open_tasks if t.due_date < today),
            }
        )
    return rows


@staff_required("onboarding.view")
def overview(request: HttpRequest) -> HttpResponse:
    """The coordinator's overview: on track / needs attention / overdue, filter by programme."""
    today = timezone.localdate()
    stand = request.GET.get("stand", "")
    programme = request.GET.get("programma", "")
    status = request.GET.get("status", "open")
    plans = scoped_plans(request).prefetch_related("tasks", "checkins")
    if status == "open":
        plans = plans.filter(status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
    elif status in PlanStatus.values:
        plans = plans.filter(status=status)
    if programme in ProgrammeKind.values:
        plans = plans.filter(programme=programme)
    rows = _with_health(plans, today)
    counts = {value: sum(1 for r in rows if r["health"] == value) for value in Health.values}
    if stand in Health.values:
        rows = [r for r in rows if r["health"] == stand]
    return render(
        request,
        "onboarding/overview.html",
        {
            "rows": rows,
            "counts": counts,
            "healths": Health.choices,
            "programmes": ProgrammeKind.choices,
            "statuses": PlanStatus.choices,
            "stand": stand,
            "programme": programme,
            "status": status,
            "can_manage": can(request, "onboarding.manage"),
            "today": today,
        },
    )


@staff_required("onboarding.view")
def mine(request: HttpRequest) -> HttpResponse:
    """A manager's 'my new people'."""
    today = timezone.localdate()
    plans = (
        scoped_plans(request)
        .filter(manager=request.user, status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
        .prefetch_related("tasks", "checkins")
    )
    return render(request, "onboarding/mine.html", {"rows": _with_health(plans, today)})


@staff_required("onboarding.view")
def calendar(request: HttpRequest) -> HttpResponse:
    """The next 30 days: first days and tasks, per day."""
    today = timezone.localdate()
    end = today + timedelta(days=30)
    plans = scoped_plans(request).filter(status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
    tasks = (
        PlanTask.objects.filter(
            plan__in=plans, status=TaskStatus.OPEN, due_date__gte=today, due_date__lte=end
        )
        .select_related("plan", "plan__manager", "plan__hr_contact", "owner_user")
        .prefetch_related("plan__supporters__user")
    )
    days: dict[Any, dict[str, list[Any]]] = {}
    for plan in plans.filter(start_date__gte=today, start_date__lte=end):
        days.setdefault(plan.start_date, {"starts": [], "tasks": []})["starts"].append(plan)
    for task in tasks:
        days.setdefault(task.due_date, {"starts": [], "tasks": []})["tasks"].append(
            {"task": task, "owner": owner_label(task)}
        )
    return render(
        request,
        "onboarding/calendar.html",
        {"days": sorted(days.items()), "today": today, "end": end},
    )


# The figures moved to Insights; the old address sends the reader there.
surprise_figures = moved_page("insights:onboarding")
