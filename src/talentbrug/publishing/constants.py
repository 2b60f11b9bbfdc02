from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelKind(models.TextChoices):
    MBO_SCHOOL = "mbo_school", _("mbo-school")
    REFUGEE_ORGANISATION = "refugee_org", _("Organisatie voor vluchtelingen")
    JOB_BOARD = "job_board", _("Vacaturesite")
    SOCIAL = "social", _("Sociale media")
    OTHER = "other", _("Anders")


class LevelFilter(models.TextChoices):
    """Level filter on the careers site. 'none' = no diploma needed (experience counts too)."""

    NO_DIPLOMA = "geen-diploma", _("Geen diploma-eis (ervaring telt ook)")
    MBO = "mbo", _("mbo-niveau")
    HBO = "hbo", _("hbo-niveau")


# "I want to work at most N hours a week": vacancies whose minimum fits.
HOURS_CHOICES = [
    ("16", _("Tot 16 uur per week")),
    ("24", _("Tot 24 uur per week")),
    ("32", _("Tot 32 uur per week")),
    ("36", _("Tot 36 uur per week")),
]

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
SIMILAR_COUNT = 3
CODE_LENGTH = 7
# Session key for first-touch attribution: {vacancy pk: channel pk}.
SESSION_KEY = "publishing_channels"
SESSION_LAST_KEY = "publishing_last_channel"
