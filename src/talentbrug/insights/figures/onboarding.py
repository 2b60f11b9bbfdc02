"""Insights figures about onboarding: plans on track, check-in trends, retention at 6 and
12 months, the 'verbazingen' themes (counted by theme, never a text)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.onboarding.constants import Health, PlanStatus
from talentbrug.onboarding.figures import THEME_LABELS
from talentbrug.onboarding.models import CheckIn, Surprise
from talentbrug.onboarding.services.wellbeing import health

from .. import tables as t
from . import survey
from .scope import Scope, add_months, onboarding_plans, shared, sharing, too_big


def onboarding_tables(scope: Scope) -> list[t.Table]:

    start, end = timezone.localtime(scope.start).date(), timezone.localtime(scope.end).date()
    in_period = onboarding_plans(scope).filter(start_date__gte=start, start_date__lt=end)
    today = timezone.localdate()
    active = in_period.filter(status=PlanStatus.ACTIVE).prefetch_related("tasks", "checkins")
    health_of = shared("health", dict)
    heavy = too_big("plans", active)
    missing = active.exclude(pk__in=list(health_of)) if sharing() else active
    for plan in [] if heavy else missing.select_related("manager", "organisation"):
        health_of[plan.pk] = health(plan, today)
    states = (
        Counter() if heavy else Counter(health_of[pk] for pk in active.values_list("pk", flat=True))
    )
    tables = [
        t.distribution(
            "inwerkplannen",
            _("Inwerkplannen die nu lopen"),
            _(
                "Geteld: inwerkplannen met een eerste werkdag in de gekozen periode die nu "
                "lopen. Op schema: geen taak te laat, een check-in in de laatste twee weken en "
                "geen lage stemming."
            ),
            [(str(label), states.get(value, 0)) for value, label in Health.choices],
            what=_("Plannen"),
        )
    ]
    if heavy:
        tables[0] = t.pending(tables[0])
    months: dict[str, dict[str, Any]] = defaultdict(lambda: {"plans": set(), "moods": []})
    checkins = CheckIn.objects.filter(
        plan__in=onboarding_plans(scope), week_start__gte=start, week_start__lt=end
    ).values_list("plan_id", "week_start", "mood")
    many_checkins = too_big("rows", checkins)
    for plan_id, week, mood in [] if many_checkins else checkins:
        bucket = months[f"{week.year}-{week.month:02d}"]
        bucket["plans"].add(plan_id)
        bucket["moods"].append(mood)
    trend_rows = []
    for month in sorted(months):
        people = t.count(len(months[month]["plans"]))
        moods = months[month]["moods"]
        mood = t.based_on(round(sum(moods) / len(moods), 1), people)
        label = t.month(int(month[:4]), int(month[5:]))
        trend_rows.append(t.row(label, [people, mood]))
    trend = t.make_table(
        "check-ins",
        _("Check-ins per maand"),
        _(
            "Geteld: wekelijkse check-ins van nieuwe collega's in de gekozen periode, per "
            "maand. Mensen: hoeveel verschillende nieuwe collega's een check-in deden. "
            "Stemming: het gemiddelde van 1 (slecht) tot 5 (goed)."
        ),
        [t.column(_("Mensen")), t.column(_("Gemiddelde stemming (1–5)"), t.NUMBER, maximum=5)],
        trend_rows,
        chart=1 if trend_rows else None,
    )
    tables.append(t.pending(trend) if many_checkins else trend)
    tables.append(retention_table(scope, today))
    tables.append(surprise_table(scope))
    tables.append(survey.obstacle_table(scope))
    return tables


def retention_table(scope: Scope, today: date) -> t.Table:
    """Of the people who started at least N months ago: how many are still here after N."""
    everyone = onboarding_plans(scope).values_list("start_date", "status", "updated_at")
    heavy = too_big("rows", everyone)
    plans = [] if heavy else list(everyone)
    rows = []
    for months in (6, 12):
        started = [
            (start, status, updated)
            for start, status, updated in plans
            if add_months(start, months) <= today
        ]
        stayed = [
            1
            for start, status, updated in started
            if status != PlanStatus.STOPPED
            or timezone.localtime(updated).date() >= add_months(start, months)
        ]
        base, kept = t.count(len(started)), t.count(len(stayed))
        left = t.count(len(started) - len(stayed))
        t.protect_group([kept, left], base)
        rows.append(
            t.row(
                t.msg(_("Na %(n)s maanden"), n=months),
                [base, kept, left, t.share(kept, base)],
            )
        )
    table = t.make_table(
        "behoud",
        _("Nog in dienst na 6 en 12 maanden"),
        _(
            "Geteld: alle inwerkplannen (niet alleen die uit de gekozen periode) waarvan de "
            "eerste werkdag minstens 6 of 12 maanden geleden is. Vertrokken: het plan is "
            "gestopt vóór die maand; als datum van stoppen geldt de laatste wijziging van het "
            "plan. Wie zonder inwerkplan begon, telt niet mee."
        ),
        [
            t.column(_("Begonnen")),
            t.column(_("Nog in dienst")),
            t.column(_("Vertrokken")),
            t.column(_("Aandeel nog in dienst"), t.PERCENT),
        ],
        rows,
        chart=3,
    )
    return t.pending(table) if heavy else table


def surprise_table(scope: Scope) -> t.Table:
    """People per theme of the 'tien verbazingen' (a person counts once per theme)."""

    start, end = timezone.localtime(scope.start), timezone.localtime(scope.end)
    per_plan: dict[int, set[str]] = defaultdict(set)
    written = Surprise.objects.filter(
        plan__in=onboarding_plans(scope), submitted_at__gte=start, submitted_at__lt=end
    ).values_list("plan_id", "theme")
    heavy = too_big("rows", written)
    for plan_id, theme in [] if heavy else written:
        per_plan[plan_id].add(theme)
    counts = Counter(theme for themes in per_plan.values() for theme in themes)
    table = t.indicators(
        "verbazingen",
        _("Tien verbazingen: thema's"),
        _(
            "Geteld: nieuwe collega's die in de gekozen periode een verbazing opschreven, per "
            "thema. Iemand met twee verbazingen over hetzelfde thema telt één keer; iemand met "
            "verbazingen over twee thema's telt bij allebei. De teksten zelf staan hier niet."
        ),
        _("Mensen met een verbazing"),
        len(per_plan),
        sorted(((str(THEME_LABELS.get(k, k)), n) for k, n in counts.items()), key=lambda i: -i[1]),
    )
    return t.pending(table) if heavy else table
