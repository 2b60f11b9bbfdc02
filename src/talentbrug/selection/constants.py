"""Choices and defaults of the selection app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE_MIN = 1
SCORE_MAX = 4
DISAGREEMENT_POINTS = 2  # scores this far apart are flagged in the summary
SUPPRESS_BELOW = 5  # fairness figures: groups smaller than this are not shown
MAX_SALARY_STEP = 15


class StageKind(models.TextChoices):
    NEW = "new", _("Nieuw")
    SCREENING = "screening", _("Beoordeling")
    ASSESSMENT = "assessment", _("Opdracht of wervingsdag")
    INTERVIEW = "interview", _("Gesprek")
    OFFER = "offer", _("Aanbod")
    HIRED = "hired", _("Aangenomen")
    REJECTED = "rejected", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Teruggetrokken")


END_KINDS = frozenset({StageKind.HIRED, StageKind.REJECTED, StageKind.WITHDRAWN})
# A move back to one of these cancels what belongs to a later step (selection/effects.py).
BEFORE_INTERVIEW = frozenset({StageKind.NEW, StageKind.SCREENING, StageKind.ASSESSMENT})
BEFORE_ASSESSMENT = frozenset({StageKind.NEW, StageKind.SCREENING})

# The organisation's default pipeline: (name, kind, is_blind).
DEFAULT_STAGES = [
    (_("Nieuw"), StageKind.NEW, True),
    (_("Eerste beoordeling"), StageKind.SCREENING, True),
    (_("Opdracht of wervingsdag"), StageKind.ASSESSMENT, True),
    (_("Gesprek"), StageKind.INTERVIEW, False),
    (_("Aanbod"), StageKind.OFFER, False),
    (_("Aangenomen"), StageKind.HIRED, False),
    (_("Afgewezen"), StageKind.REJECTED, False),
    (_("Teruggetrokken"), StageKind.WITHDRAWN, False),
]

# What a candidate reads about each step (B1 Dutch, "je").
CANDIDATE_STEP_TEXT = {
    StageKind.NEW: _("We hebben je sollicitatie ontvangen."),
    StageKind.SCREENING: _("We lezen je sollicitatie."),
    StageKind.ASSESSMENT: _(
        "We vragen je om een opdracht te doen of naar een wervingsdag te komen."
    ),
    StageKind.INTERVIEW: _("We willen graag met je praten. We nodigen je uit voor een gesprek."),
    StageKind.OFFER: _("We willen je een aanbod doen."),
    StageKind.HIRED: _("Je bent aangenomen. Welkom!"),
    StageKind.REJECTED: _("We gaan niet verder met je sollicitatie."),
    StageKind.WITHDRAWN: _("Je hebt je sollicitatie ingetrokken."),
}

# The organisation's default rejection reasons: (label for staff, text for the candidate, is_language).
DEFAULT_REJECTION_REASONS = [
    (
        _("Eisen bij de start ontbreken"),
        _("Voor dit werk moet je bij de start al een paar dingen kunnen. Die zien we nog niet."),
        False,
    ),
    (
        _("Andere kandidaten passen beter"),
        _("Andere kandidaten passen beter bij wat dit werk vraagt."),
        False,
    ),
    (
        _("Opdracht nog niet goed genoeg"),
        _("Je opdracht laat nog niet genoeg zien wat het werk vraagt."),
        False,
    ),
    (
        _("Taalniveau (op taal)"),
        _("Voor dit werk moet je Nederlands op een hoger niveau kunnen gebruiken."),
        True,
    ),
]


class Recommendation(models.TextChoices):
    STRONG_NO = "strong_no", _("Zeker niet")
    NO = "no", _("Liever niet")
    YES = "yes", _("Ja")
    STRONG_YES = "strong_yes", _("Zeker wel")


DEFAULT_ANCHORS = {
    1: _("Laat dit gedrag niet zien, ook niet met hulp."),
    2: _("Laat dit gedrag soms zien, met hulp of aanwijzingen."),
    3: _("Laat dit gedrag zelfstandig en meestal goed zien."),
    4: _("Laat dit gedrag altijd zien en helpt anderen ermee."),
}


class OfferStatus(models.TextChoices):
    MADE = "made", _("Gedaan")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgewezen door kandidaat")
    EXPIRED = "expired", _("Verlopen: geen antwoord op tijd")


class EducationGroup(models.TextChoices):
    MBO = "mbo", _("mbo")
    HBO_WO = "hbo_wo", _("hbo of wo")
    FOREIGN = "foreign", _("opleiding buiten Nederland")
    NONE = "none", _("niets opgegeven")


class LanguageGroup(models.TextChoices):
    BASIC = "a", _("Nederlands A1–A2")
    B1 = "b1", _("Nederlands B1")
    B2 = "b2", _("Nederlands B2")
    C = "c", _("Nederlands C1–C2")
    NONE = "none", _("niets opgegeven")
