"""Choices of the applications app. Labels shown to candidates are B1 Dutch and translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Languages a candidate can choose for pages and e-mails (settings.LANGUAGES has the same codes).
CANDIDATE_LANGUAGES = ["nl", "en", "ar", "ti", "tr", "fa"]

MAX_CV_BYTES = 10 * 1024 * 1024
MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_VIDEO_SECONDS = 180
# A recording stopped by the browser at 3:00 may be a fraction longer in the file.
VIDEO_GRACE_SECONDS = 1
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_NAME_CHARS = 150
CONSENT_MONTHS = 12
TALENT_POOL_CONSENT_VERSION = "2026-1"
PORTAL_LINK_MAX_AGE = 7 * 24 * 60 * 60  # seconds a magic link keeps working
PORTAL_SESSION_AGE = 60 * 60  # seconds the portal session a link opens lasts without activity
# Days an application with an address we already know waits for the link to be followed.
PENDING_APPLICATION_DAYS = 7


class Route(models.TextChoices):
    """The ways to apply. Same values as ``vacancies.constants.ApplyRoute``."""

    CV = "cv", _("Met je cv")
    NO_CV = "no_cv", _("Zonder cv")
    VIDEO = "video", _("Met een video")
    WORK_SAMPLE = "work_sample", _("Met een opdracht")
    RECRUITMENT_DAY = "recruitment_day", _("Op een wervingsdag")


def staff_route_choices() -> list[tuple[str, str]]:
    """The routes as staff read them. ``Route``'s labels speak to the candidate ("Met je cv");
    on staff pages (board, lists, Insights) the same route is named without "je"."""
    staff = {Route.CV: _("Met cv")}
    return [(value, staff.get(value, label)) for value, label in Route.choices]  # type: ignore[call-overload]


class ApplicationStatus(models.TextChoices):
    """Status of an application.

    Only the moves of this issue exist: ``submitted`` → ``withdrawn`` (by the candidate).
    The selection issue adds its stages here (each with a transition function in services.py);
    what a candidate reads about their progress is derived from the selection stage
    (``talentbrug.selection.journey``): that stage is the one truth.
    """

    SUBMITTED = "submitted", _("Ontvangen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class RightToWork(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nee")
    UNKNOWN = "unknown", _("Weet ik niet")


class EducationSource(models.TextChoices):
    DUTCH_DIPLOMA = "dutch_diploma", _("Nederlands diploma")
    IDW_REQUESTED = "idw_requested", _("Diplomawaardering (IDW) aangevraagd")
    IDW_RECEIVED = "idw_received", _("Diplomawaardering (IDW) ontvangen")
    INDICATION = "indication", _("Indicatie Onderwijsniveau")
    SELF_DECLARED = "self_declared", _("Zelf ingeschat")


class EducationLevel(models.TextChoices):
    """NLQF levels in plain words (same values as ``taxonomy.constants.NlqfLevel``)."""

    L1 = "1", _("Niveau 1: mbo 1 of vmbo-bb")
    L2 = "2", _("Niveau 2: mbo 2 of vmbo-kb/gl/tl")
    L3 = "3", _("Niveau 3: mbo 3")
    L4 = "4", _("Niveau 4: mbo 4 of havo")
    L4PLUS = "4+", _("Niveau 4+: vwo")
    L5 = "5", _("Niveau 5: Associate degree")
    L6 = "6", _("Niveau 6: bachelor")
    L7 = "7", _("Niveau 7: master")
    L8 = "8", _("Niveau 8: doctoraat")


class MboPath(models.TextChoices):
    BOL = "bol", _("BOL: vooral naar school, met stage")
    BBL = "bbl", _("BBL: werken en één dag per week naar school")


class LanguageEvidence(models.TextChoices):
    SELF_DECLARED = "self_declared", _("Zelf ingeschat")
    NT2_DIPLOMA = "nt2_diploma", _("Staatsexamen NT2")
    INBURGERING = "inburgering", _("Inburgeringsdiploma")


class LanguageSkillChoice(models.TextChoices):
    """Same values as ``taxonomy.constants.LanguageSkill``."""

    READING = "reading", _("Lezen")
    LISTENING = "listening", _("Luisteren")
    WRITING = "writing", _("Schrijven")
    SPEAKING = "speaking", _("Spreken")


class SkillSource(models.TextChoices):
    EXTRACTED = "extracted", _("Gevonden in je tekst")
    CHOSEN = "chosen", _("Zelf gekozen")


class DocumentKind(models.TextChoices):
    CV = "cv", _("Cv")
    WORK_SAMPLE = "work_sample", _("Opdracht")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Ander bestand")
    DIPLOMA_EVALUATION = "diploma_evaluation", _("Diplomawaardering (IDW)")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Wordt gelezen")
    DONE = "done", _("Gelezen")
    FAILED = "failed", _("Niet gelukt")
    NOT_APPLICABLE = "n/a", _("Niet van toepassing")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Geboekt")
    CANCELLED = "cancelled", _("Geannuleerd")


class ConsentKind(models.TextChoices):
    TALENT_POOL = "talent_pool", _("Talentpool")


class DeletionRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Aangevraagd")
    DONE = "done", _("Uitgevoerd")
