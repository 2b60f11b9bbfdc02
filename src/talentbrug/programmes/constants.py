from django.db import models
from django.utils.translation import gettext_lazy as _

# Places whose agreement (POK) ends within this many days count as 'ending soon'.
ENDING_SOON_DAYS = 60


class CohortKind(models.TextChoices):
    TRAINEE = "trainee", _("Traineeship")
    BBL = "bbl", _("BBL-groep")
    LEARN_WORK = "learn_work", _("Leerwerktraject")


class PlacementKind(models.TextChoices):
    BBL = "bbl", _("BBL-plek (leren en werken)")
    BOL = "bol", _("Stageplek (BOL)")


class PlacementState(models.TextChoices):
    OPEN = "open", _("Vrij")
    FILLED = "filled", _("Bezet")
    ENDING = "ending", _("Loopt binnenkort af")
    LATER = "later", _("Nog niet beschikbaar")


class Level(models.IntegerChoices):
    ONE = 1, _("Niveau 1 (entree)")
    TWO = 2, _("Niveau 2")
    THREE = 3, _("Niveau 3")
    FOUR = 4, _("Niveau 4")


class AssignmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Idee")
    OFFERED = "offered", _("Aangeboden aan school")
    ACCEPTED = "accepted", _("Geaccepteerd door school")
    IN_PROGRESS = "in_progress", _("Klas werkt eraan")
    COMPLETED = "completed", _("Afgerond")
    CANCELLED = "cancelled", _("Gestopt")
