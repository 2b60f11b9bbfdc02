"""E-mail of group days, through the outbox: written with the change, so a rolled-back change
sends nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from talentbrug.outbox.services import queue_mail

from .. import emails  # candidate_message looked up at call time: tests replace it
from ..constants import (
    BookingStatus,
)
from ..emails import observer_message
from ..models import (
    DayBooking,
    Session,
)


def queue_messages(
    messages: Iterable[Any], *, kind: str, organisation: Any, candidate: Any = None
) -> None:
    """Put the mails in the outbox, in the current transaction (a rollback sends nothing)."""

    for message in messages:
        if message is not None:
            queue_mail(message, kind=kind, organisation=organisation, candidate=candidate)


def booking_with_relations(booking_pk: int) -> DayBooking | None:
    return (
        DayBooking.objects.select_related("session", "day__organisation", "application__candidate")
        .filter(pk=booking_pk)
        .first()
    )


def mail_candidate(booking_pk: int, event: str) -> None:
    booking = booking_with_relations(booking_pk)
    if booking is not None:
        queue_messages(
            [emails.candidate_message(booking, event)],
            kind=f"assessments.candidate_{event}",
            organisation=booking.day.organisation,
            candidate=booking.application.candidate,
        )


def mail_observers(session_pk: int, event: str, users: Iterable[Any] | None = None) -> None:
    """Invite (or cancel) the day's observers, or only ``users``, for one session."""

    session = Session.objects.select_related("day__organisation").filter(pk=session_pk).first()
    if session is None:
        return
    observers = session.day.observers.all()
    if users is not None:
        observers = observers.filter(pk__in=[u.pk for u in users])
    queue_messages(
        (observer_message(session, user, event) for user in observers),
        kind=f"assessments.observer_{event}",
        organisation=session.day.organisation,
    )


def cancel_for_observers_now(session: Session, users: Iterable[Any]) -> None:
    """Build the cancellations before the session (or the observer's place) is gone."""

    queue_messages(
        [observer_message(session, user, "cancelled") for user in users],
        kind="assessments.observer_cancelled",
        organisation=session.day.organisation,
    )


def recount(session_id: int) -> None:
    """Set the stored count to the number of live bookings (after rows were deleted)."""
    live = DayBooking.objects.filter(session_id=session_id, status=BookingStatus.BOOKED).count()
    Session.objects.filter(pk=session_id).update(booked_count=live)
