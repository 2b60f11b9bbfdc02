"""Message templates for the candidate and the history of messages sent about an application."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    StageKind,
)
from .fields import organisation_fk


class MessageTemplate(models.Model):
    """The organisation's own text of one stage mail in one language (selection.message_templates).

    Without a row the product's text in the candidate's language is used; a text in one
    language is never used for a candidate who reads another.
    """

    organisation = organisation_fk()
    stage_kind = models.CharField(
        _("soort fase"),
        max_length=20,
        choices=StageKind.choices,
        help_text=_("Voor welke stap deze e-mail is."),
    )
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("De taal van deze tekst; alleen kandidaten die deze taal lezen krijgen haar."),
    )
    subject = models.CharField(
        _("onderwerp"), max_length=200, help_text=_("Onderwerp van de e-mail, met invulvelden.")
    )
    body = models.TextField(
        _("tekst"), max_length=10_000, help_text=_("Tekst van de e-mail, met invulvelden.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
        help_text=_("Wie de tekst het laatst wijzigde."),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("berichtsjabloon")
        verbose_name_plural = _("berichtsjablonen")
        ordering = ["organisation", "stage_kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage_kind", "language"],
                name="one_message_template_per_stage_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_kind} ({self.language})"


class CandidateMessage(models.Model):
    """One message to the candidate about one application: the history on the staff page.

    The outbox wipes a mail's text once it is sent (it holds a personal link); this row keeps
    the text HR may read, with the personal link replaced, and a held message that never left.
    """

    organisation = organisation_fk()
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Over welke sollicitatie het bericht gaat."),
    )
    mail = models.ForeignKey(
        "outbox.OutboxMail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgaande e-mail"),
        help_text=_("De e-mail in de outbox (leeg bij een tegengehouden bericht)."),
    )
    kind = models.CharField(
        _("soort bericht"), max_length=80, help_text=_("Vaste code, zoals selection.offer_sent.")
    )
    language = models.CharField(
        _("taal"), max_length=8, help_text=_("De taal van het bericht (taalcode).")
    )
    subject = models.CharField(_("onderwerp"), max_length=255, help_text=_("Onderwerp."))
    body = models.TextField(
        _("tekst"), help_text=_("De tekst, zonder de persoonlijke link van de kandidaat.")
    )
    held = models.BooleanField(
        _("tegengehouden"), default=False, help_text=_("HR verstuurde dit bericht niet.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie het bericht verstuurde of tegenhield (leeg: het systeem)."),
    )
    created_at = models.DateTimeField(
        _("gemaakt op"), auto_now_add=True, help_text=_("Moment van versturen of tegenhouden.")
    )

    class Meta:
        verbose_name = _("bericht aan de kandidaat")
        verbose_name_plural = _("berichten aan de kandidaat")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["application", "created_at"])]

    def __str__(self) -> str:
        return f"bericht {self.pk}"
