"""Booking a place on a group day from the portal. Never overbooks: the session row is locked
(``select_for_update``) and the seat is taken with one conditional UPDATE."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.selection.services import pipeline as selection_pipeline

from ..constants import (
    BOOKABLE_STAGE_KIND,
    BookingStatus,
)
from ..models import (
    AssessmentDay,
    DayBooking,
    Session,
)
from .errors import AssessmentError, SessionFull
from .mail import mail_candidate

SUBMITTED = "submitted"  # applications.constants.ApplicationStatus.SUBMITTED

T = TypeVar("T")


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
    mail_candidate(booking.pk, "moved" if old is not None else "booked")
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
    mail_candidate(booking.pk, "closed" if closed else "cancelled")
    record_event(
        "assessments.booking_cancelled",
        organisation=booking.application.organisation,
        obj=booking.application,
        booking=booking.pk,
        application=booking.application_id,
    )
