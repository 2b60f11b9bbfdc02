"""Permission to destroy one document the selectielijst says may not go yet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from ..constants import (
    OverrideStatus,
)
from .documents import Document


class DestructionOverride(OrganisationOwned):
    """Permission to destroy one document that the selectielijst says may not go yet.

    For example after a later decision of the archive. It needs its own written
    justification and a second person (not the one who asked) to approve it.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="destruction_overrides",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van het document."),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="overrides",
        verbose_name=_("document"),
        help_text=_("Het document dat toch vernietigd mag worden."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OverrideStatus.choices,
        default=OverrideStatus.REQUESTED,
        help_text=_("Aangevraagd, goedgekeurd of afgewezen."),
    )
    justification = models.TextField(
        _("onderbouwing"),
        help_text=_("Waarom dit document toch weg mag, bijvoorbeeld een later besluit."),
    )
    reference = models.CharField(
        _("kenmerk besluit"),
        max_length=200,
        blank=True,
        help_text=_("Kenmerk van het besluit waarop de uitzondering rust, als dat er is."),
    )
    refusal = models.CharField(
        _("weigering"),
        max_length=300,
        help_text=_("Waarom de selectielijst vernietiging weigerde, op het moment van aanvragen."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("aangevraagd door"),
        help_text=_("Wie de uitzondering aanvroeg."),
    )
    requested_at = models.DateTimeField(
        _("aangevraagd op"), auto_now_add=True, help_text=_("Wanneer de aanvraag is gedaan.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslist door"),
        help_text=_("De tweede persoon die goedkeurde of afwees."),
    )
    decided_at = models.DateTimeField(
        _("beslist op"), null=True, blank=True, help_text=_("Wanneer is beslist.")
    )
    decision_comment = models.TextField(
        _("toelichting beslissing"),
        blank=True,
        help_text=_("Toelichting van wie goedkeurde of afwees."),
    )

    class Meta:
        verbose_name = _("uitzondering op de selectielijst")
        verbose_name_plural = _("uitzonderingen op de selectielijst")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.get_status_display()}"
