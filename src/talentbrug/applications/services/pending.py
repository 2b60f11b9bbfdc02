"""An application from the public form waits for the candidate's e-mail confirmation."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import asdict
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.outbox.models import OutboxMail
from talentbrug.outbox.services import queue_mail

from ..constants import (
    PENDING_APPLICATION_DAYS,
    Route,
)
from ..models import (
    Application,
    Candidate,
    PendingApplication,
)
from ..uploads import CheckedFile
from .errors import ApplyError
from .submission import ApplyData, apply, check_open, find_by_idempotency_key, normalise_email

# ApplyData fields kept in a pending application (files, channel and key have their own columns).
_PENDING_SKIP = {"files", "channel", "idempotency_key"}
# ApplyData dates, kept as ISO text in the pending application's JSON.
_PENDING_DATES = ("available_from", "evaluation_date")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def confirm_url(token: str) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse("applications:confirm", kwargs={"token": token})


def submit_application(
    vacancy: Any, data: ApplyData, *, signed_in: Candidate | None = None
) -> tuple[Application | PendingApplication, bool]:
    """The public apply form (every route): store the application, or park it.

    An address that already belongs to a candidate is not proof that this visitor is that
    person. Unless the visitor is signed in to the portal as that candidate, the application
    waits in a :class:`PendingApplication` and a link goes to the address; nothing reaches the
    person's record until the link is followed. The caller answers both cases the same way.
    """
    earlier: Application | PendingApplication | None = (
        find_by_idempotency_key(data.idempotency_key)
        or PendingApplication.objects.filter(idempotency_key=data.idempotency_key).first()
    )
    if earlier is not None:
        return earlier, False
    email = normalise_email(data.email)
    known = Candidate.objects.filter(email=email).exists()
    if not known or (signed_in is not None and signed_in.email == email):
        return apply(vacancy, data)
    return _park_application(vacancy, data, email), True


def _park_application(vacancy: Any, data: ApplyData, email: str) -> PendingApplication:
    from django.core.files.storage import default_storage

    check_open(vacancy, data)
    if data.route == Route.RECRUITMENT_DAY and data.slot_id is None:
        raise ApplyError(_("Kies een tijdslot."), field="slot")
    payload = {
        f.name: getattr(data, f.name) for f in dataclass_fields(data) if f.name not in _PENDING_SKIP
    }
    for name in _PENDING_DATES:
        value = getattr(data, name)
        payload[name] = value.isoformat() if value else None
    token = secrets.token_urlsafe(32)
    saved: list[str] = []
    try:
        files = []
        for kind, upload, checked in data.files:
            upload.seek(0)
            path = default_storage.save(f"applications/pending/{uuid.uuid4().hex}", File(upload))
            saved.append(path)
            files.append({"kind": kind, "path": path, "checked": asdict(checked)})
        with transaction.atomic():
            pending = PendingApplication.objects.create(
                vacancy=vacancy,
                email=email,
                token_hash=hash_token(token),
                idempotency_key=data.idempotency_key,
                channel=data.channel,
                data=payload,
                files=files,
                expires_at=timezone.now() + timedelta(days=PENDING_APPLICATION_DAYS),
            )
            record_event(
                "application.pending", organisation=vacancy.organisation, vacancy=vacancy.pk
            )
            _queue_confirmation(pending, token, data.preferred_language)
    except IntegrityError:
        _delete_paths(saved)
        earlier = PendingApplication.objects.filter(idempotency_key=data.idempotency_key).first()
        if earlier is not None:
            return earlier
        raise
    except Exception:
        _delete_paths(saved)
        raise
    return pending


def _queue_confirmation(pending: PendingApplication, token: str, language: str) -> None:
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    codes = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in codes else settings.LANGUAGE_CODE):
        context = {
            "vacancy": pending.vacancy,
            "confirm_url": confirm_url(token),
            "days": PENDING_APPLICATION_DAYS,
        }
        subject = render_to_string("applications/email/confirm_application_subject.txt", context)
        body = render_to_string("applications/email/confirm_application.txt", context)
    # No candidate on the row: until the address is confirmed, this is not about that person.
    # The pending application points at the mail instead: it goes with the pending application
    # (expired, or wiped with the person of the address).
    pending.confirmation_mail = queue_mail(
        EmailMessage(subject=subject, body=body.strip() + "\n", to=[pending.email]),
        kind="applications.confirm_application",
        organisation=pending.vacancy.organisation,
    )
    pending.save(update_fields=["confirmation_mail"])


def _delete_paths(paths: Iterable[str]) -> None:
    from django.core.files.storage import default_storage

    for path in paths:
        default_storage.delete(path)


def pending_by_token(token: str) -> PendingApplication | None:
    """The pending application the link belongs to, if it has not expired."""
    return (
        PendingApplication.objects.select_related("vacancy")
        .filter(token_hash=hash_token(token), expires_at__gt=timezone.now())
        .first()
    )


def confirm_pending_application(token: str) -> Application:
    """The link was followed: store the application as if it came in now, for the person who
    owns the address. Raises :class:`ApplyError` when the link no longer works or the vacancy
    (or time slot) no longer takes it; then nothing changes."""
    from django.core.files.storage import default_storage

    pending = pending_by_token(token)
    if pending is None:
        raise ApplyError(_("Deze link werkt niet meer. Solliciteer opnieuw."))
    payload = dict(pending.data)
    for name in _PENDING_DATES:
        value = payload.get(name)
        payload[name] = date.fromisoformat(value) if value else None
    opened = [
        (item["kind"], default_storage.open(item["path"], "rb"), CheckedFile(**item["checked"]))
        for item in pending.files
    ]
    data = ApplyData(
        **payload,
        idempotency_key=pending.idempotency_key,
        channel=pending.channel,
        files=opened,
    )
    try:
        with transaction.atomic():
            claimed, _deleted = PendingApplication.objects.filter(pk=pending.pk).delete()
            if not claimed:
                raise ApplyError(_("Deze link werkt niet meer. Solliciteer opnieuw."))
            application, _created = apply(pending.vacancy, data)
            record_event(
                "application.confirmed",
                organisation=application.organisation,
                obj=application,
                application=application.pk,
            )
    finally:
        for _kind, handle, _checked in opened:
            handle.close()
    paths = [item["path"] for item in pending.files]
    transaction.on_commit(lambda: _delete_paths(paths))
    return application


def purge_pending_applications(now: Any = None) -> int:
    """The retention job: remove pending applications whose link was never followed."""
    now = now or timezone.now()
    removed = 0
    for pending in PendingApplication.objects.filter(expires_at__lte=now):
        paths = [item["path"] for item in pending.files]
        deleted, _ = PendingApplication.objects.filter(pk=pending.pk).delete()
        if deleted:
            # The mail holds the address and a link that no longer works.
            if pending.confirmation_mail_id is not None:
                OutboxMail.objects.filter(pk=pending.confirmation_mail_id).delete()
            _delete_paths(paths)
            removed += 1
    if removed:
        record_event("application.pending_expired", count=removed)
    return removed
