"""The candidate's e-mail about a step, in the candidate's language (B1, "je").

Everything is rendered inside ``translation.override(candidate_language(...))``: subject, body,
the step text and dates follow the candidate's preferred language (nl, en, ar, ti, tr, fa).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.applications.tokens import portal_url

from .constants import StageKind
from .models import ApplicationProgress

# Steps that are worth an e-mail; the others the candidate sees in the portal.
MAIL_KINDS = {
    StageKind.ASSESSMENT,
    StageKind.INTERVIEW,
    StageKind.OFFER,
    StageKind.HIRED,
    StageKind.REJECTED,
}


def candidate_language(candidate: object) -> str:
    """The candidate's preferred language if the site offers it, else the default (Dutch)."""
    language = getattr(candidate, "preferred_language", "") or ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def build_stage_email(progress: ApplicationProgress, *, link: str = "") -> EmailMessage | None:
    """The step mail; ``link`` replaces the candidate's personal portal link (for a preview:
    staff never see a link that logs in as the candidate)."""
    if progress.stage.kind not in MAIL_KINDS:
        return None
    # local import: selection.services imports selection.emails at load time (cycle)
    from .services import candidate_message

    candidate = progress.application.candidate
    reply_to = reply_to_for(progress.vacancy)
    # local import: message_templates imports this module (its placeholders use our helpers)
    from .message_templates import custom_stage_text

    own = custom_stage_text(progress, link=link)  # the organisation's text in this language
    if own is not None:
        return EmailMessage(
            subject=own[0],
            body=own[1],
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[candidate.email],
            reply_to=reply_to,
        )
    with translation.override(candidate_language(candidate)):
        subject = _("Nieuws over je sollicitatie: %(title)s") % {"title": progress.vacancy.title}
        body = "\n\n".join(
            [
                _("Hallo,"),
                candidate_message(progress),
                _("Kijk op je persoonlijke pagina hoe het verder gaat:"),
                link or portal_url(candidate),
                _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je.")
                if reply_to
                else _("Heb je een vraag? Kijk op je persoonlijke pagina hoe je ons bereikt."),
                _("Met vriendelijke groet,\n%(organisation)s")
                % {"organisation": progress.vacancy.organisation.name},
            ]
        )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[candidate.email],
        reply_to=reply_to,
    )


def reply_to_for(vacancy: object) -> list[str]:
    """Where a candidate's reply lands: the vacancy's contact at the organisation (mail is sent
    from a no-reply address). Empty when the vacancy names no contact address."""
    address = (getattr(vacancy, "contact_email", "") or "").strip()
    return [address] if address else []
