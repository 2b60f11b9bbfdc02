"""Test data for interviews: an application in the (non-blind) interview stage, an interview."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import MembershipFactory, UserFactory
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import moves as selection_moves
from talentbrug.selection.tests.factories import application_in_pipeline, stage_of

from ..constants import InterviewStatus
from ..models import Interview, InterviewSlot

HR_ROLES = frozenset({Role.HR_ADVISER.value})


def staff_member(organisation: Any, role: str = Role.ASSESSOR, **kwargs: Any) -> Any:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def application_for_interview(organisation: Any, *, reveal: bool = True, **kwargs: Any) -> Any:
    """An application moved to stage Gesprek (not blind); the name revealed unless asked not."""
    progress = application_in_pipeline(organisation, **kwargs)
    hr = staff_member(organisation, Role.HR_ADVISER)
    interview_stage = stage_of(progress.vacancy, "interview")
    selection_moves.move_application(
        progress, interview_stage, hr, HR_ROLES, progress.version, notify=False
    )
    if reveal:
        selection_blind.reveal_identity(progress, hr, HR_ROLES)
    return progress.application


def soon(hours: float = 72, minute: int = 0) -> Any:
    moment = timezone.now() + timedelta(hours=hours)
    return moment.replace(minute=minute, second=0, microsecond=0)


def interview_for(
    organisation: Any,
    *,
    application: Any = None,
    interviewers: list[Any] | None = None,
    starts: list[Any] | None = None,
    status: str = InterviewStatus.PROPOSED,
) -> Interview:
    """An interview made directly (no e-mails), with open slots; planned on the first if asked."""
    application = application or application_for_interview(organisation)
    interview = Interview.objects.create(
        organisation=organisation,
        application=application,
        duration_minutes=60,
        location="Turfmarkt 147, Den Haag. Meld je bij de receptie.",
    )
    interview.interviewers.set(interviewers or [staff_member(organisation)])
    slots = [
        InterviewSlot.objects.create(interview=interview, starts_at=start)
        for start in (starts or [soon(72), soon(96)])
    ]
    if status == InterviewStatus.PLANNED:
        interview.chosen_slot = slots[0]
        interview.sequence = 1
    interview.status = status
    interview.save()
    return interview
