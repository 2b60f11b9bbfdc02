"""The one way the product sends e-mail: :func:`queue_mail`.

A sender builds a Django ``EmailMessage`` and calls ``queue_mail`` inside the transaction of
the change the mail is about. The row is written in that transaction (a rolled-back change
sends nothing) and handed to a Celery task after the commit. :func:`deliver` sends one row; a
failure is stored (attempts, kind of error, next attempt with doubling wait) and never raised,
so a visitor never sees a mail server problem. :func:`send_due` (a periodic job) sends what is
still waiting: rows whose task was lost, rows whose worker died, and retries.
"""

from __future__ import annotations

import base64
import logging
import re
from datetime import datetime, timedelta
from email.mime.base import MIMEBase
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from . import tasks
from .constants import (
    FIRST_RETRY_SECONDS,
    KEEP_DAYS,
    MAX_ATTEMPTS,
    MAX_RETRY_SECONDS,
    MAX_SUBJECT_LENGTH,
    STALE_SENDING_SECONDS,
    MailStatus,
)
from .models import OutboxMail

logger = logging.getLogger(__name__)

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_HEADER_NAME_RE = re.compile(r"^[A-Za-z0-9-]{1,60}$")
# Headers the outbox sets itself; a sender cannot override them through ``headers``.
_RESERVED_HEADERS = {"to", "cc", "bcc", "from", "subject", "reply-to", "message-id"}


def clean_header(value: Any, max_length: int = MAX_SUBJECT_LENGTH) -> str:
    """One line of header text: line breaks and control characters become a space, runs of
    white space one space, and the text is cut at ``max_length`` (with an ellipsis)."""
    text = " ".join(_CONTROL_RE.sub(" ", str(value or "")).split())
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def _addresses(values: Any) -> list[str]:
    return [a for a in (clean_header(v, 254) for v in values or []) if a]


def _attachment(item: Any) -> dict[str, Any]:
    if isinstance(item, MIMEBase):
        raise TypeError("queue_mail stores (name, content, mimetype) attachments only")
    filename, content, mimetype = item
    is_text = isinstance(content, str)
    raw = content.encode("utf-8") if is_text else bytes(content)
    return {
        "filename": clean_header(filename, 150),
        "content": base64.b64encode(raw).decode("ascii"),
        "mimetype": clean_header(mimetype, 150) or "application/octet-stream",
        "text": is_text,
    }


def queue_mail(
    message: EmailMessage,
    *,
    kind: str,
    organisation: Any = None,
    candidate: Any = None,
    supersede_key: str = "",
) -> OutboxMail:
    """Store ``message`` in the outbox (in the caller's transaction) and send it after commit.

    Headers built from user text are cleaned here: subject, addresses, attachment names and
    extra headers lose line breaks and are cut to length. With ``supersede_key``, older rows
    with the same key that are still waiting are cancelled: only the newest news goes out.
    """
    headers = {
        clean_header(name, 60): clean_header(value, 500)
        for name, value in (message.extra_headers or {}).items()
        if _HEADER_NAME_RE.match(str(name)) and str(name).lower() not in _RESERVED_HEADERS
    }
    from_email, reply_to = organisation_sender(message, organisation)
    alternatives = [
        [str(content), clean_header(mimetype, 100)]
        for content, mimetype in getattr(message, "alternatives", None) or []
    ]
    with transaction.atomic():
        if supersede_key:
            OutboxMail.objects.filter(supersede_key=supersede_key, status=MailStatus.QUEUED).update(
                status=MailStatus.CANCELLED, body="", attachments=[], alternatives=[]
            )
        mail = OutboxMail.objects.create(
            kind=kind,
            organisation=organisation,
            candidate=candidate,
            supersede_key=supersede_key,
            from_email=clean_header(from_email, 254),
            to=_addresses(message.to),
            cc=_addresses(message.cc),
            bcc=_addresses(message.bcc),
            reply_to=_addresses(reply_to),
            headers=headers,
            subject=clean_header(message.subject),
            body=str(message.body or ""),
            alternatives=alternatives,
            attachments=[_attachment(item) for item in message.attachments],
        )
        pk = mail.pk
        transaction.on_commit(lambda: enqueue(pk))
    return mail


def cancel_queued(supersede_key: str) -> int:
    """Cancel what still waits under ``supersede_key`` (the news is no longer true)."""
    if not supersede_key:
        return 0
    return OutboxMail.objects.filter(supersede_key=supersede_key, status=MailStatus.QUEUED).update(
        status=MailStatus.CANCELLED, body="", attachments=[], alternatives=[]
    )


def organisation_reply_to(organisation: Any) -> list[str]:
    """Where answers to the organisation's mail go: its Reply-To address, else its contact
    address (organisation settings page); empty when it has neither."""
    answer = getattr(organisation, "reply_to_email", "") or getattr(
        organisation, "contact_email", ""
    )
    return [answer] if answer else []


def organisation_sender(message: EmailMessage, organisation: Any) -> tuple[str, list[str]]:
    """Sender and Reply-To from the organisation's settings (organisation settings page), as
    :func:`queue_mail` stores them: a builder that shows a mail before it is sent (a preview)
    calls this too, so the preview shows what goes out.

    The address stays the server's own (DEFAULT_FROM_EMAIL, so SPF/DKIM/DMARC pass); the name
    people see becomes the organisation's sender name. Answers go to the organisation's
    Reply-To address, else its contact address. A sender that sets its own keeps it.
    """
    from_email = message.from_email or settings.DEFAULT_FROM_EMAIL
    reply_to = list(message.reply_to or [])
    if organisation is None:
        return from_email, reply_to
    sender_name = clean_header(getattr(organisation, "mail_sender_name", ""), 80)
    if sender_name and from_email == settings.DEFAULT_FROM_EMAIL:
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        if address:
            from_email = formataddr((sender_name, address))
    if not reply_to:
        reply_to = organisation_reply_to(organisation)
    return from_email, reply_to


def enqueue(mail_id: int) -> None:
    """Hand the row to a worker. A broker that is down is not the visitor's problem: the
    periodic job sends the row later."""

    try:
        tasks.send_outbox_mail.delay(mail_id)
    except Exception as exc:  # any broker or task failure: the row stays queued
        logger.warning("Outbox mail %s not handed to a worker: %s", mail_id, type(exc).__name__)


def build_message(mail: OutboxMail) -> EmailMessage:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to,
        headers={**mail.headers, "Message-ID": f"<{mail.key}@talentbrug>"},
    )
    for content, mimetype in mail.alternatives:
        message.attach_alternative(content, mimetype)
    for item in mail.attachments:
        raw = base64.b64decode(item["content"])
        message.attach(
            item["filename"], raw.decode("utf-8") if item.get("text") else raw, item["mimetype"]
        )
    return message


def retry_delay(attempts: int) -> int:
    """Seconds to wait after ``attempts`` failed attempts: 1, 2, 4, … minutes, at most 6 hours."""
    return int(min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_RETRY_SECONDS))


def deliver(mail_id: int, now: datetime | None = None) -> tuple[str, int | None]:
    """Send one row if it is due. Returns ``(status, seconds until the next attempt or None)``.

    The row is claimed with one conditional UPDATE, so two workers (or a task that runs twice)
    never both send it; a sent row is never sent again.
    """
    now = now or timezone.now()
    claimed = OutboxMail.objects.filter(
        pk=mail_id, status=MailStatus.QUEUED, next_attempt_at__lte=now + timedelta(seconds=1)
    ).update(status=MailStatus.SENDING, attempts=F("attempts") + 1, claimed_at=now)
    if not claimed:
        current = OutboxMail.objects.filter(pk=mail_id).values_list("status", flat=True).first()
        return (current or "missing"), None
    mail = OutboxMail.objects.get(pk=mail_id)
    try:
        build_message(mail).send()
    except Exception as exc:  # every send failure is stored, none is raised
        gave_up = mail.attempts >= MAX_ATTEMPTS
        delay = retry_delay(mail.attempts)
        OutboxMail.objects.filter(pk=mail_id, status=MailStatus.SENDING).update(
            status=MailStatus.FAILED if gave_up else MailStatus.QUEUED,
            last_error=type(exc).__name__[:100],
            next_attempt_at=now + timedelta(seconds=delay),
            claimed_at=None,
        )
        logger.warning(
            "Outbox mail %s not sent (attempt %s): %s", mail_id, mail.attempts, type(exc).__name__
        )
        return (MailStatus.FAILED if gave_up else MailStatus.QUEUED), (None if gave_up else delay)
    # Sent: the text (with personal links) is not kept; what HR sees stays.
    OutboxMail.objects.filter(pk=mail_id, status=MailStatus.SENDING).update(
        status=MailStatus.SENT,
        sent_at=timezone.now(),
        claimed_at=None,
        body="",
        attachments=[],
        alternatives=[],
    )
    return MailStatus.SENT, None


def send_due(now: datetime | None = None, limit: int = 500) -> dict[str, int]:
    """The periodic job: send waiting rows that are due, take back rows of a worker that
    died, and remove finished rows older than ``KEEP_DAYS``."""
    now = now or timezone.now()
    # First remove what was finished long ago (a row sent in this run is kept for a while).
    removed, _ = OutboxMail.objects.filter(
        status__in=[MailStatus.SENT, MailStatus.FAILED, MailStatus.CANCELLED],
        created_at__lt=now - timedelta(days=KEEP_DAYS),
    ).delete()
    revived = OutboxMail.objects.filter(
        status=MailStatus.SENDING, claimed_at__lt=now - timedelta(seconds=STALE_SENDING_SECONDS)
    ).update(status=MailStatus.QUEUED, claimed_at=None)
    due = list(
        OutboxMail.objects.filter(status=MailStatus.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    counts = {"revived": revived, "sent": 0, "waiting": 0, "failed": 0}
    for pk in due:
        status, _delay = deliver(pk, now=now)
        if status == MailStatus.SENT:
            counts["sent"] += 1
        elif status == MailStatus.QUEUED:
            counts["waiting"] += 1
        elif status == MailStatus.FAILED:
            counts["failed"] += 1
    counts["removed"] = removed
    return counts


def mails_about(candidate: Any, organisation: Any) -> models.QuerySet[OutboxMail]:
    """The mails this organisation sent (or is sending) about the candidate, newest first."""
    return OutboxMail.objects.filter(candidate=candidate, organisation=organisation).only(
        "kind",
        "subject",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
    )
