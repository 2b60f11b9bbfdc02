"""A candidate's consent (talent pool) and their requests to be deleted."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    ConsentKind,
    DeletionRequestStatus,
)
from .candidate import Candidate


class Consent(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("kandidaat"),
        help_text=_("Wie toestemming gaf."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=ConsentKind.choices,
        default=ConsentKind.TALENT_POOL,
        help_text=_("Waarvoor de toestemming is."),
    )
    text_version = models.CharField(
        _("versie van de tekst"), max_length=20, help_text=_("Welke tekst de kandidaat las.")
    )
    text = models.TextField(_("tekst"), help_text=_("De tekst zoals de kandidaat die las."))
    language = models.CharField(
        _("taal"), max_length=5, help_text=_("Taal waarin de kandidaat de tekst las.")
    )
    given_at = models.DateTimeField(_("gegeven op"), help_text=_("Moment van toestemming."))
    expires_at = models.DateTimeField(
        _("verloopt op"), help_text=_("Na 12 maanden vervalt de toestemming.")
    )
    withdrawn_at = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, help_text=_("Moment van intrekken.")
    )

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"toestemming {self.pk}"


class DeletionRequest(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="deletion_requests",
        verbose_name=_("kandidaat"),
        help_text=_("Wie om verwijdering vroeg."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_(
            "De organisatie die dit deel van het verzoek afhandelt (elke organisatie beslist "
            "zelf over haar eigen gegevens); leeg als geen organisatie gegevens had."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeletionRequestStatus.choices,
        default=DeletionRequestStatus.REQUESTED,
        help_text=_("Uitgevoerd door de privacytaak (een ander issue)."),
    )
    requested_at = models.DateTimeField(
        _("gevraagd op"), auto_now_add=True, help_text=_("Binnen een maand beantwoorden.")
    )

    class Meta:
        verbose_name = _("verzoek om verwijdering")
        verbose_name_plural = _("verzoeken om verwijdering")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"verzoek {self.pk}"
