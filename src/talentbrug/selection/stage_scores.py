"""Scorecards per stage: a form per stage per assessor, and the scores shown stage by stage.

Issue 18, item 6: someone who scored in an earlier stage got no form at the interview stage
(the page asked "did you ever score?" instead of "did you score in this stage?").

Blind rule, per stage: a person sees the others' scorecards and the summary of a stage only
after handing in their own in that stage, so nobody is steered by the others' scores; their own
scorecards they always see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .constants import DISAGREEMENT_POINTS
from .models import ApplicationProgress, Score, Scorecard, Stage


@dataclass
class RowSummary:
    label: str
    values: list[int]
    low: int
    high: int
    mean: float
    disagreement: bool


@dataclass
class StageScores:
    stage: Stage
    cards: list[Scorecard]
    summary: list[RowSummary] | None  # None until the reader scored in this stage
    submitted: bool  # the reader handed in a scorecard in this stage
    current: bool  # the application is in this stage now
    total: int  # scorecards in this stage, also those the reader may not see yet


def submitted_in_stage(progress: ApplicationProgress, user: Any, stage: Stage) -> bool:
    return Scorecard.objects.filter(progress=progress, stage=stage, reviewer=user).exists()


def _summary(scores: list[Score]) -> list[RowSummary]:
    by_row: dict[int, list[int]] = {}
    labels: dict[int, str] = {}
    for score in scores:
        by_row.setdefault(score.requirement_id, []).append(score.value)
        labels[score.requirement_id] = score.requirement.label
    rows = []
    for pk, values in by_row.items():
        low, high = min(values), max(values)
        rows.append(
            RowSummary(
                label=labels[pk],
                values=values,
                low=low,
                high=high,
                mean=round(sum(values) / len(values), 1),
                disagreement=high - low >= DISAGREEMENT_POINTS,
            )
        )
    return rows


def scores_per_stage(progress: ApplicationProgress, user: Any) -> list[StageScores]:
    """Every stage with scorecards (and the current one), in pipeline order, as ``user`` may
    see them."""
    cards = list(
        Scorecard.objects.filter(progress=progress)
        .select_related("reviewer", "stage")
        .prefetch_related("scores__requirement__skill")
        .order_by("stage__order", "submitted_at")
    )
    stages: dict[int, Stage] = {card.stage_id: card.stage for card in cards}
    stages.setdefault(progress.stage_id, progress.stage)
    result = []
    for stage in sorted(stages.values(), key=lambda s: (s.order, s.pk)):
        in_stage = [card for card in cards if card.stage_id == stage.pk]
        mine = any(card.reviewer_id == user.pk for card in in_stage)
        visible = in_stage if mine else [c for c in in_stage if c.reviewer_id == user.pk]
        summary = (
            _summary([score for card in in_stage for score in card.scores.all()]) if mine else None
        )
        if not in_stage and stage.pk != progress.stage_id:
            continue
        result.append(
            StageScores(
                stage=stage,
                cards=visible,
                summary=summary,
                submitted=mine,
                current=stage.pk == progress.stage_id,
                total=len(in_stage),
            )
        )
    return result
