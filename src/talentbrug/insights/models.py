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


def report_upload_to(instance: QuarterlyReport, filename: str) -> str:
    return f"inzicht/kwartaalrapporten/{instance.year}-K{instance.quarter}.pdf"


class QuarterlyReport(models.Model):
    """'Doelgroepen in cijfers, kwartaal N': the Rijk's figures of one quarter as a PDF,
    generated and archived by the periodic job ``insights.quarterly_report``. Counted figures
    only (small groups hidden), for the programme team."""

    year = models.PositiveSmallIntegerField(_("jaar"), help_text=_("Het jaar van het kwartaal."))
    quarter = models.PositiveSmallIntegerField(_("kwartaal"), help_text=_("1 tot en met 4."))
    pdf = models.FileField(
        _("PDF"),
        upload_to=report_upload_to,
        max_length=200,
        help_text=_("Het rapport, in de afgeschermde opslag."),
    )
    created_at = models.DateTimeField(
        _("gemaakt op"), auto_now_add=True, help_text=_("Wanneer het rapport is gemaakt.")
    )

    class Meta:
        verbose_name = _("kwartaalrapport")
        verbose_name_plural = _("kwartaalrapporten")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="one_report_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.year} K{self.quarter}"
