"""The obstacle survey: its windows after the start and saving the answers."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import OBSTACLE_SURVEY_DAYS, EvaluationMoment, Obstacle, PlanStatus
from ..models import ObstacleSurvey, OnboardingPlan
from .guards import TransitionError


def obstacle_survey_window(plan: OnboardingPlan, moment: str) -> tuple[date, date]:
    """[first, last] day the questionnaire about obstacles can be filled in for ``moment``."""
    first = _months_after(plan.start_date, int(EvaluationMoment(moment).value))
    return first, first + timedelta(days=OBSTACLE_SURVEY_DAYS)


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def obstacle_survey_open(plan: OnboardingPlan, moment: str, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    first, last = obstacle_survey_window(plan, moment)
    return plan.status != PlanStatus.STOPPED and first <= today <= last


def obstacle_survey_moments(
    plan: OnboardingPlan, today: date | None = None
) -> list[dict[str, Any]]:
    """For the portal: the questionnaires about obstacles that are open now or were answered."""
    today = today or timezone.localdate()
    answered = {s.moment: s for s in plan.obstacle_surveys.all()}
    rows = []
    for moment in EvaluationMoment:
        is_open = obstacle_survey_open(plan, moment.value, today)
        if is_open or moment.value in answered:
            rows.append(
                {
                    "moment": moment.value,
                    "label": moment.label,
                    "open": is_open,
                    "survey": answered.get(moment.value),
                    "until": obstacle_survey_window(plan, moment.value)[1],
                }
            )
    return rows


@transaction.atomic
def save_obstacle_survey(
    plan: OnboardingPlan, moment: str, obstacles: Iterable[str], today: date | None = None
) -> tuple[ObstacleSurvey, bool]:
    """The new hire's optional answers at 3 or 6 months; may be changed while it is open."""
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit moment bestaat niet."))
    if not obstacle_survey_open(plan, moment, today):
        raise TransitionError(_("Deze vragen zijn nu niet open."))
    chosen = sorted(set(obstacles))
    if any(value not in Obstacle.values for value in chosen):
        raise ValidationError(_("Kies een van de antwoorden."))
    survey, created = ObstacleSurvey.objects.update_or_create(
        plan=plan, moment=moment, defaults={"obstacles": chosen}
    )
    record_event(
        "onboarding.obstacles_answered",
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        change="created" if created else "updated",
    )
    return survey, created
