"""Everything that changes group days, grid scores, language tests and diversity answers.

Views call these; each change is audited with ids only.

Booking never overbooks: the session row is locked (``select_for_update``) and the seat is
taken with one conditional UPDATE, as the recruitment days of the applications app do.
Grid cells are saved one by one with an idempotent upsert per (day, observer, candidate,
competence), so a tablet that re-sends a queued cell after a lost connection changes nothing
twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.core.reminders import claim_by_insert, claim_then_send, claim_unsent
from talentbrug.outbox.services import queue_mail
from talentbrug.selection.constants import DISAGREEMENT_POINTS
from talentbrug.selection.models import ApplicationProgress, pseudonym_for
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import scorecards as selection_scorecards
from talentbrug.taxonomy.constants import CEFR_ORDER, CefrLevel, LanguageSkill
from talentbrug.vacancies.models import Requirement, Vacancy

from .constants import (
    BOOKABLE_STAGE_KIND,
    SCORE_MAX,
    SCORE_MIN,
    AgeGroup,
    BookingStatus,
    BornAbroad,
    Disability,
    Gender,
    Refugee,
)
from .emails import observer_message
from .models import (
    AssessmentDay,
    DayBooking,
    DiversityResponse,
    DiversitySetting,
    GridScore,
    GridSubmission,
    LanguageTestResult,
    ObserverReminder,
    Session,
)
from .observer_emails import observer_reminder_message

SUBMITTED = "submitted"  # applications.constants.ApplicationStatus.SUBMITTED
REMINDER_BEFORE = timedelta(hours=24)
T = TypeVar("T")


class AssessmentError(ValidationError):
    """A change that is not allowed; the message says what is wrong and what to do."""


class SessionFull(AssessmentError):
    """The last place was taken first."""


class NotObserver(AssessmentError):
    """Only the day's observers score on its grid."""


# ---------------------------------------------------------------------------------------------
# E-mail (through the outbox: written with the change, so a rolled-back change sends nothing)
# ---------------------------------------------------------------------------------------------


def _queue(messages: Iterable[Any], *, kind: str, organisation: Any, candidate: Any = None) -> None:
    """Put the mails in the outbox, in the current transaction (a rollback sends nothing)."""

    for message in messages:
        if message is not None:
            queue_mail(message, kind=kind, organisation=organisation, candidate=candidate)


def _booking_with_relations(booking_pk: int) -> DayBooking | None:
    return (
        DayBooking.objects.select_related("session", "day__organisation", "application__candidate")
        .filter(pk=booking_pk)
        .first()
    )


def _mail_candidate(booking_pk: int, event: str) -> None:
    # local import: tests replace candidate_message on its module: looked up at call time
    from .emails import candidate_message

    booking = _booking_with_relations(booking_pk)
    if booking is not None:
        _queue(
            [candidate_message(booking, event)],
            kind=f"assessments.candidate_{event}",
            organisation=booking.day.organisation,
            candidate=booking.application.candidate,
        )


def _mail_observers(session_pk: int, event: str, users: Iterable[Any] | None = None) -> None:
    """Invite (or cancel) the day's observers, or only ``users``, for one session."""

    session = Session.objects.select_related("day__organisation").filter(pk=session_pk).first()
    if session is None:
        return
    observers = session.day.observers.all()
    if users is not None:
        observers = observers.filter(pk__in=[u.pk for u in users])
    _queue(
        (observer_message(session, user, event) for user in observers),
        kind=f"assessments.observer_{event}",
        organisation=session.day.organisation,
    )


def _cancel_for_observers_now(session: Session, users: Iterable[Any]) -> None:
    """Build the cancellations before the session (or the observer's place) is gone."""

    _queue(
        [observer_message(session, user, "cancelled") for user in users],
        kind="assessments.observer_cancelled",
        organisation=session.day.organisation,
    )


def recount(session_id: int) -> None:
    """Set the stored count to the number of live bookings (after rows were deleted)."""
    live = DayBooking.objects.filter(session_id=session_id, status=BookingStatus.BOOKED).count()
    Session.objects.filter(pk=session_id).update(booked_count=live)


# ---------------------------------------------------------------------------------------------
# Days and sessions
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_day(
    organisation: Any,
    *,
    title: str,
    address_text: str,
    vacancies: Iterable[Vacancy],
    observers: Iterable[Any],
    description: str = "",
    user: Any = None,
) -> AssessmentDay:
    vacancies = list(vacancies)
    if not vacancies:
        raise AssessmentError(_("Kies minstens één vacature."))
    if any(v.organisation_id != organisation.pk for v in vacancies):
        raise AssessmentError(_("Kies vacatures van uw eigen organisatie."))
    if not title.strip() or not address_text.strip():
        raise AssessmentError(_("Vul de titel en het adres in."))
    day = AssessmentDay.objects.create(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        address_text=address_text.strip(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    day.vacancies.set(vacancies)
    day.observers.set(list(observers))
    record_event(
        "assessments.day_created",
        actor=user,
        organisation=organisation,
        obj=day,
        day=day.pk,
        vacancies=len(vacancies),
    )
    return day


@transaction.atomic
def add_session(
    day: AssessmentDay, *, starts_at: datetime, ends_at: datetime, capacity: int, user: Any
) -> Session:
    if ends_at <= starts_at:
        raise AssessmentError(_("De eindtijd moet na de begintijd liggen."))
    if starts_at <= timezone.now():
        raise AssessmentError(_("De begintijd ligt in het verleden. Kies een latere tijd."))
    if not 1 <= int(capacity) <= 200:
        raise AssessmentError(_("Het aantal plaatsen moet tussen 1 en 200 liggen."))
    session = Session.objects.create(
        organisation_id=day.organisation_id,
        day=day,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
    )
    record_event(
        "assessments.session_added",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        session=session.pk,
    )
    _mail_observers(session.pk, "planned")
    return session


@transaction.atomic
def update_day(
    day: AssessmentDay,
    *,
    title: str,
    address_text: str,
    vacancies: Iterable[Vacancy],
    observers: Iterable[Any],
    description: str = "",
    user: Any = None,
) -> AssessmentDay:
    """Change name, address, vacancies and observers. New observers get an invitation per
    future session, removed observers a cancellation; booked candidates hear of a new address.
    """
    vacancies = list(vacancies)
    observers = list(observers)
    if not vacancies:
        raise AssessmentError(_("Kies minstens één vacature."))
    if any(v.organisation_id != day.organisation_id for v in vacancies):
        raise AssessmentError(_("Kies vacatures van uw eigen organisatie."))
    if not title.strip() or not address_text.strip():
        raise AssessmentError(_("Vul de titel en het adres in."))
    day = AssessmentDay.objects.select_for_update().get(pk=day.pk)
    address_changed = day.address_text != address_text.strip()
    before = set(day.observers.values_list("pk", flat=True))
    after = {u.pk for u in observers}
    future = list(day.sessions.filter(starts_at__gt=timezone.now()))
    if before - after:
        leaving = list(day.observers.filter(pk__in=before - after))
        for session in future:
            _cancel_for_observers_now(session, leaving)
    day.title = title.strip()
    day.description = description.strip()
    day.address_text = address_text.strip()
    day.save(update_fields=["title", "description", "address_text"])
    day.vacancies.set(vacancies)
    day.observers.set(observers)
    joining = [u for u in observers if u.pk not in before]
    for session in future:
        if address_changed:
            _mail_observers(session.pk, "planned", [u for u in observers if u.pk in before])
        if joining:
            _mail_observers(session.pk, "planned", joining)
    if address_changed:
        for booking_pk in DayBooking.objects.filter(
            day=day, status=BookingStatus.BOOKED, session__starts_at__gt=timezone.now()
        ).values_list("pk", flat=True):
            _mail_candidate(booking_pk, "changed")
    record_event(
        "assessments.day_changed",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        vacancies=len(vacancies),
        observers=len(observers),
    )
    return day


@transaction.atomic
def update_session(
    session: Session, *, starts_at: datetime, ends_at: datetime, capacity: int, user: Any
) -> Session:
    """Change times or places. Never fewer places than bookings; booked candidates and
    observers get the new time in their calendar."""
    session = Session.objects.select_for_update().select_related("day").get(pk=session.pk)
    if ends_at <= starts_at:
        raise AssessmentError(_("De eindtijd moet na de begintijd liggen."))
    moved = starts_at != session.starts_at or ends_at != session.ends_at
    if moved and starts_at <= timezone.now():
        raise AssessmentError(_("De begintijd ligt in het verleden. Kies een latere tijd."))
    if not 1 <= int(capacity) <= 200:
        raise AssessmentError(_("Het aantal plaatsen moet tussen 1 en 200 liggen."))
    booked = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    if int(capacity) < booked:
        raise AssessmentError(
            _(
                "Er zijn al %(booked)s kandidaten ingeschreven. Kies minstens %(booked)s "
                "plaatsen, of vraag kandidaten eerst een andere tijd te kiezen."
            )
            % {"booked": booked}
        )
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.capacity = int(capacity)
    session.booked_count = booked
    session.save(update_fields=["starts_at", "ends_at", "capacity", "booked_count"])
    if moved:
        bookings = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED)
        for booking_pk in bookings.values_list("pk", flat=True):
            _mail_candidate(booking_pk, "changed")
        DayBooking.objects.filter(session=session).update(reminder_sent_at=None)
        ObserverReminder.objects.filter(session=session).delete()  # remind of the new time
        _mail_observers(session.pk, "planned")
    record_event(
        "assessments.session_changed",
        actor=user,
        organisation=session.day.organisation,
        obj=session.day,
        day=session.day_id,
        session=session.pk,
        capacity=session.capacity,
    )
    return session


@transaction.atomic
def delete_session(session: Session, *, user: Any) -> None:
    """Remove a session without bookings. With bookings it is refused: nobody loses a place."""
    session = Session.objects.select_for_update().select_related("day").get(pk=session.pk)
    booked = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    if booked:
        raise AssessmentError(
            _(
                "Deze sessie heeft %(booked)s inschrijvingen. Verwijderen kan pas als niemand "
                "meer is ingeschreven. Pas anders de tijd aan: de kandidaten krijgen dan bericht."
            )
            % {"booked": booked}
        )
    day = session.day
    pk = session.pk
    if session.starts_at > timezone.now():
        _cancel_for_observers_now(session, list(day.observers.all()))
    DayBooking.objects.filter(session=session).delete()  # cancelled ones only
    session.delete()
    record_event(
        "assessments.session_deleted",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        session=pk,
    )


# ---------------------------------------------------------------------------------------------
# Booking (from the candidate portal)
# ---------------------------------------------------------------------------------------------


def may_book(application: Application) -> bool:
    """A candidate books once the application reached the stage 'Opdracht of wervingsdag'."""
    if application.status != SUBMITTED:
        return False
    progress = selection_pipeline.progress_for(application)
    return bool(progress.stage.kind == BOOKABLE_STAGE_KIND)


def days_for(application: Application) -> QuerySet[AssessmentDay]:
    return (
        AssessmentDay.objects.filter(vacancies=application.vacancy_id)
        .prefetch_related("sessions")
        .distinct()
        .order_by("pk")
    )


def open_sessions(application: Application) -> QuerySet[Session]:
    return (
        Session.objects.filter(
            day__vacancies=application.vacancy_id,
            starts_at__gt=timezone.now(),
            booked_count__lt=F("capacity"),
        )
        .select_related("day")
        .distinct()
        .order_by("starts_at", "pk")
    )


def active_bookings(application: Application) -> QuerySet[DayBooking]:
    return DayBooking.objects.filter(
        application=application, status=BookingStatus.BOOKED
    ).select_related("session", "day")


def _retry_locked(action: Callable[[], T], attempts: int = 40) -> T:
    """Retry on SQLite's 'database is locked' (PostgreSQL waits on the row lock instead)."""
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError as exc:
            if (
                "locked" not in str(exc)
                or attempt == attempts - 1
                or transaction.get_connection().in_atomic_block
            ):
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def book_session(application: Application, session_id: int) -> DayBooking:
    """Book a place; moves an earlier booking for the same day. Never overbooks."""
    return _retry_locked(lambda: _book_session(application, session_id))


@transaction.atomic
def _book_session(application: Application, session_id: int) -> DayBooking:
    if not may_book(application):
        raise AssessmentError(_("Je kunt je nu nog niet inschrijven voor een groepsdag."))
    session = (
        Session.objects.select_for_update()
        .filter(pk=session_id, day__vacancies=application.vacancy_id)
        .first()
    )
    if session is None:
        raise AssessmentError(_("Kies een tijd uit de lijst."))
    old = (
        DayBooking.objects.select_for_update()
        .filter(application=application, day_id=session.day_id, status=BookingStatus.BOOKED)
        .first()
    )
    if old is not None and old.session_id == session.pk:
        return old
    if session.starts_at <= timezone.now():
        raise AssessmentError(_("Deze sessie is al begonnen. Kies een andere tijd."))
    taken = Session.objects.filter(pk=session.pk, booked_count__lt=F("capacity")).update(
        booked_count=F("booked_count") + 1
    )
    if not taken:
        raise SessionFull(_("Deze sessie is net vol geraakt. Kies een andere tijd."))
    if old is not None:
        DayBooking.objects.filter(pk=old.pk).update(status=BookingStatus.CANCELLED)
        _free_place(old.session_id)
    booking = DayBooking.objects.create(
        organisation_id=session.organisation_id,
        day_id=session.day_id,
        session=session,
        application=application,
    )
    record_event(
        "assessments.booked",
        organisation=application.organisation,
        obj=application,
        application=application.pk,
        session=session.pk,
        booking=booking.pk,
    )
    _mail_candidate(booking.pk, "moved" if old is not None else "booked")
    return booking


def _free_place(session_id: int) -> None:
    Session.objects.filter(pk=session_id, booked_count__gt=0).update(
        booked_count=F("booked_count") - 1
    )


@transaction.atomic
def cancel_booking(booking: DayBooking, *, closed: bool = False) -> None:
    """Cancel a place; ``closed``: the procedure ended or went back, so no new time is offered."""
    updated = DayBooking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
        status=BookingStatus.CANCELLED
    )
    if not updated:
        return
    _free_place(booking.session_id)
    _mail_candidate(booking.pk, "closed" if closed else "cancelled")
    record_event(
        "assessments.booking_cancelled",
        organisation=booking.application.organisation,
        obj=booking.application,
        booking=booking.pk,
        application=booking.application_id,
    )


# ---------------------------------------------------------------------------------------------
# Reminders (periodic job)
# ---------------------------------------------------------------------------------------------


def due_for_reminder(now: datetime) -> QuerySet[DayBooking]:
    return DayBooking.objects.filter(
        status=BookingStatus.BOOKED,
        reminder_sent_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_BEFORE,
    )


def send_due_reminders(now: datetime | None = None) -> int:
    """Remind each booked candidate once, 24 hours before. Safe to run again."""
    # local import: tests replace candidate_message on its module: looked up at call time
    from .emails import candidate_message

    now = now or timezone.now()

    def send(pk: int, _claimed: bool) -> None:
        booking = _booking_with_relations(pk)
        if booking is not None:
            _queue(
                [candidate_message(booking, "reminder")],
                kind="assessments.candidate_reminder",
                organisation=booking.day.organisation,
                candidate=booking.application.candidate,
            )

    sent = claim_then_send(
        list(due_for_reminder(now).values_list("pk", flat=True)),
        lambda pk: claim_unsent(DayBooking.objects.filter(pk=pk), "reminder_sent_at", now),
        send,
    )
    if sent:
        record_event("assessments.reminders_sent", count=sent)
    return sent


def due_observer_reminders(now: datetime) -> dict[tuple[int, int, date], list[int]]:
    """{(observer, day, local date): [session, …]} of the sessions to remind observers of.

    A session is due once it starts within 24 hours and the observer was not yet reminded of
    it. Later sessions of the same day on the same date come along, so an observer gets one
    e-mail per group day per date, not one per session."""
    pairs = sorted(
        Session.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_BEFORE,
            day__observers__isnull=False,
        ).values_list("day_id", "day__observers")
    )
    if not pairs:
        return {}
    days = {day_id for day_id, _observer in pairs}
    upcoming = list(
        Session.objects.filter(day_id__in=days, starts_at__gt=now)
        .order_by("starts_at", "pk")
        .values_list("pk", "day_id", "starts_at")
    )
    reminded = set(
        ObserverReminder.objects.filter(session__day_id__in=days).values_list(
            "session_id", "observer_id"
        )
    )
    due_until = now + REMINDER_BEFORE
    wanted: dict[tuple[int, int, date], list[int]] = {}
    for day_id, observer_id in dict.fromkeys(pairs):
        for pk, day, at in upcoming:
            if day != day_id or (pk, observer_id) in reminded:
                continue
            key = (observer_id, day_id, timezone.localdate(at))
            if key in wanted:
                wanted[key].append(pk)  # a later session on the same date comes along
            elif at <= due_until:
                wanted[key] = [pk]
    return wanted


def send_due_observer_reminders(now: datetime | None = None) -> int:
    """Remind each observer once, about 24 hours before the sessions they observe (one e-mail
    per group day per date, in the observer's language). Safe to run again: every (session,
    observer) pair is claimed (a unique row) before the e-mail goes out."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    Key = tuple[int, int, date]

    def claim(item: tuple[Key, list[int]]) -> list[int]:
        """Pair by pair: a second run (or a parallel worker) finds them taken."""
        (observer_id, day_id, _date), session_pks = item
        organisation_id = AssessmentDay.objects.values_list("organisation_id", flat=True).get(
            pk=day_id
        )
        return [
            session_pk
            for session_pk in session_pks
            if claim_by_insert(
                ObserverReminder,
                organisation_id=organisation_id,
                session_id=session_pk,
                observer_id=observer_id,
                sent_at=now,
            )
        ]

    def send(item: tuple[Key, list[int]], taken: list[int]) -> None:
        observer = get_user_model().objects.get(pk=item[0][0])
        sessions = list(
            Session.objects.filter(pk__in=taken)
            .select_related("day__organisation")
            .order_by("starts_at", "pk")
        )
        _queue(
            [observer_reminder_message(sessions, observer)],
            kind="assessments.observer_reminder",
            organisation=sessions[0].day.organisation,
        )

    sent = claim_then_send(list(due_observer_reminders(now).items()), claim, send)
    if sent:
        record_event("assessments.observer_reminders_sent", count=sent)
    return sent


# ---------------------------------------------------------------------------------------------
# The observer grid
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Language tests
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def record_language_results(
    application: Application,
    levels: Mapping[str, str],
    *,
    test_name: str = "",
    taken_on: date | None = None,
    user: Any,
) -> int:
    """Store the level per skill (empty = not tested, keeps what was there)."""
    count = 0
    for skill, level in levels.items():
        if not level:
            continue
        if skill not in LanguageSkill.values or level not in CefrLevel.values:
            raise AssessmentError(_("Kies een vaardigheid en een niveau van A1 tot en met C2."))
        LanguageTestResult.objects.update_or_create(
            application=application,
            skill=skill,
            defaults={
                "organisation_id": application.organisation_id,
                "level": level,
                "test_name": test_name.strip(),
                "taken_on": taken_on,
                "recorded_by": user,
            },
        )
        count += 1
    if not count:
        raise AssessmentError(_("Kies voor minstens één vaardigheid een niveau."))
    record_event(
        "assessments.language_recorded",
        actor=user,
        organisation=application.organisation,
        obj=application,
        application=application.pk,
        count=count,
    )
    return count


@dataclass
class LanguageRow:
    skill: str
    label: str
    required: str
    timing: str
    result: LanguageTestResult | None
    meets: bool | None


def language_overview(application: Application) -> list[LanguageRow]:
    """Per skill: the vacancy's Dutch requirement next to the measured level."""
    requirements = {
        r.skill: r for r in application.vacancy.language_requirements.filter(language="nl")
    }
    results = {r.skill: r for r in LanguageTestResult.objects.filter(application=application)}
    rows = []
    for skill, label in LanguageSkill.choices:
        requirement = requirements.get(skill)
        result = results.get(skill)
        meets = None
        if requirement and result:
            meets = CEFR_ORDER[result.level] >= CEFR_ORDER[requirement.level]
        rows.append(
            LanguageRow(
                skill=skill,
                label=str(label),
                required=requirement.level if requirement else "",
                timing=requirement.get_timing_display() if requirement else "",
                result=result,
                meets=meets,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Voluntary diversity form
# ---------------------------------------------------------------------------------------------


def diversity_enabled(organisation: Any) -> bool:
    return DiversitySetting.objects.filter(organisation=organisation, enabled=True).exists()


@transaction.atomic
def set_diversity_enabled(organisation: Any, *, enabled: bool, user: Any) -> DiversitySetting:
    setting, _created = DiversitySetting.objects.update_or_create(
        organisation=organisation, defaults={"enabled": enabled, "changed_by": user}
    )
    record_event(
        "assessments.diversity_setting_changed",
        actor=user,
        organisation=organisation,
        obj=setting,
        enabled=enabled,
    )
    return setting


DIVERSITY_FIELDS = {
    "gender": Gender,
    "age_group": AgeGroup,
    "born_abroad": BornAbroad,
    "refugee": Refugee,
    "disability": Disability,
}


@transaction.atomic
def save_diversity(application: Application, answers: Mapping[str, str]) -> DiversityResponse:
    """The candidate's own, voluntary answers. Only possible while the organisation asks."""
    if not diversity_enabled(application.organisation):
        raise AssessmentError(_("Deze organisatie stelt geen diversiteitsvragen."))
    clean = {}
    for name, choices in DIVERSITY_FIELDS.items():
        value = answers.get(name) or choices.NOT_SAID
        if value not in choices.values:
            raise AssessmentError(_("Kies een van de antwoorden."))
        clean[name] = value
    response, _created = DiversityResponse.objects.update_or_create(
        application=application,
        defaults={"organisation_id": application.organisation_id, **clean},
    )
    record_event(
        "assessments.diversity_answered",
        organisation=application.organisation,
        obj=application,
        application=application.pk,
    )
    return response


@transaction.atomic
def withdraw_diversity(application: Application) -> None:
    deleted, _per_model = DiversityResponse.objects.filter(application=application).delete()
    if deleted:
        record_event(
            "assessments.diversity_withdrawn",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )
