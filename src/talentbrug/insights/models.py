"""Pre-computed figures, so the dashboards answer fast on large data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """The tables of one Insights page for one scope, as computed at ``computed_at``.

    Only counts and suppressed cells are stored, never a person. The periodic job
    ``insights.refresh_snapshots`` computes them again.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("Leeg: de cijfers van het hele Rijk."),
    )
    key = models.CharField(
        _("sleutel"),
        max_length=100,
        unique=True,
        help_text=_("Organisatie (of rijk), pagina, periode en vakgebied van deze cijfers."),
    )
    tables = models.JSONField(
        _("tabellen"), default=list, help_text=_("De tabellen, met verborgen kleine aantallen.")
    )
    computed_at = models.DateTimeField(
        _("bijgewerkt op"), help_text=_("Wanneer deze cijfers zijn berekend.")
    )

    class Meta:
        verbose_name = _("momentopname van cijfers")
        verbose_name_plural = _("momentopnamen van cijfers")

    def __str__(self) -> str:
        return self.key
