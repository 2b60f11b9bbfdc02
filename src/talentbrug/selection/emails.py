"""The candidate's e-mail about a step, in the candidate's language (B1, "je").

Everything is rendered inside ``translation.override(candidate_language(...))``: subject, body,
the step text and dates follow the candidate's preferred language (nl, en, ar, ti, tr, fa).

One builder for every stage mail: the preview HR sees before a move
(``selection.messages.preview_for_move``), the standard mail a move sends
(:func:`queue_stage_email`) and a mail HR edited (:func:`edited_stage_email`) all come from
:func:`stage_envelope`, which sets the sender and Reply-To exactly as the outbox stores them.
So the preview cannot show a different subject, text, recipient or Reply-To than the mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.applications.tokens import portal_url
from talentbrug.outbox.services import organisation_reply_to, organisation_sender, queue_mail

from . import history
from .constants import StageKind
from .models import ApplicationProgress
from .services.candidate import candidate_message

# Steps that are worth an e-mail; the others the candidate sees in the portal.
MAIL_KINDS = {
    StageKind.ASSESSMENT,
    StageKind.INTERVIEW,
    StageKind.OFFER,
    StageKind.HIRED,
    StageKind.REJECTED,
}

# Steps whose news is a letter of its own: a move there sends no step mail, the letter's mail
# (selection.offer_letter) is the one message and carries the organisation's text for the step.
# Otherwise the candidate got two mails about one offer: the step mail, then the letter's.
LETTER_KINDS = {StageKind.OFFER}

# Stands in for the candidate's personal link in a preview (staff never see a link that logs
# in as the candidate); sending puts a fresh link in its place.
LINK = "[[link]]"


def candidate_language(candidate: object) -> str:
    """The candidate's preferred language if the site offers it, else the default (Dutch)."""
    language = getattr(candidate, "preferred_language", "") or ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def build_stage_email(progress: ApplicationProgress, *, link: str = "") -> EmailMessage | None:
    """The standard step mail; ``link`` replaces the candidate's personal portal link (for a
    preview: :data:`LINK`). None for a step that sends no mail."""
    if progress.stage.kind not in MAIL_KINDS:
        return None
    candidate = progress.application.candidate
    can_reply = bool(reply_to_for(progress.vacancy))
    # local import: message_templates imports this module (its placeholders use our helpers)
    from .message_templates import custom_stage_text

    own = custom_stage_text(progress, link=link)  # the organisation's text in this language
    if own is not None:
        return stage_envelope(progress, own[0], own[1])
    with translation.override(candidate_language(candidate)):
        subject = _("Nieuws over je sollicitatie: %(title)s") % {"title": progress.vacancy.title}
        body = "\n\n".join(
            [
                _("Hallo,"),
                candidate_message(progress),
                _("Kijk op je persoonlijke pagina hoe het verder gaat:"),
                link or portal_url(candidate),
                _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je.")
                if can_reply
                else _("Heb je een vraag? Kijk op je persoonlijke pagina hoe je ons bereikt."),
                _("Met vriendelijke groet,\n%(organisation)s")
                % {"organisation": progress.vacancy.organisation.name},
            ]
        )
    return stage_envelope(progress, subject, body)


def edited_stage_email(progress: ApplicationProgress, subject: str, body: str) -> EmailMessage:
    """The step mail as HR edited it; :data:`LINK` becomes a fresh personal link."""
    link = portal_url(progress.application.candidate)
    return stage_envelope(progress, subject, body.replace(LINK, link))


def stage_envelope(progress: ApplicationProgress, subject: str, body: str) -> EmailMessage:
    """Subject and body in the one envelope of a step mail: to the candidate, from the
    organisation's sender, answers to :func:`reply_to_for` — as ``queue_mail`` stores it."""
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[progress.application.candidate.email],
        reply_to=reply_to_for(progress.vacancy),
    )
    message.from_email, message.reply_to = organisation_sender(
        message, progress.vacancy.organisation
    )
    return message


def reply_to_for(vacancy: object) -> list[str]:
    """Where a candidate's reply lands (mail is sent from a no-reply address): the vacancy's
    contact, else the organisation's Reply-To or contact address (the outbox's rule). Empty
    when there is none of these."""
    address = (getattr(vacancy, "contact_email", "") or "").strip()
    if address:
        return [address]
    return organisation_reply_to(getattr(vacancy, "organisation", None))


def stage_mail_key(progress: ApplicationProgress) -> str:
    """The outbox key of the candidate's mail about their step (a newer one replaces it)."""
    return f"selection.progress:{progress.pk}"


def queue_stage_email(
    progress: ApplicationProgress, message: EmailMessage | None = None, *, user: object = None
) -> None:
    """Put the candidate's e-mail about their new step in the outbox (current transaction):
    ``message`` (an :func:`edited_stage_email`), else the standard one.

    A newer step replaces a mail about an older step that has not gone out yet.
    """
    message = message if message is not None else build_stage_email(progress)
    if message is None:
        return
    mail = queue_mail(
        message,
        kind="selection.stage_changed",
        organisation=progress.vacancy.organisation,
        candidate=progress.application.candidate,
        supersede_key=stage_mail_key(progress),
    )
    history.record_mail(progress, message, mail, user=user)
