"""Demo interviews: one candidate of the servicedesk vacancy moves to stage Gesprek and has an
interview with Eva Jansen (beoordelaar.dictu), planned on a time the candidate chose. Eva sees
only this candidate by name. Fictitious people only; dates relative to today."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from talentbrug.selection.constants import StageKind
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import board as selection_board
from talentbrug.selection.services import moves as selection_moves
from talentbrug.selection.services import pipeline as selection_pipeline

from . import services

HR = {"hr_adviser"}


def seed(context: dict[str, Any]) -> None:
    users = context.get("users") or {}
    hr, assessor = users.get("hr.dictu"), users.get("beoordelaar.dictu")
    demo = (context.get("selection") or {}).get("vacancy")
    if hr is None or assessor is None or demo is None:
        return
    progress = (
        selection_board.board_progress(demo)
        .filter(stage__kind=StageKind.NEW)
        .order_by("-pk")
        .first()
    )
    if progress is None:
        return
    stages = selection_pipeline.ensure_pipeline(demo)
    interview_stage = next(s for s in stages if s.kind == StageKind.INTERVIEW)
    selection_moves.move_application(
        progress, interview_stage, hr, HR, progress.version, notify=False
    )
    selection_blind.reveal_identity(progress, hr, HR)
    day = timezone.localtime() + timedelta(days=3)
    first = day.replace(hour=10, minute=0, second=0, microsecond=0)
    interview = services.propose_interview(
        progress.application,
        user=hr,
        roles=HR,
        interviewers=[assessor, hr],
        slots=[first, first + timedelta(hours=3), first + timedelta(days=1)],
        duration_minutes=60,
        location="Turfmarkt 147, Den Haag. Meld je bij de receptie op de begane grond.",
        message="Neem een identiteitsbewijs mee voor de receptie.",
    )
    services.choose_slot(interview, interview.slots.first().pk, progress.application.candidate)
    context["interviews"] = {"planned": interview}
