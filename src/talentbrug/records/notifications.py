"""E-mails about destruction lists: submitted, approved, changes asked, archivist needed.

The in-app side of the same events is on the staff home (``attention.py``): lists waiting
for you as named reviewer or archivist, and your lists that came back with changes asked.
Mails name the list and link to it; they hold no document names or personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.outbox.services import queue_mail

from .models import DestructionList


def _language(user: Any) -> str:
    language = getattr(user, "preferred_language", "") or ""
    return language if language in settings.STAFF_LANGUAGES else settings.LANGUAGE_CODE


def _texts(kind: str, dl: DestructionList, actor: Any, comment: str) -> tuple[str, str]:
    name = dl.name
    who = str(actor) if actor is not None else ""
    subjects = {
        "submitted": _("Beoordeel vernietigingslijst '%(name)s'"),
        "approved": _("Vernietigingslijst '%(name)s' is goedgekeurd"),
        "changes_requested": _("Wijzigingen gevraagd voor vernietigingslijst '%(name)s'"),
        "archivist_needed": _("Akkoord archivaris gevraagd voor '%(name)s'"),
        "archivist_approved": _("De archivaris gaf akkoord op '%(name)s'"),
    }
    bodies = {
        "submitted": _(
            "%(who)s vraagt u de vernietigingslijst '%(name)s' te beoordelen. Keur de lijst "
            "goed of vraag om wijzigingen."
        ),
        "approved": _("%(who)s heeft uw vernietigingslijst '%(name)s' goedgekeurd."),
        "changes_requested": _(
            "%(who)s vraagt om wijzigingen in uw vernietigingslijst '%(name)s'. Verwerk de "
            "opmerking en bied de lijst opnieuw aan."
        ),
        "archivist_needed": _(
            "De vernietigingslijst '%(name)s' is goedgekeurd door %(who)s. Nu is het akkoord "
            "van een archivaris nodig."
        ),
        "archivist_approved": _(
            "%(who)s gaf als archivaris akkoord op '%(name)s'. De wachttijd loopt."
        ),
    }
    subject = subjects[kind] % {"name": name}
    body = bodies[kind] % {"name": name, "who": who}
    if comment.strip():
        body += "\n\n" + _("Opmerking:") + "\n" + comment.strip()
    url = settings.SITE_URL + reverse("records:list_detail", kwargs={"pk": dl.pk})
    body += "\n\n" + _("Open de lijst: %(url)s") % {"url": url} + "\n"
    return subject, body


def notify_list_event(
    dl: DestructionList,
    kind: str,
    recipients: Iterable[Any],
    *,
    actor: Any = None,
    comment: str = "",
) -> int:
    """Mail each recipient (not the actor) once the transaction commits; returns how many."""
    people = [
        r
        for r in {getattr(r, "pk", None): r for r in recipients if r is not None}.values()
        if getattr(r, "email", "") and getattr(r, "pk", None) != getattr(actor, "pk", None)
    ]

    for person in people:
        with translation.override(_language(person)):
            subject, body = _texts(kind, dl, actor, comment)
        # Through the outbox: stored with the change, sent after the commit, retried when the
        # mail server is down; a failure never reaches the person who acted.
        queue_mail(
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]),
            kind=f"records.{kind}",
            organisation=dl.organisation,
        )
    return len(people)
