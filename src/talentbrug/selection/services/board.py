"""What the board and the lists read: rows per stage, totals, attention counts (reads only)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from talentbrug.applications.models import Application
from talentbrug.vacancies.models import Vacancy

from ..constants import (
    END_KINDS,
    StageKind,
)
from ..models import (
    ApplicationProgress,
    Scorecard,
    Stage,
)


def board_progress(vacancy: Vacancy) -> Any:
    """All progress rows of a vacancy with what the board shows, oldest application first.

    No per-row aggregate here (a COUNT over scorecards grouped every row of the vacancy by all
    its columns): ``with_scorecard_counts`` counts for the rows actually shown.
    """
    return (
        ApplicationProgress.objects.filter(vacancy=vacancy)
        .select_related("stage", "application__candidate")
        .order_by("application__submitted_at", "pk")
    )


def column_totals(progress_rows: Any) -> dict[int, int]:
    """{stage id: number of rows} in one query."""
    rows = progress_rows.order_by().values_list("stage_id").annotate(n=Count("pk"))
    return dict(rows)


def first_per_column(
    progress_rows: Any, limit: int, *, more_stage: int | None = None, more_limit: int = 0
) -> list[ApplicationProgress]:
    """The first ``limit`` rows of every stage (``more_limit`` for ``more_stage``), one query.

    A window function numbers the rows per stage, so the board reads at most a few hundred rows
    however many applications the vacancy has.
    """
    ranked = progress_rows.annotate(
        position=Window(
            RowNumber(),
            partition_by=[F("stage_id")],
            order_by=[F("application__submitted_at").asc(), F("pk").asc()],
        )
    )
    keep = Q(position__lte=limit)
    if more_stage is not None:
        keep |= Q(stage_id=more_stage, position__lte=max(limit, more_limit))
    return with_scorecard_counts(list(ranked.filter(keep)))


def with_scorecard_counts(progresses: list[ApplicationProgress]) -> list[ApplicationProgress]:
    """Set ``scorecard_count`` on each row, with one query for all of them."""
    counts = dict(
        Scorecard.objects.filter(progress__in=[p.pk for p in progresses])
        .values_list("progress_id")
        .annotate(n=Count("pk"))
    )
    for progress in progresses:
        progress.scorecard_count = counts.get(progress.pk, 0)  # type: ignore[attr-defined]
    return progresses


def waiting_in_new(organisation: Any) -> int:
    if organisation is None:
        return 0
    started = ApplicationProgress.objects.filter(
        organisation=organisation, stage__kind=StageKind.NEW
    ).count()
    not_started = (
        Application.objects.filter(organisation=organisation, progress__isnull=True)
        .exclude(status="withdrawn")
        .count()
    )
    return started + not_started


def move_targets(stages: list[Stage], progress: ApplicationProgress) -> list[Stage]:
    """Stages a user may pick for this application on the board (hire goes via the offer)."""
    if progress.stage.kind in END_KINDS:
        return []
    return [s for s in stages if s.pk != progress.stage_id and s.kind != StageKind.HIRED]
