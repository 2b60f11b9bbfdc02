"""Background work of interviews (Celery shared tasks; eager in-process without a broker)."""

from __future__ import annotations

from datetime import datetime

from celery import shared_task


def _load(interview_id: int):  # type: ignore[no-untyped-def]
    from .models import Interview

    return (
        Interview.objects.select_related(
            "chosen_slot", "application__candidate", "application__vacancy", "organisation"
        )
        .filter(pk=interview_id)
        .first()
    )


@shared_task(name="interviews.send_interview_mail")
def send_interview_mail(interview_id: int, event: str, sequence: int, old_start: str = "") -> int:
    """E-mail the candidate and the interviewers about a change, with a calendar file."""
    from .emails import messages_for

    interview = _load(interview_id)
    if interview is None:
        return 0
    old = datetime.fromisoformat(old_start) if old_start else None
    messages = messages_for(interview, event, old)
    for message in messages:
        message.send()
    return len(messages)


@shared_task(name="interviews.send_interviewer_cancellation")
def send_interviewer_cancellation(
    interview_id: int, sequence: int, old_start: str, user_ids: list[int]
) -> int:
    """Cancel the old time in the calendars of interviewers taken off the interview."""
    from talentbrug.accounts.models import User

    from .emails import interviewer_message

    interview = _load(interview_id)
    if interview is None:
        return 0
    sent = 0
    for user in User.objects.filter(pk__in=user_ids):
        message = interviewer_message(
            interview, user, "cancelled", datetime.fromisoformat(old_start)
        )
        if message is not None:
            message.send()
            sent += 1
    return sent


@shared_task(name="interviews.send_reminders")
def send_reminders() -> int:
    """The periodic job: one reminder 24 hours before each planned interview."""
    from .services import send_due_reminders

    return send_due_reminders()
