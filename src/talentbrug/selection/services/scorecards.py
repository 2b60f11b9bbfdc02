"""Scorecards per stage, the anchor texts of the scale, and grading work samples (always blind)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.applications.models import WorkSampleSubmission
from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import Requirement, Vacancy

from ..constants import (
    DEFAULT_ANCHORS,
    DISAGREEMENT_POINTS,
    END_KINDS,
    SCORE_MAX,
    SCORE_MIN,
    Recommendation,
)
from ..models import (
    ApplicationProgress,
    ScaleAnchor,
    Score,
    Scorecard,
    WorkSampleGrade,
)
from ..permissions import require
from ..workflow import SelectionError
from .pipeline import ensure_pipeline


def scorecard_rows(vacancy: Vacancy) -> list[Requirement]:
    return list(vacancy.requirements.select_related("skill").all())


def anchors_for(vacancy: Vacancy) -> dict[int, str]:
    ensure_pipeline(vacancy)
    return {a.level: a.text for a in ScaleAnchor.objects.filter(vacancy=vacancy)}


@transaction.atomic
def set_anchors(vacancy: Vacancy, texts: Mapping[int, str], *, user: Any) -> None:
    ensure_pipeline(vacancy)
    for level, text in texts.items():
        if level not in DEFAULT_ANCHORS or not text.strip():
            raise SelectionError(_("Vul voor elke score van 1 tot en met 4 een tekst in."))
        ScaleAnchor.objects.update_or_create(
            vacancy=vacancy,
            level=level,
            defaults={"text": text.strip(), "organisation_id": vacancy.organisation_id},
        )
    record_event(
        "selection.anchors_changed",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        vacancy=vacancy.pk,
    )


def _check_scores(rows: list[Requirement], scores: Mapping[int, Any]) -> dict[int, int]:
    clean: dict[int, int] = {}
    for row in rows:
        value = scores.get(row.pk)
        try:
            number = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise SelectionError(_("Geef een score voor ‘%(row)s’.") % {"row": row.label}) from None
        if not SCORE_MIN <= number <= SCORE_MAX:
            raise SelectionError(
                _("De score voor ‘%(row)s’ moet 1, 2, 3 of 4 zijn.") % {"row": row.label}
            )
        clean[row.pk] = number
    return clean


@transaction.atomic
def submit_scorecard(
    progress: ApplicationProgress,
    user: Any,
    roles: Iterable[str],
    *,
    recommendation: str,
    notes: str = "",
    scores: Mapping[int, Any],
) -> Scorecard:
    require(roles, "selection.score")
    if progress.stage.kind in END_KINDS:
        raise SelectionError(_("Deze sollicitatie is afgerond; beoordelen kan niet meer."))
    if recommendation not in Recommendation.values:
        raise SelectionError(_("Kies een advies."))
    if Scorecard.objects.filter(progress=progress, stage=progress.stage, reviewer=user).exists():
        raise SelectionError(_("U heeft deze kandidaat in deze fase al beoordeeld."))
    clean = _check_scores(scorecard_rows(progress.vacancy), scores)
    card = Scorecard.objects.create(
        organisation_id=progress.organisation_id,
        progress=progress,
        stage=progress.stage,
        reviewer=user,
        recommendation=recommendation,
        notes=notes.strip(),
    )
    Score.objects.bulk_create(
        Score(scorecard=card, requirement_id=pk, value=value) for pk, value in clean.items()
    )
    record_event(
        "selection.scorecard_submitted",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        scorecard=card.pk,
        application=progress.application_id,
        rows=len(clean),
    )
    return card


def has_submitted(progress: ApplicationProgress, user: Any) -> bool:
    return Scorecard.objects.filter(progress=progress, reviewer=user).exists()


@dataclass
class RowSummary:
    label: str
    values: list[int]
    low: int
    high: int
    mean: float
    disagreement: bool


def score_summary(progress: ApplicationProgress, user: Any) -> list[RowSummary] | None:
    """The spread per row over all submitted scorecards; None until ``user`` submitted one."""
    if not has_submitted(progress, user):
        return None
    by_row: dict[int, list[int]] = {}
    labels: dict[int, str] = {}
    for score in Score.objects.filter(scorecard__progress=progress).select_related(
        "requirement__skill"
    ):
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


def visible_scorecards(progress: ApplicationProgress, user: Any) -> list[Scorecard]:
    """Others' scorecards only after ``user`` submitted their own."""
    cards = Scorecard.objects.filter(progress=progress).select_related("reviewer", "stage")
    if not has_submitted(progress, user):
        return list(cards.filter(reviewer=user))
    return list(cards.prefetch_related("scores__requirement__skill"))


# ---------------------------------------------------------------------------------------------
# Work samples (always blind)
# ---------------------------------------------------------------------------------------------


def rubric_rows(vacancy: Vacancy) -> list[Requirement]:
    rows = scorecard_rows(vacancy)
    sample_rows = [r for r in rows if "work_sample" in (r.evidence or [])]
    return sample_rows or rows


@transaction.atomic
def grade_work_sample(
    submission: WorkSampleSubmission,
    user: Any,
    roles: Iterable[str],
    *,
    scores: Mapping[int, Any],
    notes: str = "",
) -> WorkSampleGrade:
    require(roles, "selection.score")
    if WorkSampleGrade.objects.filter(submission=submission, reviewer=user).exists():
        raise SelectionError(_("U heeft deze opdracht al beoordeeld."))
    vacancy = submission.application.vacancy
    clean = _check_scores(rubric_rows(vacancy), scores)
    grade = WorkSampleGrade.objects.create(
        organisation_id=vacancy.organisation_id,
        submission=submission,
        reviewer=user,
        scores={str(k): v for k, v in clean.items()},
        notes=notes.strip(),
    )
    record_event(
        "selection.work_sample_graded",
        actor=user,
        organisation=vacancy.organisation,
        obj=submission.application,
        submission=submission.pk,
        grade=grade.pk,
    )
    return grade
