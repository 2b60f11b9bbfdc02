"""The candidate's e-mail about a step, in the candidate's language (B1, "je")."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

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


def build_stage_email(progress: ApplicationProgress) -> EmailMessage | None:
    if progress.stage.kind not in MAIL_KINDS:
        return None
    from .services import candidate_message

    candidate = progress.application.candidate
    with translation.override(candidate.preferred_language or "nl"):
        subject = _("Nieuws over je sollicitatie: %(title)s") % {"title": progress.vacancy.title}
        body = "\n\n".join(
            [
                _("Hallo,"),
                candidate_message(progress),
                _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je."),
                _("Met vriendelijke groet,\n%(organisation)s")
                % {"organisation": progress.vacancy.organisation.name},
            ]
        )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[candidate.email],
    )
