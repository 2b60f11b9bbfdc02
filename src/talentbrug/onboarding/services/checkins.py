"""The new hire's built-in forms during the first weeks: intake, manager expectations, check-ins, surprises."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from .. import themes
from ..constants import MAX_SURPRISES, FormKind, Need
from ..models import CheckIn, Intake, OnboardingPlan, Surprise
from ..workdays import week_start
from .guards import require_open
from .plan_tasks import complete_form_task


@transaction.atomic
def submit_intake(plan: OnboardingPlan, data: Mapping[str, Any]) -> Intake:
    require_open(plan)
    needs = [n for n in data.get("needs", []) if n in Need.values]
    intake, _created = Intake.objects.get_or_create(plan=plan)
    intake.expectations = data.get("expectations", "")
    intake.wants_to_learn = data.get("wants_to_learn", "")
    intake.needs = needs
    intake.needs_other = data.get("needs_other", "")
    intake.hours_wish = data.get("hours_wish", "")
    intake.submitted_at = timezone.now()
    intake.save()
    record_event(
        "onboarding.intake_submitted", organisation=plan.organisation, obj=plan, needs=len(needs)
    )
    complete_form_task(plan, FormKind.INTAKE, via="portal")
    return intake


@transaction.atomic
def save_manager_expectations(plan: OnboardingPlan, *, user: Any, text: str) -> Intake:
    require_open(plan)
    intake, _created = Intake.objects.get_or_create(plan=plan)
    intake.manager_expectations = text
    intake.manager_updated_at = timezone.now()
    intake.save()
    record_event(
        "onboarding.intake_expectations", actor=user, organisation=plan.organisation, obj=plan
    )
    return intake


def started(plan: OnboardingPlan, today: date | None = None) -> bool:
    """The first working day has come (check-ins and surprises are about the work itself)."""
    today = today or timezone.localdate()
    return plan.is_open and today >= plan.start_date


def checkin_open(plan: OnboardingPlan, today: date | None = None) -> bool:
    """Check-ins can be filled from the first working day on, while the plan runs."""
    return started(plan, today)


def surprises_open(plan: OnboardingPlan, today: date | None = None) -> bool:
    """'Wat viel je op?' opens on the first working day: before it, nothing can surprise yet."""
    return started(plan, today)


def submit_checkin(
    plan: OnboardingPlan, data: Mapping[str, Any], today: date | None = None
) -> tuple[CheckIn, bool]:
    """Store this week's check-in. A second one in the same week is not stored: (first, False)."""
    today = today or timezone.localdate()
    require_open(plan)
    if not checkin_open(plan, today):
        raise ValidationError(_("Je kunt de check-in invullen vanaf je eerste werkdag."))
    mood = int(data["mood"])
    if not 1 <= mood <= 5:
        raise ValidationError(_("Kies een cijfer van 1 tot en met 5."))
    monday = week_start(today)
    existing = CheckIn.objects.filter(plan=plan, week_start=monday).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                plan=plan,
                week_start=monday,
                mood=mood,
                went_well=data.get("went_well", ""),
                was_hard=data.get("was_hard", ""),
                needs_help=data.get("needs_help", ""),
            )
    except IntegrityError:  # a double click raced us: keep the first one
        return CheckIn.objects.get(plan=plan, week_start=monday), False
    record_event(
        "onboarding.checkin_submitted", organisation=plan.organisation, obj=plan, mood=mood
    )
    with transaction.atomic():
        complete_form_task(plan, FormKind.CHECKIN, via="portal")
    return checkin, True


@transaction.atomic
def submit_surprises(
    plan: OnboardingPlan, texts: Iterable[str], today: date | None = None
) -> list[Surprise]:
    """Store up to ten surprises (replacing an earlier list). Each gets a theme."""
    require_open(plan)
    if not surprises_open(plan, today):
        raise ValidationError(_("Je kunt opschrijven wat je opviel vanaf je eerste werkdag."))
    cleaned = [t.strip() for t in texts if t and t.strip()]
    if not cleaned:
        raise ValidationError(_("Schrijf minstens één ding op dat je opviel."))
    if len(cleaned) > MAX_SURPRISES:
        raise ValidationError(_("Je kunt maximaal tien dingen opschrijven."))
    plan.surprises.all().delete()
    surprises = Surprise.objects.bulk_create(
        Surprise(plan=plan, position=i, text=text[:1000], theme=themes.theme_of(text))
        for i, text in enumerate(cleaned, start=1)
    )
    record_event(
        "onboarding.surprises_submitted",
        organisation=plan.organisation,
        obj=plan,
        count=len(surprises),
    )
    complete_form_task(plan, FormKind.SURPRISES, via="portal")
    return surprises
