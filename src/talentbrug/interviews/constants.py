"""Choices and limits of interviews."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_SLOTS = 5  # slots HR may propose at once
MIN_DURATION = 15  # minutes
MAX_DURATION = 240
DEFAULT_DURATION = 60
REMINDER_BEFORE = timedelta(hours=24)


class InterviewStatus(models.TextChoices):
    PROPOSED = "proposed", _("Wacht op keuze van de kandidaat")
    PLANNED = "planned", _("Gepland")
    CANCELLED = "cancelled", _("Geannuleerd")


OPEN_STATUSES = frozenset({InterviewStatus.PROPOSED, InterviewStatus.PLANNED})
