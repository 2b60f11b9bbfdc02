"""The end of a procedure: withdrawing, and freeing the seats of a closed application."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from talentbrug.audit.services import record_event

from ..constants import (
    ApplicationStatus,
    BookingStatus,
)
from ..models import (
    Application,
    Booking,
    Candidate,
    Slot,
)
from ..signals import application_closed
from ..status import status_source
from .errors import InvalidTransition
from .mail import queue_candidate_email


def free_seat(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked_count__gt=0).update(booked_count=F("booked_count") - 1)


def procedure_ended(application: Application) -> bool:
    """Withdrawn, or ended in selection (hired or rejected): the one truth is selection's."""
    status = status_source()
    return status.current_kind(application) in status.end_kinds


def release_seats(application: Application, *, only_future: bool = False) -> int:
    """Free the application's recruitment-day seats (all, or those still to come)."""
    bookings = application.bookings.filter(status=BookingStatus.BOOKED)
    if only_future:
        bookings = bookings.filter(slot__starts_at__gt=timezone.now())
    freed = 0
    for booking in bookings:
        if Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
            status=BookingStatus.CANCELLED
        ):
            free_seat(booking.slot_id)
            freed += 1
    return freed


def on_application_closed(sender: Any, application: Application, **kwargs: Any) -> None:
    """Selection ended the procedure (or the candidate withdrew): the seat is free again."""
    if release_seats(application):
        record_event(
            "application.seats_released",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )


def on_application_moved_back(
    sender: Any, application: Application, to_kind: str, **kwargs: Any
) -> None:
    """Back before the recruitment-day step: a seat still to come is freed (see selection.effects)."""
    if to_kind in status_source().before_assessment and release_seats(
        application, only_future=True
    ):
        record_event(
            "application.seats_released",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )


def withdraw_application(application: Application, candidate: Candidate) -> Application:
    """submitted → withdrawn, by the candidate. Frees a booked seat.

    Refused once selection ended the procedure: a hired or rejected person cannot withdraw.
    """
    if application.candidate_id != candidate.pk:
        raise InvalidTransition("not the candidate's application")
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != ApplicationStatus.SUBMITTED:
            raise InvalidTransition(f"cannot withdraw from {locked.status}")
        if procedure_ended(locked):
            raise InvalidTransition("the procedure has ended in selection")
        locked.status = ApplicationStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["status", "withdrawn_at"])
        release_seats(locked)
        record_event(
            "application.withdrawn",
            organisation=locked.organisation,
            obj=locked,
            application=locked.pk,
        )
        application_closed.send(sender=Application, application=locked, why="withdrawn")
        queue_candidate_email(candidate, "application_withdrawn", locked)
    return locked
