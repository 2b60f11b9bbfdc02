"""Choices and thresholds of the insights app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.core.figures import MIN_CELL

__all__ = ["MIN_CELL", "Section"]  # MIN_CELL: the shared small-number rule (core.figures)


class Section(models.TextChoices):
    """The Insights pages. The value is the slug in exports and in the snapshot key."""

    VACANCIES = "vacatures", _("Vacatures")
    APPLICATIONS = "sollicitaties", _("Sollicitaties")
    SELECTION = "selectie", _("Selectie en aanbod")
    ONBOARDING = "inwerken", _("Inwerken")
    PROGRAMMES = "programmas", _("Programma's")


class Period(models.TextChoices):
    """Fixed periods, so the pre-computed figures can be reused."""

    MONTHS_3 = "3", _("Laatste 3 maanden")
    MONTHS_6 = "6", _("Laatste 6 maanden")
    MONTHS_12 = "12", _("Laatste 12 maanden")
    MONTHS_18 = "18", _("Laatste 18 maanden")


DEFAULT_PERIOD = Period.MONTHS_12
