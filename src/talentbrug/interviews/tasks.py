"""Background work of interviews (Celery shared tasks; eager in-process without a broker)."""

from __future__ import annotations

from celery import shared_task

from .services import send_due_reminders


@shared_task(name="interviews.send_reminders")
def send_reminders() -> int:
    """The periodic job: one reminder 24 hours before each planned interview."""

    return send_due_reminders()
