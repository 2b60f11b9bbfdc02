"""The checks every onboarding change makes: the refusal it raises, an open plan, a date inside the plan."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..constants import PLAN_DAYS_AFTER_START, PLAN_DAYS_BEFORE_START
from ..models import OnboardingPlan


class TransitionError(ValidationError):
    """A move that is not allowed from the current status."""


def require_open(plan: OnboardingPlan) -> None:
    if not plan.is_open:
        raise TransitionError(
            _("Dit inwerkplan is %(status)s. Er kan niets meer worden veranderd.")
            % {"status": plan.get_status_display().lower()}
        )


def plan_window(plan: OnboardingPlan) -> tuple[date, date]:
    return (
        plan.start_date - timedelta(days=PLAN_DAYS_BEFORE_START),
        plan.start_date + timedelta(days=PLAN_DAYS_AFTER_START),
    )


def check_date(plan: OnboardingPlan, day: date) -> None:
    first, last = plan_window(plan)
    if not first <= day <= last:
        raise ValidationError(
            _("Kies een datum tussen %(first)s en %(last)s: dat is de looptijd van het plan.")
            % {"first": first.strftime("%d-%m-%Y"), "last": last.strftime("%d-%m-%Y")}
        )
