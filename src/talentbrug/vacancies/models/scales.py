"""The government salary tables (CAO Rijk scales) a vacancy's salary is read from."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SalaryScale(models.Model):
    """Monthly amounts per CAO Rijk scale and year. Amounts change yearly: edit them here."""

    year = models.PositiveSmallIntegerField(_("jaar"), help_text=_("Kalenderjaar van de bedragen."))
    scale = models.PositiveSmallIntegerField(
        _("schaal"),
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("Salarisschaal 1 tot en met 18 (CAO Rijk)."),
    )
    minimum = models.DecimalField(
        _("minimum per maand"), max_digits=8, decimal_places=2, help_text=_("Bruto, in euro's.")
    )
    maximum = models.DecimalField(
        _("maximum per maand"), max_digits=8, decimal_places=2, help_text=_("Bruto, in euro's.")
    )

    class Meta:
        verbose_name = _("salarisschaal")
        verbose_name_plural = _("salarisschalen")
        ordering = ["-year", "scale"]
        constraints = [models.UniqueConstraint(fields=["year", "scale"], name="unique_scale_year")]

    def __str__(self) -> str:
        return f"{self.year} schaal {self.scale}"
