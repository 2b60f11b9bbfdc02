from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What asks for a staff member's attention (issue 18, item 9)."""

    NEW_APPLICATION = "new_application", _("Nieuwe sollicitatie")
    ANSWER = "answer", _("Antwoord op een vraag")
    SLOT_PICKED = "slot_picked", _("Tijd op de wervingsdag gekozen")
    INTERVIEW_SLOT_PICKED = "interview_slot_picked", _("Tijd voor het gesprek gekozen")
    GROUP_DAY_BOOKED = "group_day_booked", _("Tijd op de groepsdag gekozen")
    REVIEW_REQUESTED = "review_requested", _("Vacature ter beoordeling")
    SCORECARD_MISSING = "scorecard_missing", _("Beoordelingsformulier nog invullen")
    OFFER_ANSWERED = "offer_answered", _("Antwoord op een aanbod")


# How many unread notifications the bell lists; the rest are on the page.
BELL_SIZE = 5
# Read notifications older than this are removed by the daily job (unread ones stay).
KEEP_READ_DAYS = 90
