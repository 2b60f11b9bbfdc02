"""Booking a time (slot) on a recruitment day, and changing it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    ApplicationStatus,
    BookingStatus,
)
from ..models import (
    Application,
    Booking,
    Slot,
)
from .errors import ApplyError, SlotFull
from .lifecycle import free_seat, procedure_ended
from .mail import queue_candidate_email


def _retry_locked(action: Callable[[], Any], attempts: int = 40) -> Any:
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
    return None


def _take_seat(slot_id: int) -> bool:
    """One conditional UPDATE: takes a seat only while one is free (never overbooks)."""
    return bool(
        Slot.objects.filter(
            pk=slot_id, booked_count__lt=F("capacity"), starts_at__gt=timezone.now()
        ).update(booked_count=F("booked_count") + 1)
    )


def book_slot(application: Application, slot_id: int) -> Booking:
    """Book a seat for the application. Raises :class:`SlotFull` when it was taken first."""
    with transaction.atomic():
        if not Slot.objects.filter(pk=slot_id, day__vacancy_id=application.vacancy_id).exists():
            raise ApplyError(_("Kies een tijdslot uit de lijst."), field="slot")
        if not _take_seat(slot_id):
            raise SlotFull(
                _("Dit tijdslot is net vol geraakt. Kies een ander tijdslot."), field="slot"
            )
        booking = Booking.objects.create(
            slot_id=slot_id, application=application, candidate=application.candidate
        )
        record_event(
            "application.slot_booked",
            organisation=application.organisation,
            obj=application,
            slot=slot_id,
            booking=booking.pk,
        )
    return booking


def book_slot_with_retry(application: Application, slot_id: int) -> Booking:
    result: Booking = _retry_locked(lambda: book_slot(application, slot_id))
    return result


def active_booking(application: Application) -> Booking | None:
    return (
        application.bookings.filter(status=BookingStatus.BOOKED).select_related("slot__day").first()
    )


def change_slot(application: Application, slot_id: int) -> Booking:
    """Move the booking to another slot (the old seat is freed in the same transaction)."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise ApplyError(_("Deze sollicitatie is ingetrokken."))
    if procedure_ended(application):
        raise ApplyError(_("Deze sollicitatie is afgerond. Een tijd kiezen kan niet meer."))
    with transaction.atomic():
        old = active_booking(application)
        if old is not None and old.slot_id == slot_id:
            return old
        if old is not None:
            Booking.objects.filter(pk=old.pk).update(status=BookingStatus.CANCELLED)
            free_seat(old.slot_id)
        booking = book_slot(application, slot_id)
        record_event(
            "application.slot_changed",
            organisation=application.organisation,
            obj=application,
            old_slot=old.slot_id if old else None,
            slot=slot_id,
        )
        queue_candidate_email(application.candidate, "booking_confirmed", application, booking)
    return booking
