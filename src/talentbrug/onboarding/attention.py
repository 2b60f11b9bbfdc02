"""The 'Inwerken' menu item and onboarding items on the staff home."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can, scoped
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import PlanStatus, TaskStatus
from .models import OnboardingPlan, PlanTask
from .services import wellbeing
from .workdays import week_start

register_nav(NavItem("onboarding:overview", gettext_lazy("Inwerken"), "onboarding.view", order=40))


@register_attention
def onboarding_attention(request: HttpRequest) -> list[AttentionItem]:
    if not can(request, "onboarding.view"):
        return []
    today = timezone.localdate()
    plans = scoped(OnboardingPlan.objects.all(), request.organisation)  # type: ignore[attr-defined]
    open_plans = plans.filter(status__in=[PlanStatus.PLANNED, PlanStatus.ACTIVE])
    overdue = PlanTask.objects.filter(
        plan__in=open_plans, status=TaskStatus.OPEN, due_date__lt=today
    ).count()
    running = open_plans.filter(status=PlanStatus.ACTIVE).prefetch_related("checkins")
    missing = sum(1 for plan in running if wellbeing.missing_checkin(plan, today))
    low = sum(1 for plan in running if wellbeing.low_mood(plan))
    monday = week_start(today)
    starting = open_plans.filter(start_date__gte=monday, start_date__lte=monday + timedelta(days=6))
    url = reverse("onboarding:overview")
    return [
        AttentionItem(
            title=_("Inwerktaken te laat"),
            count=overdue,
            url=f"{url}?stand=overdue",
            action_label=_("Bekijk de plannen die achterlopen"),
            empty_text=_("Geen inwerktaken te laat."),
        ),
        AttentionItem(
            title=_("Nieuwe collega's met een lage stemming"),
            count=low,
            url=f"{url}?stand=attention",
            action_label=_("Bekijk wie aandacht vraagt"),
            empty_text=_("Niemand gaf de laatste week een lage stemming."),
        ),
        AttentionItem(
            title=_("Check-ins zonder antwoord"),
            count=missing,
            url=f"{url}?stand=attention",
            action_label=_("Bekijk wie aandacht vraagt"),
            empty_text=_("Iedereen vulde vorige week de check-in in."),
        ),
        AttentionItem(
            title=_("Nieuwe collega's die deze week beginnen"),
            count=starting.count(),
            url=reverse("onboarding:calendar"),
            action_label=_("Bekijk de komende 30 dagen"),
            empty_text=_("Deze week begint er niemand."),
        ),
    ]
