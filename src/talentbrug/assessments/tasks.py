"""Background work of group days (Celery shared tasks; eager in-process without a broker)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="assessments.send_reminders")
def send_reminders() -> int:
    """The periodic job: one reminder 24 hours before each booked group-day session."""
    from .services import send_due_reminders

    return send_due_reminders()
