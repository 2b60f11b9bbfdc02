"""Background work of the outbox (Celery; eager in-process without a broker)."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from .constants import MailStatus


@shared_task(bind=True, name="outbox.send_mail", max_retries=None)
def send_outbox_mail(self: Any, mail_id: int) -> str:
    """Send one outbox row; on failure try again later with a doubling wait.

    Running twice is harmless: the row is claimed before sending. Without a broker (eager)
    there is no retry here: the periodic job ``outbox.send_due`` picks the row up.
    """
    # local import: outbox.services imports outbox.tasks at load time (cycle)
    from .services import deliver

    status, delay = deliver(mail_id)
    if status == MailStatus.QUEUED and delay is not None and not self.request.is_eager:
        raise self.retry(countdown=delay)
    return str(status)


@shared_task(name="outbox.send_due")
def send_due_mails() -> dict[str, int]:
    """The periodic job: send what is waiting and due, retry, clean up old rows."""
    # local import: outbox.services imports outbox.tasks at load time (cycle)
    from .services import send_due

    return send_due()
