"""Test data for group days: a day with a session, candidates in the assessment stage."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from talentbrug.selection.constants import StageKind
from talentbrug.selection.services import moves as selection_moves
from talentbrug.selection.tests.factories import (
    application_in_pipeline,
    stage_of,
    vacancy_with_requirements,
)

from ..models import AssessmentDay, Session
from ..services import bookings

HR_ROLES = frozenset({"hr_adviser"})


def day_with_session(
    organisation: Any, *, vacancy: Any = None, observers: Any = (), capacity: int = 8
) -> tuple[AssessmentDay, Session]:
    vacancy = vacancy or vacancy_with_requirements(organisation)
    day = AssessmentDay.objects.create(
        organisation=organisation, title="Groepsdag servicedesk", address_text="Turfmarkt 147"
    )
    day.vacancies.add(vacancy)
    day.observers.add(*observers)
    start = timezone.now() + timedelta(days=7)
    session = Session.objects.create(
        organisation=organisation,
        day=day,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=capacity,
    )
    return day, session


def in_assessment_stage(organisation: Any, vacancy: Any, mover: Any = None, **kwargs: Any) -> Any:
    """An application of ``vacancy`` moved to 'Opdracht of wervingsdag'; returns the application."""
    progress = application_in_pipeline(organisation, vacancy=vacancy, **kwargs)
    target = stage_of(vacancy, StageKind.ASSESSMENT)
    selection_moves.move_application(
        progress, target, mover, HR_ROLES, progress.version, notify=False
    )
    return progress.application


def booked_application(
    organisation: Any, day: AssessmentDay, session: Session, **kwargs: Any
) -> Any:
    vacancy = day.vacancies.first()
    application = in_assessment_stage(organisation, vacancy, **kwargs)
    bookings.book_session(application, session.pk)
    return application
