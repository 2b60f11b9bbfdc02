"""The outbox: stored with the change, sent after the commit, retried, never raised."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .. import services, tasks
from ..constants import (
    FIRST_RETRY_SECONDS,
    KEEP_DAYS,
    MAX_ATTEMPTS,
    STALE_SENDING_SECONDS,
    MailStatus,
)
from ..models import OutboxMail

pytestmark = pytest.mark.django_db


def _message(**kwargs: object) -> EmailMessage:
    values: dict[str, object] = {
        "subject": "Nieuws over je sollicitatie",
        "body": "Hallo,\n\nEen link: https://talentbrug.example/mijn/inloggen/geheim/\n",
        "to": ["kandidaat@voorbeeld.nl"],
    }
    values.update(kwargs)
    return EmailMessage(**values)  # type: ignore[arg-type]


def _queue(capture, message: EmailMessage | None = None, **kwargs: object) -> OutboxMail:
    with capture(execute=True), transaction.atomic():
        row = services.queue_mail(message or _message(), kind="test.mail", **kwargs)
    row.refresh_from_db()
    return row


def test_a_queued_mail_is_sent_after_the_commit(django_capture_on_commit_callbacks):
    row = _queue(django_capture_on_commit_callbacks)
    assert row.status == MailStatus.SENT and row.attempts == 1 and row.sent_at
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["kandidaat@voorbeeld.nl"]
    assert "Een link" in sent.body
    assert sent.extra_headers["Message-ID"] == f"<{row.key}@talentbrug>"
    # The text (with its personal link) is not kept once the mail is out.
    assert row.body == "" and row.attachments == []


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.queue_mail(_message(), kind="test.mail")
        raise RuntimeError("the change fails")
    assert not OutboxMail.objects.exists()
    assert mail.outbox == []


def test_smtp_down_stores_the_failure_and_a_retry_after_recovery_sends_once(
    django_capture_on_commit_callbacks, smtp_down
):
    before = timezone.now()
    row = _queue(django_capture_on_commit_callbacks)
    after = timezone.now()
    assert row.status == MailStatus.QUEUED
    assert row.attempts == 1
    assert row.last_error == "ConnectionRefusedError"
    assert row.body  # kept for the next attempt
    # The first retry is FIRST_RETRY_SECONDS after the failed attempt, whenever that was: the
    # bounds are read around the attempt, so a slow machine cannot make this fail.
    retry = timedelta(seconds=FIRST_RETRY_SECONDS)
    assert before + retry <= row.next_attempt_at <= after + retry
    assert mail.outbox == []

    # Not due yet: the periodic job leaves it alone.
    assert services.send_due()["sent"] == 0
    smtp_down()  # the mail server is back
    later = timezone.now() + timedelta(minutes=2)
    assert services.send_due(now=later)["sent"] == 1
    assert services.send_due(now=later + timedelta(hours=1))["sent"] == 0
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == MailStatus.SENT and row.attempts == 2


def test_the_task_running_twice_sends_once(django_capture_on_commit_callbacks):
    with transaction.atomic():
        row = services.queue_mail(_message(), kind="test.mail")  # no commit callbacks run
    assert tasks.send_outbox_mail(row.pk) == MailStatus.SENT
    assert tasks.send_outbox_mail(row.pk) == MailStatus.SENT
    assert services.send_due(now=timezone.now() + timedelta(days=1))["sent"] == 0
    assert len(mail.outbox) == 1


def test_the_wait_doubles_and_the_outbox_gives_up_after_the_last_attempt(
    django_capture_on_commit_callbacks, smtp_down
):
    row = _queue(django_capture_on_commit_callbacks)
    waits = []
    now = timezone.now()
    while row.status == MailStatus.QUEUED:
        now = row.next_attempt_at
        waits.append(services.retry_delay(row.attempts))
        services.deliver(row.pk, now=now)
        row.refresh_from_db()
    assert row.status == MailStatus.FAILED
    assert row.attempts == MAX_ATTEMPTS
    assert waits[:4] == [60, 120, 240, 480]
    assert services.deliver(row.pk, now=now + timedelta(days=1)) == (MailStatus.FAILED, None)
    assert mail.outbox == []


def test_a_broker_that_is_down_does_not_reach_the_caller(
    django_capture_on_commit_callbacks, monkeypatch
):
    def broken_delay(*args: object, **kwargs: object) -> None:
        raise ConnectionError("no broker")

    monkeypatch.setattr(tasks.send_outbox_mail, "delay", broken_delay)
    row = _queue(django_capture_on_commit_callbacks)
    assert row.status == MailStatus.QUEUED and row.attempts == 0
    assert services.send_due()["sent"] == 1
    assert len(mail.outbox) == 1


def test_a_mail_of_a_worker_that_died_is_sent_again(django_capture_on_commit_callbacks):
    with transaction.atomic():
        row = services.queue_mail(_message(), kind="test.mail")
    claimed_at = timezone.now() - timedelta(seconds=STALE_SENDING_SECONDS + 5)
    OutboxMail.objects.filter(pk=row.pk).update(
        status=MailStatus.SENDING, claimed_at=claimed_at, attempts=1
    )
    assert services.send_due() == {
        "revived": 1,
        "sent": 1,
        "waiting": 0,
        "failed": 0,
        "removed": 0,
    }
    assert len(mail.outbox) == 1


def test_headers_from_user_text_lose_line_breaks_and_are_cut(django_capture_on_commit_callbacks):
    title = "Servicedesk\r\nBcc: iedereen@voorbeeld.nl\nX-Evil: 1 " + "lang " * 100
    message = _message(
        subject=f"Nieuws over je sollicitatie: {title}",
        to=["kandidaat@voorbeeld.nl\r\nCc: ander@voorbeeld.nl"],
        headers={"X-Talentbrug\r\nBcc": "x", "X-Vacature": "a\r\nBcc: b@voorbeeld.nl"},
    )
    message.attach("uitnodiging\r\n.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")
    row = _queue(django_capture_on_commit_callbacks, message)
    assert row.status == MailStatus.SENT
    assert "\n" not in row.subject and "\r" not in row.subject
    assert len(row.subject) <= 200 and row.subject.endswith("…")
    raw = mail.outbox[0].message().as_bytes().decode("utf-8", "replace")
    headers = raw.split("\n\n", 1)[0]
    assert not re.search(r"^(Bcc|Cc|X-Evil):", headers, re.MULTILINE | re.IGNORECASE)
    assert "X-Vacature: a Bcc: b@voorbeeld.nl" in headers
    assert "X-Talentbrug" not in headers
    assert mail.outbox[0].attachments[0][0] == "uitnodiging .ics"
    assert mail.outbox[0].attachments[0][1] == "BEGIN:VCALENDAR\r\n"


def test_a_newer_mail_with_the_same_key_cancels_an_unsent_older_one(
    django_capture_on_commit_callbacks, smtp_down
):
    first = _queue(django_capture_on_commit_callbacks, supersede_key="progress:1")
    second = _queue(django_capture_on_commit_callbacks, supersede_key="progress:1")
    first.refresh_from_db()
    assert first.status == MailStatus.CANCELLED and first.body == ""
    assert second.status == MailStatus.QUEUED


def test_old_finished_rows_are_removed(django_capture_on_commit_callbacks, smtp_down):
    waiting = _queue(django_capture_on_commit_callbacks)
    smtp_down()
    sent = _queue(django_capture_on_commit_callbacks)
    OutboxMail.objects.update(created_at=timezone.now() - timedelta(days=KEEP_DAYS + 1))
    result = services.send_due(now=timezone.now() + timedelta(minutes=2))
    # The sent row is gone; the one that was still waiting is sent now, and kept for a while.
    assert result["removed"] == 1
    assert not OutboxMail.objects.filter(pk=sent.pk).exists()
    assert OutboxMail.objects.get(pk=waiting.pk).status == MailStatus.SENT


def test_the_periodic_job_is_registered():
    from talentbrug.core import periodic

    assert periodic.PERIODIC_JOBS["outbox.send_due"] is tasks.send_due_mails


SRC = Path(__file__).resolve().parents[2]
# Sending directly (send_mail, message.send(), a connection) bypasses the outbox.
DIRECT = re.compile(
    r"\bsend_mail\(|send_mass_mail|mail_admins|mail_managers|\.send\(\s*\)|send_messages\("
)


def test_no_product_code_sends_mail_around_the_outbox():
    offenders = []
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).parts
        if "tests" in parts or parts[0] == "outbox" or "migrations" in parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DIRECT.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []
