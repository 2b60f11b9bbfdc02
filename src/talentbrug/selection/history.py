"""Message history per candidate and application (the staff application page).

Every message selection sends or holds about an application is recorded here
(:class:`~talentbrug.selection.models.CandidateMessage`) next to its outbox row: the outbox
wipes a mail's text once sent (it holds a personal link), this row keeps the text with the
personal link replaced, so HR can read what the candidate got. A held message has no outbox row.

:func:`history_for` lists them with the outbox status (sent, waiting, failed, no longer needed)
or "held", and adds the organisation's other mails to the same candidate from the outbox
(interview invitations, questions: subject and status, their text is not kept). Only the
requesting organisation's messages are ever read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.outbox.constants import MailStatus
from talentbrug.outbox.models import OutboxMail

from .models import CandidateMessage

HELD = "held"
LINK_SHOWN = "[[link]]"
STATUS_LABELS = {
    HELD: _("tegengehouden"),
    **dict(MailStatus.choices),
}
GONE = _("onbekend (de e-mail is na 30 dagen uit de outbox opgeruimd)")


def _link_pattern() -> re.Pattern[str]:
    """Any personal portal link: ``…/mijn/inloggen/<token>/``."""
    prefix = reverse("applications:portal_login", kwargs={"token": "TOKEN"}).split("TOKEN")[0]
    return re.compile(r"\S*" + re.escape(prefix) + r"\S+")


def without_links(text: str) -> str:
    """The text with every personal link replaced (HR never sees a link that logs in)."""
    return _link_pattern().sub(LINK_SHOWN, text or "")


def record(
    progress: Any,
    *,
    kind: str,
    language: str,
    subject: str,
    body: str,
    mail: OutboxMail | None = None,
    user: Any = None,
    held: bool = False,
) -> CandidateMessage:
    """Note one message about ``progress``'s application (in the caller's transaction)."""
    return CandidateMessage.objects.create(
        organisation_id=progress.organisation_id,
        application_id=progress.application_id,
        mail=mail,
        kind=kind,
        language=language,
        subject=str(subject)[:255],
        body=without_links(str(body)),
        held=held,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


@dataclass
class Entry:
    when: datetime
    subject: str
    language: str
    status: str
    status_label: str
    body: str  # empty: the text is not kept (a mail of another part of the product)
    kind: str
    error: str = ""

    @property
    def language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))


def history_for(application: Any, organisation: Any) -> list[Entry]:
    """Every message to the candidate about ``application`` from ``organisation``, newest
    first. Reads only; never another organisation's rows."""
    if organisation is None or application.organisation_id != organisation.pk:
        return []
    rows = list(
        CandidateMessage.objects.filter(organisation=organisation, application=application)
        .select_related("mail")
        .order_by("-created_at", "-pk")
    )
    entries = []
    for row in rows:
        if row.held:
            status = HELD
        elif row.mail is not None:
            status = row.mail.status
        else:
            status = ""
        entries.append(
            Entry(
                when=row.created_at,
                subject=row.subject,
                language=row.language,
                status=status,
                status_label=str(STATUS_LABELS.get(status, GONE)),
                body=row.body,
                kind=row.kind,
                error=row.mail.error_label if row.mail is not None else "",
            )
        )
    # The organisation's other mails to this candidate (other parts of the product).
    recorded = CandidateMessage.objects.filter(
        organisation=organisation,
        application__candidate_id=application.candidate_id,
        mail__isnull=False,
    ).values("mail_id")  # a mail about this or another application: not "other"
    others = OutboxMail.objects.filter(
        organisation=organisation, candidate_id=application.candidate_id
    ).exclude(pk__in=recorded)
    for mail in others.only("kind", "subject", "status", "last_error", "created_at"):
        entries.append(
            Entry(
                when=mail.created_at,
                subject=mail.subject,
                language="",
                status=mail.status,
                status_label=str(STATUS_LABELS.get(mail.status, GONE)),
                body="",
                kind=mail.kind,
                error=mail.error_label,
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def record_mail(
    progress: Any, message: Any, mail: OutboxMail | None, *, user: Any = None, held: bool = False
) -> CandidateMessage:
    """Note a stage mail (an ``EmailMessage``) that was queued as ``mail``, or held."""
    # local import: emails imports models only; kept local so history stays a leaf module
    from .emails import candidate_language

    return record(
        progress,
        kind=mail.kind if mail is not None else "selection.stage_changed",
        language=candidate_language(progress.application.candidate),
        subject=str(message.subject),
        body=str(message.body),
        mail=mail,
        user=user,
        held=held,
    )
