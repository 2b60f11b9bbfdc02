"""Reminders to candidates and observers the day before (claim, then send: never twice)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from talentbrug.audit.services import record_event
from talentbrug.core.reminders import claim_by_insert, claim_then_send, claim_unsent

from .. import emails  # candidate_message looked up at call time: tests replace it
from ..constants import (
    BookingStatus,
)
from ..models import (
    AssessmentDay,
    DayBooking,
    ObserverReminder,
    Session,
)
from ..observer_emails import observer_reminder_message
from .mail import booking_with_relations, queue_messages

REMINDER_BEFORE = timedelta(hours=24)


def due_for_reminder(now: datetime) -> QuerySet[DayBooking]:
    return DayBooking.objects.filter(
        status=BookingStatus.BOOKED,
        reminder_sent_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_BEFORE,
    )


def send_due_reminders(now: datetime | None = None) -> int:
    """Remind each booked candidate once, 24 hours before. Safe to run again."""
    now = now or timezone.now()

    def send(pk: int, _claimed: bool) -> None:
        booking = booking_with_relations(pk)
        if booking is not None:
            queue_messages(
                [emails.candidate_message(booking, "reminder")],
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
        queue_messages(
            [observer_reminder_message(sessions, observer)],
            kind="assessments.observer_reminder",
            organisation=sessions[0].day.organisation,
        )

    sent = claim_then_send(list(due_observer_reminders(now).items()), claim, send)
    if sent:
        record_event("assessments.observer_reminders_sent", count=sent)
    return sent
