"""Audit event types of the offer letter, the message templates and the portal answer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from talentbrug.audit.registry import register

register(
    {
        "selection.offer_sent": _(
            "Aanbodbrief {offer} in het portaal gezet (sollicitatie {application}; "
            "antwoord uiterlijk {answer_by})"
        ),
        "selection.offer_answered": _(
            "Aanbod {offer}: antwoord {answer} gegeven door de kandidaat in het portaal"
        ),
        "selection.offer_expired": _("Aanbod {offer} verlopen (antwoord uiterlijk {answer_by})"),
        "selection.offer_note": _("Notitie vastgelegd bij het besluit over aanbod {offer}"),
        "selection.offer_letter_downloaded": _("Aanbodbrief {offer} gedownload (pdf)"),
        "selection.offer_letter_template_saved": _("Tekst van de aanbodbrief gewijzigd"),
        "selection.message_template_saved": _(
            "Berichttekst voor stap {stage_kind} in taal {language} opgeslagen"
        ),
        "selection.message_template_reset": _(
            "Berichttekst voor stap {stage_kind} in taal {language} terug naar de standaard"
        ),
    }
)
