"""Choices of the assessments app: group assessment days, language tests, diversity form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.selection.constants import SCORE_MAX, SCORE_MIN, SUPPRESS_BELOW

__all__ = ["SCORE_MAX", "SCORE_MIN", "SUPPRESS_BELOW"]


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Geboekt")
    CANCELLED = "cancelled", _("Geannuleerd")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Vrouw")
    MAN = "man", _("Man")
    OTHER = "other", _("Anders")
    NOT_SAID = "not_said", _("Zeg ik liever niet")


class AgeGroup(models.TextChoices):
    UNDER_25 = "u25", _("Jonger dan 25")
    FROM_25 = "25_34", _("25 tot 35")
    FROM_35 = "35_49", _("35 tot 50")
    FROM_50 = "50plus", _("50 of ouder")
    NOT_SAID = "not_said", _("Zeg ik liever niet")


class BornAbroad(models.TextChoices):
    SELF = "self", _("Ja, ikzelf")
    PARENT = "parent", _("Ja, een van mijn ouders of allebei")
    NO = "no", _("Nee")
    NOT_SAID = "not_said", _("Zeg ik liever niet")


class Refugee(models.TextChoices):
    """Whether the candidate came to the Netherlands as a refugee (a 'statushouder' in staff
    figures; candidates never read that word)."""

    YES = "yes", _("Ja")
    NO = "no", _("Nee")
    NOT_SAID = "not_said", _("Zeg ik liever niet")


class Disability(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nee")
    NOT_SAID = "not_said", _("Zeg ik liever niet")


# Stage kind in which a candidate may book a group day (selection's "Opdracht of wervingsdag").
BOOKABLE_STAGE_KIND = "assessment"
