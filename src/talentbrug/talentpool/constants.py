"""Choices and numbers of the talent pool."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Below this count a figure is shown as "< 5" (AP guidance on small groups).
MIN_GROUP = 5
# How long a signed link stays valid.
PROFILE_LINK_MAX_AGE = 7 * 24 * 60 * 60
ANSWER_LINK_MAX_AGE = 30 * 24 * 60 * 60
# Seconds the answer page stays open in the browser session that first used the link.
ANSWER_SESSION_AGE = 60 * 60
MAX_MESSAGE_CHARS = 1000


class ContactRequestStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op antwoord")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgewezen")
