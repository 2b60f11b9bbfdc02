"""The candidate's message about a move: see it first, then send it (as is or edited) or hold it.

A move that mails the candidate first shows HR the message with the candidate's real data, in
the candidate's language (:func:`preview_for_move`). HR then

The preview never holds the candidate's personal link (it logs in as the candidate): it shows
``[[link]]`` there, and sending puts a fresh link in its place.

* **sends** it: the move and the mail happen in one transaction (a rolled-back move sends
  nothing); an edited text is sent as edited, and the audit log records that it was edited;
* or **holds** it: the move happens, no mail goes out, and the audit log records who held it.

Nothing here writes on a preview. The rules of which moves mail at all stay in
:mod:`talentbrug.selection.effects` and :data:`talentbrug.selection.emails.MAIL_KINDS`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from . import history
from .constants import StageKind
from .effects import is_step_back
from .emails import (
    LETTER_KINDS,
    LINK,
    MAIL_KINDS,
    build_stage_email,
    candidate_language,
    edited_stage_email,
    queue_stage_email,
)
from .models import ApplicationProgress, RejectionReason, Stage
from .services.moves import BulkResult, bulk_move, move_application
from .workflow import SelectionError

MAX_SUBJECT = 200
MAX_BODY = 10_000

SEND = "send"
HOLD = "hold"
PREVIEW = "preview"
MAIL_CHOICES = (PREVIEW, SEND, HOLD)


@dataclass
class Preview:
    subject: str
    body: str
    language: str  # the candidate's language code
    to: list[str]
    reply_to: list[str]

    @property
    def language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))


def mails_on_move(progress: ApplicationProgress, to_stage: Stage) -> bool:
    """Does moving ``progress`` to ``to_stage`` send the candidate a step mail?"""
    return (
        to_stage.kind in MAIL_KINDS
        and to_stage.kind not in LETTER_KINDS  # the letter's mail is the one message
        and not is_step_back(progress.stage, to_stage)
    )


def preview_for_move(
    progress: ApplicationProgress,
    to_stage: Stage,
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    feedback: str = "",
) -> Preview | None:
    """The message the move would send, built from an unsaved copy (no row is written)."""
    if not mails_on_move(progress, to_stage):
        return None
    rejecting = to_stage.kind == StageKind.REJECTED
    would = copy.copy(progress)
    would.stage = to_stage
    would.rejection_reason = reason if rejecting else None
    would.rejection_language_level = language_level if rejecting and reason else ""
    would.rejection_feedback = feedback.strip() if rejecting else ""
    message = build_stage_email(would, link=LINK)
    if message is None:
        return None
    return Preview(
        subject=str(message.subject),
        body=str(message.body),
        language=candidate_language(progress.application.candidate),
        to=list(message.to),
        reply_to=list(message.reply_to),
    )


def check_text(subject: str, body: str) -> tuple[str, str]:
    subject = " ".join(subject.split())[:MAX_SUBJECT]
    body = body.replace("\r\n", "\n").strip()
    if not subject or not body:
        raise SelectionError(_("Vul een onderwerp en een tekst in, of verstuur geen bericht."))
    if len(body) > MAX_BODY:
        raise SelectionError(_("Het bericht is te lang. Maak het korter dan 10.000 tekens."))
    return subject, body


@transaction.atomic
def move_with_message(
    progress: ApplicationProgress,
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    expected_version: int,
    *,
    mail: str,
    subject: str = "",
    body: str = "",
    reason: RejectionReason | None = None,
    language_level: str = "",
    feedback: str = "",
) -> ApplicationProgress:
    """Move, and send the (possibly edited) message or hold it; one transaction."""
    if mail not in (SEND, HOLD):
        raise SelectionError(_("Kies of u het bericht verstuurt of niet."))
    mails = mails_on_move(progress, to_stage)
    if mails and mail == SEND and subject:
        subject, body = check_text(subject, body)
    fresh = move_application(
        progress,
        to_stage,
        user,
        roles,
        expected_version,
        reason=reason,
        language_level=language_level,
        feedback=feedback,
        notify=mails and mail == SEND and not subject,  # untouched: the standard message
    )
    if not mails:
        return fresh
    if mail == HOLD:
        _hold(fresh, user)
    elif subject:
        standard = build_stage_email(fresh, link=LINK)
        edited = standard is None or (subject, body) != (
            str(standard.subject),
            str(standard.body).strip(),
        )
        queue_stage_email(fresh, edited_stage_email(fresh, subject, body), user=user)
        if edited:
            record_event(
                "selection.mail_edited",
                actor=user,
                organisation=fresh.vacancy.organisation,
                obj=fresh,
                application=fresh.application_id,
                stage=to_stage.pk,
            )
    return fresh


def _hold(fresh: ApplicationProgress, user: Any) -> None:
    """Note the message a move did not send: in the candidate's history and the audit log."""
    held = build_stage_email(fresh, link=LINK)
    if held is not None:
        history.record_mail(fresh, held, None, user=user, held=True)
    record_event(
        "selection.mail_held",
        actor=user,
        organisation=fresh.vacancy.organisation,
        obj=fresh,
        application=fresh.application_id,
        stage=fresh.stage_id,
    )


def bulk_move_with_message(
    versions: Mapping[int, int],
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    *,
    mail: str,
    reason: RejectionReason | None = None,
    language_level: str = "",
) -> BulkResult:
    """A bulk move that sends each candidate the standard message or holds it.

    Held: per candidate the same as a single held move (the held message in their history,
    an audit event), for every move that would have mailed.
    """
    if mail not in (SEND, HOLD):
        raise SelectionError(_("Kies of u het bericht verstuurt of niet."))

    def note_held(before: Stage, fresh: ApplicationProgress) -> None:
        moved_from = copy.copy(fresh)
        moved_from.stage = before
        if mails_on_move(moved_from, to_stage):
            _hold(fresh, user)

    return bulk_move(
        versions,
        to_stage,
        user,
        roles,
        reason=reason,
        language_level=language_level,
        notify=mail == SEND,
        on_moved=note_held if mail == HOLD else None,
    )
