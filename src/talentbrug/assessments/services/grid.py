"""The observer grid: cells saved one by one with an idempotent upsert per (day, observer,
candidate, competence), so a tablet that re-sends a queued cell changes nothing twice; the
results per candidate once the observers submitted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.selection.constants import DISAGREEMENT_POINTS
from talentbrug.selection.models import ApplicationProgress, pseudonym_for
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import scorecards as selection_scorecards
from talentbrug.vacancies.models import Requirement

from ..constants import (
    SCORE_MAX,
    SCORE_MIN,
    BookingStatus,
)
from ..models import (
    AssessmentDay,
    DayBooking,
    GridScore,
    GridSubmission,
)
from .errors import AssessmentError, NotObserver


def is_observer(day: AssessmentDay, user: Any) -> bool:
    return bool(day.observers.filter(pk=getattr(user, "pk", None)).exists())


def observes(user: Any, application: Application) -> bool:
    """Is ``user`` an observer of a group day the candidate is booked for?"""
    return DayBooking.objects.filter(
        application=application, status=BookingStatus.BOOKED, day__observers=user
    ).exists()


def participants(day: AssessmentDay) -> list[DayBooking]:
    return list(
        DayBooking.objects.filter(day=day, status=BookingStatus.BOOKED)
        .select_related("session", "application__candidate", "application__vacancy")
        .order_by("session__starts_at", "application_id")
    )


def _check_cell(
    day: AssessmentDay, observer: Any, application_id: int
) -> tuple[Application, list[Requirement]]:
    if not is_observer(day, observer):
        raise NotObserver(_("U bent geen waarnemer op deze groepsdag."))
    booking = (
        DayBooking.objects.filter(day=day, application_id=application_id, status="booked")
        .select_related("application__vacancy")
        .first()
    )
    if booking is None:
        raise AssessmentError(_("Deze kandidaat staat niet ingeschreven voor deze groepsdag."))
    if GridSubmission.objects.filter(
        day=day, observer=observer, application_id=application_id
    ).exists():
        raise AssessmentError(
            _("U heeft deze kandidaat al ingediend. Uw scores veranderen niet meer.")
        )
    application = booking.application
    return application, selection_scorecards.scorecard_rows(application.vacancy)


def _value(raw: Any, label: str) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise AssessmentError(
            _("Geef voor ‘%(row)s’ een score van 1 tot en met 4.") % {"row": label}
        ) from None
    if not SCORE_MIN <= number <= SCORE_MAX:
        raise AssessmentError(_("De score voor ‘%(row)s’ moet 1, 2, 3 of 4 zijn.") % {"row": label})
    return number


def _upsert(
    day: AssessmentDay, observer: Any, application: Application, row: Any, value: int
) -> bool:
    """Insert or update one cell; True when something changed."""
    cell, created = GridScore.objects.get_or_create(
        day=day,
        observer=observer,
        application=application,
        requirement=row,
        defaults={"value": value, "organisation_id": day.organisation_id},
    )
    if created:
        return True
    if cell.value == value:
        return False
    GridScore.objects.filter(pk=cell.pk).update(value=value, updated_at=timezone.now())
    return True


@transaction.atomic
def save_cell(
    day: AssessmentDay, observer: Any, *, application_id: Any, requirement_id: Any, value: Any
) -> GridScore:
    """Save one cell (idempotent: the same cell sent twice is stored once)."""
    if not is_observer(day, observer):
        raise NotObserver(_("U bent geen waarnemer op deze groepsdag."))
    try:
        application_id, requirement_id = int(application_id), int(requirement_id)
    except (TypeError, ValueError):
        raise AssessmentError(_("Kies een kandidaat en een competentie.")) from None
    application, rows = _check_cell(day, observer, application_id)
    row = next((r for r in rows if r.pk == requirement_id), None)
    if row is None:
        raise AssessmentError(_("Deze competentie hoort niet bij de vacature van de kandidaat."))
    number = _value(value, row.label)
    if _upsert(day, observer, application, row, number):
        record_event(
            "assessments.score_saved",
            actor=observer,
            organisation=day.organisation,
            obj=day,
            day=day.pk,
            application=application.pk,
            requirement=row.pk,
        )
    return GridScore.objects.get(
        day=day, observer=observer, application=application, requirement=row
    )


@transaction.atomic
def save_candidate(
    day: AssessmentDay,
    observer: Any,
    *,
    application_id: int,
    values: Mapping[int, Any],
    submit: bool = False,
) -> int:
    """The form without JavaScript: save the filled-in cells of one candidate; maybe submit.

    Bad values change nothing (the whole form is refused). Returns the number of saved cells.
    """
    application, rows = _check_cell(day, observer, application_id)
    clean: dict[int, int] = {}
    for row in rows:
        raw = values.get(row.pk)
        if raw in (None, ""):
            continue
        clean[row.pk] = _value(raw, row.label)
    by_pk = {r.pk: r for r in rows}
    changed = sum(
        _upsert(day, observer, application, by_pk[pk], value) for pk, value in clean.items()
    )
    if changed:
        record_event(
            "assessments.score_saved",
            actor=observer,
            organisation=day.organisation,
            obj=day,
            day=day.pk,
            application=application.pk,
            requirement=0,
        )
    if submit:
        submit_candidate(day, observer, application)
    return len(clean)


@transaction.atomic
def submit_candidate(day: AssessmentDay, observer: Any, application: Application) -> None:
    rows = selection_scorecards.scorecard_rows(application.vacancy)
    scored = set(
        GridScore.objects.filter(day=day, observer=observer, application=application).values_list(
            "requirement_id", flat=True
        )
    )
    missing = [r.label for r in rows if r.pk not in scored]
    if missing:
        raise AssessmentError(
            _("Geef eerst een score voor: %(rows)s.") % {"rows": ", ".join(missing)}
        )
    GridSubmission.objects.get_or_create(
        day=day,
        observer=observer,
        application=application,
        defaults={"organisation_id": day.organisation_id},
    )
    record_event(
        "assessments.scores_submitted",
        actor=observer,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        application=application.pk,
    )


@dataclass
class CellSummary:
    label: str
    values: list[int]
    low: int
    high: int
    disagreement: bool


@dataclass
class GridCandidate:
    """What one observer sees of one candidate on the grid."""

    booking: DayBooking
    label: str
    hidden: bool
    rows: list[Requirement]
    own: dict[int, int]
    submitted: bool
    summary: list[CellSummary] | None

    @property
    def cells(self) -> list[tuple[Requirement, int | None]]:
        return [(row, self.own.get(row.pk)) for row in self.rows]


def labels_for(bookings: list[DayBooking]) -> dict[int, tuple[str, bool]]:
    """Per application: (what staff see, hidden?). A pseudonym while identity is hidden.

    One pipeline check per vacancy and one query for all progress rows.
    """
    stages_by_vacancy: dict[int, list[Any]] = {}
    for booking in bookings:
        vacancy = booking.application.vacancy
        if vacancy.pk not in stages_by_vacancy:
            stages_by_vacancy[vacancy.pk] = selection_pipeline.stages_for(vacancy)
    progresses = {
        p.application_id: p
        for p in ApplicationProgress.objects.filter(
            application_id__in=[b.application_id for b in bookings]
        ).select_related("stage")
    }
    labels = {}
    for booking in bookings:
        application = booking.application
        hidden = selection_blind.identity_hidden(
            progresses[application.pk], stages_by_vacancy[application.vacancy_id]
        )
        label = pseudonym_for(application.pk) if hidden else application.candidate.name
        labels[application.pk] = (label, hidden)
    return labels


def grid_for(day: AssessmentDay, observer: Any) -> list[GridCandidate]:
    """The observer's own scores per candidate; others' (as a spread) only after submitting.

    A candidate whose identity is hidden (blind stage) is shown by pseudonym.
    """
    bookings = participants(day)
    app_ids = [b.application_id for b in bookings]
    own: dict[int, dict[int, int]] = {}
    for cell in GridScore.objects.filter(day=day, observer=observer, application_id__in=app_ids):
        own.setdefault(cell.application_id, {})[cell.requirement_id] = cell.value
    submitted_by: dict[int, set[int]] = {}
    for app_id, observer_id in GridSubmission.objects.filter(
        day=day, application_id__in=app_ids
    ).values_list("application_id", "observer_id"):
        submitted_by.setdefault(app_id, set()).add(observer_id)
    labels = labels_for(bookings)
    rows_by_vacancy: dict[int, list[Requirement]] = {}
    result = []
    for booking in bookings:
        application = booking.application
        if application.vacancy_id not in rows_by_vacancy:
            rows_by_vacancy[application.vacancy_id] = selection_scorecards.scorecard_rows(
                application.vacancy
            )
        rows = rows_by_vacancy[application.vacancy_id]
        done = observer.pk in submitted_by.get(application.pk, set())
        label, hidden = labels[application.pk]
        result.append(
            GridCandidate(
                booking=booking,
                label=label,
                hidden=hidden,
                rows=rows,
                own=own.get(application.pk, {}),
                submitted=done,
                summary=_summary(day, application, rows, submitted_by.get(application.pk, set()))
                if done
                else None,
            )
        )
    return result


def _summary(
    day: AssessmentDay, application: Application, rows: list[Requirement], observers: set[int]
) -> list[CellSummary]:
    values: dict[int, list[int]] = {}
    for requirement_id, value in GridScore.objects.filter(
        day=day, application=application, observer_id__in=observers
    ).values_list("requirement_id", "value"):
        values.setdefault(requirement_id, []).append(value)
    summary = []
    for row in rows:
        found = sorted(values.get(row.pk, []))
        if not found:
            continue
        summary.append(
            CellSummary(
                label=row.label,
                values=found,
                low=found[0],
                high=found[-1],
                disagreement=found[-1] - found[0] >= DISAGREEMENT_POINTS,
            )
        )
    return summary


@dataclass
class ResultRow:
    label: str
    scores: list[tuple[str, int | None]]  # per submitted observer, in the column order
    disagreement: bool


@dataclass
class CandidateResult:
    booking: DayBooking
    label: str
    observers: list[str]
    rows: list[ResultRow]
    waiting_for_own: bool  # the viewer observes and has not submitted this candidate yet


def results_for(day: AssessmentDay, viewer: Any) -> list[CandidateResult]:
    """The whole grid (observers × candidates × competences), submitted scores only.

    A viewer who is an observer of the day sees a candidate's results only after submitting
    their own scores for that candidate (independent judgement, as with scorecards).
    """
    bookings = participants(day)
    app_ids = [b.application_id for b in bookings]
    labels = labels_for(bookings)
    viewer_observes = is_observer(day, viewer)
    submitted: dict[int, list[Any]] = {}
    for submission in (
        GridSubmission.objects.filter(day=day, application_id__in=app_ids)
        .select_related("observer")
        .order_by("observer__first_name", "observer__username")
    ):
        submitted.setdefault(submission.application_id, []).append(submission.observer)
    values: dict[tuple[int, int, int], int] = {}
    for app_id, observer_id, requirement_id, value in GridScore.objects.filter(
        day=day, application_id__in=app_ids
    ).values_list("application_id", "observer_id", "requirement_id", "value"):
        values[(app_id, observer_id, requirement_id)] = value
    rows_by_vacancy: dict[int, list[Requirement]] = {}
    results = []
    for booking in bookings:
        application = booking.application
        if application.vacancy_id not in rows_by_vacancy:
            rows_by_vacancy[application.vacancy_id] = selection_scorecards.scorecard_rows(
                application.vacancy
            )
        observers = submitted.get(application.pk, [])
        waiting = viewer_observes and viewer.pk not in {o.pk for o in observers}
        rows = []
        if not waiting:
            for row in rows_by_vacancy[application.vacancy_id]:
                scores = [
                    (o.get_full_name() or o.username, values.get((application.pk, o.pk, row.pk)))
                    for o in observers
                ]
                given = [v for _name, v in scores if v is not None]
                rows.append(
                    ResultRow(
                        label=row.label,
                        scores=scores,
                        disagreement=bool(given) and max(given) - min(given) >= DISAGREEMENT_POINTS,
                    )
                )
        results.append(
            CandidateResult(
                booking=booking,
                label=labels[application.pk][0],
                observers=[o.get_full_name() or o.username for o in observers],
                rows=rows,
                waiting_for_own=waiting,
            )
        )
    return results
