"""Background work of group days (Celery shared tasks; eager in-process without a broker)."""

from __future__ import annotations

from celery import shared_task

from .services.reminders import send_due_observer_reminders, send_due_reminders


@shared_task(name="assessments.send_reminders")
def send_reminders() -> int:
    """The periodic job: one reminder 24 hours before each booked group-day session, for the
    candidate and for the day's observers."""

    return send_due_reminders() + send_due_observer_reminders()
