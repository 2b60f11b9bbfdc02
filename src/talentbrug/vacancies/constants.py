from django.db import models
from django.utils.translation import gettext_lazy as _


class VacancyStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    IN_REVIEW = "in_review", _("Ter beoordeling")
    APPROVED = "approved", _("Goedgekeurd")
    PUBLISHED = "published", _("Gepubliceerd")
    CLOSED = "closed", _("Gesloten")
    FILLED = "filled", _("Vervuld")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class TargetGroup(models.TextChoices):
    MBO = "mbo", _("mbo'ers (studenten en afgestudeerden)")
    NEWCOMERS = "newcomers", _("Mensen met Nederlands als tweede taal")
    EVERYONE = "everyone", _("Iedereen")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("Vast")
    TEMPORARY = "temporary", _("Tijdelijk")
    BBL = "bbl", _("BBL-plek (leren en werken)")
    INTERNSHIP = "internship", _("Stage (BOL)")
    TRAINEESHIP = "traineeship", _("Traineeship")
    LEARN_WORK = "learn_work", _("Leerwerktraject")


class RemoteOption(models.TextChoices):
    ON_SITE = "on_site", _("Op locatie")
    HYBRID = "hybrid", _("Deels thuis")
    MOSTLY_REMOTE = "mostly_remote", _("Vooral thuis")


class Vakgebied(models.TextChoices):
    """Werken voor Nederland code list CVG (the codes we use; extend from the official list)."""

    ICT = "CVG.08", _("ICT")
    DOCUMENTATION = "CVG.32", _("Documentatie en informatievoorziening")


class WerkDenkniveau(models.TextChoices):
    """Werken voor Nederland code list CWD (the codes we use; extend from the official list)."""

    MBO = "CWD.12", _("mbo")
    HBO = "CWD.08", _("hbo")


class RequirementKind(models.TextChoices):
    MUST_HAVE = "must_have", _("Eis bij de start")
    LEARNABLE = "learnable", _("Leer je bij ons")


class Evidence(models.TextChoices):
    EXPERIENCE = "experience", _("Ervaring")
    WORK_SAMPLE = "work_sample", _("Opdracht")
    TEST = "test", _("Test")
    DIPLOMA = "diploma", _("Diploma")
    CERTIFICATE = "certificate", _("Certificaat")


class LanguageTiming(models.TextChoices):
    AT_START = "at_start", _("Nodig bij de start")
    WITH_COACH = "with_coach", _("Haalbaar met een taalcoach")


class ApplyRoute(models.TextChoices):
    CV = "cv", _("Met cv")
    NO_CV = "no_cv", _("Zonder cv")
    VIDEO = "video", _("Met een video")
    WORK_SAMPLE = "work_sample", _("Met een opdracht")
    RECRUITMENT_DAY = "recruitment_day", _("Op een wervingsdag")


MAX_WORDS = 20_000
MAX_MUST_HAVES_ADVICE = 6
