"""The only place that makes, reads out and marks notifications, and sends the daily e-mail.

``notify`` is called by the signal receivers (``receivers``) when something happens that a
person must act on; it never runs on a GET. The text is made when shown, in the reader's
language, from the kind, the vacancy title and the application number: never a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from talentbrug.accounts.access import user_can, users_who_can
from talentbrug.accounts.models import User
from talentbrug.audit.services import record_event
from talentbrug.outbox.services import queue_mail

from .constants import BELL_SIZE, KEEP_READ_DAYS, Kind
from .models import DigestSetting, Notification

# A person gets at most one digest in this period, however often the periodic job runs.
DIGEST_EVERY = timedelta(hours=20)


def notify(
    kind: str,
    *,
    organisation: Any,
    recipients: Iterable[Any],
    url: str,
    key: str,
    vacancy: Any = None,
    reference: str = "",
    exclude: Iterable[Any] = (),
) -> list[Notification]:
    """One notification per recipient (active members only); the same ``key`` twice is one."""
    skip = {getattr(person, "pk", person) for person in exclude if person is not None}
    made = []
    seen: set[int] = set()
    for person in recipients:
        if person is None or person.pk in skip or person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        if Notification.objects.filter(recipient=person, key=key).exists():
            continue
        try:
            with transaction.atomic():
                made.append(
                    Notification.objects.create(
                        organisation=organisation,
                        recipient=person,
                        kind=kind,
                        vacancy=vacancy,
                        reference=reference[:40],
                        url=url[:300],
                        key=key[:120],
                    )
                )
        except IntegrityError:  # made at the same moment by another process
            continue
    return made


def vacancy_team(vacancy: Any, action: str = "applications.view") -> list[User]:
    """The people who act on a vacancy's applications: its author, who offered it, the hiring
    manager and the contact person (when a colleague with that address), if they may do
    ``action``; without anyone, every HR adviser of the organisation."""
    ids = {vacancy.created_by_id, vacancy.submitted_by_id, vacancy.hiring_manager_id}
    people = list(User.objects.filter(pk__in=[pk for pk in ids if pk], is_active=True))
    if vacancy.contact_email:
        people += list(
            User.objects.filter(
                email__iexact=vacancy.contact_email,
                is_active=True,
                memberships__organisation=vacancy.organisation,
            ).distinct()
        )
    team = [p for p in people if user_can(p, vacancy.organisation, action)]
    if team:
        return team
    return list(users_who_can(vacancy.organisation, "applications.identity"))


# --- Reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A notification as a person reads it."""

    pk: int
    text: str
    kind_label: str
    created_at: Any
    unread: bool


def describe(notification: Notification) -> str:
    """'Nieuwe sollicitatie (nummer 12) op Servicedeskmedewerker' in the active language."""
    values = {
        "vacancy": notification.vacancy.title if notification.vacancy_id else "",
        "number": notification.reference,
    }
    texts = {
        Kind.NEW_APPLICATION: _("Nieuwe sollicitatie (nummer %(number)s) op %(vacancy)s"),
        Kind.ANSWER: _("Antwoord op je vraag bij sollicitatie %(number)s (%(vacancy)s)"),
        Kind.SLOT_PICKED: _(
            "Tijd op de wervingsdag gekozen bij sollicitatie %(number)s (%(vacancy)s)"
        ),
        Kind.INTERVIEW_SLOT_PICKED: _(
            "Tijd voor het gesprek gekozen bij sollicitatie %(number)s (%(vacancy)s)"
        ),
        Kind.GROUP_DAY_BOOKED: _(
            "Tijd op de groepsdag gekozen bij sollicitatie %(number)s (%(vacancy)s)"
        ),
        Kind.REVIEW_REQUESTED: _("Vacature %(vacancy)s wacht op je beoordeling"),
        Kind.SCORECARD_MISSING: _(
            "Vul het beoordelingsformulier in voor sollicitatie %(number)s (%(vacancy)s): "
            "die staat in een nieuwe fase"
        ),
        Kind.OFFER_ANSWERED: _("Antwoord op het aanbod bij sollicitatie %(number)s (%(vacancy)s)"),
    }
    return texts.get(notification.kind, _("Melding")) % values


def _mine(user: Any, organisation: Any) -> models.QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, organisation=organisation)


def unread_count(user: Any, organisation: Any) -> int:
    return _mine(user, organisation).filter(read_at__isnull=True).count()


def shown(notifications: Iterable[Notification]) -> list[Shown]:
    return [
        Shown(n.pk, describe(n), str(n.get_kind_display()), n.created_at, n.read_at is None)
        for n in notifications
    ]


def bell(user: Any, organisation: Any) -> dict[str, Any]:
    """What the header shows: the unread count and the newest unread notifications."""
    unread = _mine(user, organisation).filter(read_at__isnull=True).select_related("vacancy")
    return {"count": unread.count(), "items": shown(unread[:BELL_SIZE])}


def page(user: Any, organisation: Any) -> models.QuerySet[Notification]:
    return _mine(user, organisation).select_related("vacancy")


# --- Acting -----------------------------------------------------------------------------------


def open_notification(notification: Notification, user: Any) -> str:
    """Mark as read (the person opened it); return where to go."""
    if notification.recipient_id != user.pk:
        raise PermissionError("not yours")
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    return notification.url


def mark_all_read(user: Any, organisation: Any) -> int:
    return _mine(user, organisation).filter(read_at__isnull=True).update(read_at=timezone.now())


def digest_setting(user: Any) -> bool:
    setting = DigestSetting.objects.filter(user=user).first()
    return bool(setting and setting.daily_digest)


def set_digest(user: Any, organisation: Any, on: bool) -> None:
    DigestSetting.objects.update_or_create(user=user, defaults={"daily_digest": on})
    record_event(
        "notifications.digest_changed",
        actor=user,
        organisation=organisation,
        daily_digest="aan" if on else "uit",
    )


# --- The daily e-mail -------------------------------------------------------------------------


def _digest_message(user: Any, notifications: list[Notification]) -> EmailMessage:
    language = getattr(user, "preferred_language", "") or ""
    if language not in settings.STAFF_LANGUAGES:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        lines = [f"- {describe(n)}" for n in notifications]
        body = "\n\n".join(
            [
                _("Hallo,"),
                _("Dit vraagt je aandacht in Talentbrug:") + "\n" + "\n".join(lines),
                _("Open de meldingen:") + "\n" + settings.SITE_URL + "/medewerkers/meldingen/",
                _(
                    "Je krijgt deze e-mail omdat je de dagelijkse e-mail met meldingen hebt "
                    "aangezet. Uitzetten kan op dezelfde pagina."
                ),
            ]
        )
        subject = _("Talentbrug: %(count)s meldingen") % {"count": len(notifications)}
    return EmailMessage(
        subject=subject, body=body + "\n", from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]
    )


def send_digests(now: Any = None) -> int:
    """One e-mail per person who asked for it, with unread notifications not mailed before.

    Safe to run often: a person gets at most one e-mail per ``DIGEST_EVERY``; a notification is
    mailed once. Through the outbox (retries, the organisation's sender).
    """
    now = now or timezone.now()
    sent = 0
    for setting in DigestSetting.objects.filter(
        daily_digest=True, user__is_active=True
    ).select_related("user"):
        user = setting.user
        if not user.email:
            continue
        last = (
            Notification.objects.filter(recipient=user, digested_at__isnull=False)
            .order_by("-digested_at")
            .values_list("digested_at", flat=True)
            .first()
        )
        if last is not None and now - last < DIGEST_EVERY:
            continue
        waiting = list(
            Notification.objects.filter(
                recipient=user, read_at__isnull=True, digested_at__isnull=True
            ).select_related("vacancy", "organisation")
        )
        if not waiting:
            continue
        with transaction.atomic():
            queue_mail(
                _digest_message(user, waiting),
                kind="notifications.digest",
                organisation=waiting[0].organisation,
            )
            Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(digested_at=now)
        sent += 1
    return sent


def forget_old(now: Any = None) -> int:
    """Read notifications older than ``KEEP_READ_DAYS`` are removed."""
    now = now or timezone.now()
    deleted, _rows = Notification.objects.filter(
        read_at__lt=now - timedelta(days=KEEP_READ_DAYS)
    ).delete()
    return deleted
