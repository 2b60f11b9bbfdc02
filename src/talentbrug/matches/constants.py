"""Choices of the matches app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Bump when the scoring changes in a way that makes stored scores incomparable.
# /2 (issue #20): a found, unconfirmed skill weighs 0.5 x the reader's confidence.
# /3 (issue #20): the text part (e5 cosine of the texts) and "other work" in the score.
ENGINE_VERSION = "talentbrug.matching/3"
DEFAULT_LIMIT = 20


class Direction(models.TextChoices):
    CANDIDATES_FOR_VACANCY = "for_vacancy", _("Kandidaten voor een vacature")
    VACANCIES_FOR_CANDIDATE = "for_candidate", _("Vacatures voor een kandidaat")


class MatchSource(models.TextChoices):
    APPLICANT = "applicant", _("Sollicitant")
    TALENT_POOL = "talent_pool", _("Talentpool")
    CANDIDATE = "candidate", _("Kandidaat zelf")


REGIONS = [
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]
