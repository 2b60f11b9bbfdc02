"""Keep a session's stored count true when bookings disappear outside services.py.

The privacy app deletes every row that points at an application when it anonymises or deletes
one (and a deleted application takes its bookings along by CASCADE). Then the place is free
again: the count is set to the number of live bookings that remain.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .constants import BookingStatus
from .models import DayBooking
from .services.bookings import active_bookings, cancel_booking
from .services.mail import recount


@receiver(post_delete, sender=DayBooking, dispatch_uid="assessments.booking_deleted")
def booking_deleted(sender: Any, instance: DayBooking, **kwargs: Any) -> None:
    if instance.status != BookingStatus.BOOKED:
        return

    recount(instance.session_id)


def application_closed(sender: Any, application: Any, **kwargs: Any) -> None:
    """The procedure ended (withdrawn, rejected, hired): free the places still booked on group
    days to come, and tell the candidate (calendar cancellation)."""
    from django.utils import timezone

    for booking in active_bookings(application).filter(session__starts_at__gt=timezone.now()):
        cancel_booking(booking, closed=True)


def application_moved_back(sender: Any, application: Any, to_kind: str, **kwargs: Any) -> None:
    """Moved back before the group-day step: free the places still to come (selection.effects).
    The candidate cannot book again until they are back in that step, so no new time is offered."""
    from django.utils import timezone

    from talentbrug.selection.constants import BEFORE_ASSESSMENT

    if to_kind not in BEFORE_ASSESSMENT:
        return
    for booking in active_bookings(application).filter(session__starts_at__gt=timezone.now()):
        cancel_booking(booking, closed=True)
