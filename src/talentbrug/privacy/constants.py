"""Choices and defaults of the privacy app (terms from DOMAIN.md: AP, NVP Sollicitatiecode)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Defaults of a new organisation's retention policy.
DEFAULT_REJECTED_DAYS = 28  # 4 weeks after the procedure ends
MAX_REJECTED_DAYS_WITHOUT_REASON = 28  # longer only with a recorded reason
DEFAULT_CONSENT_MAX_DAYS = 365  # talent pool: at most 12 months
HARD_MAX_CONSENT_DAYS = 365
DEFAULT_HIRE_MATERIAL_DAYS = 90  # recruitment-only material of a hire
DEFAULT_CLOSED_VACANCY_DAYS = 90  # a closed (not filled) vacancy's procedure counts as ended
ERASURE_DEADLINE_MONTHS = 1  # AVG art. 12(3): answer within one month
DEADLINE_WARNING_DAYS = 7  # attention item when a request's deadline is this close

# Anonymised candidates get an address in this reserved domain (RFC 2606: never delivered).
ANONYMISED_DOMAIN = "geanonimiseerd.invalid"

# Application statuses whose procedure has ended for the candidate, and their outcome.
# ``applications`` only knows submitted/withdrawn today; the selection issue adds statuses.
# Add a new status here (or through ``retention.register_status``) when it appears.
ENDED = "ended"
HIRED = "hired"
STATUS_OUTCOMES: dict[str, str] = {
    "withdrawn": ENDED,
    "rejected": ENDED,
    "declined": ENDED,
    "not_selected": ENDED,
    "offer_declined": ENDED,
    "hired": HIRED,
}


class Reason(models.TextChoices):
    """Why an item is due for removal (shown in the report and counted in the audit event)."""

    WITHDRAWN_OR_REJECTED = "ended", _("Procedure afgelopen (afgewezen of ingetrokken)")
    VACANCY_ENDED = "vacancy_ended", _("Vacature vervuld, ingetrokken of lang gesloten")
    CONSENT_ENDED = "consent_ended", _("Toestemming talentpool verlopen of ingetrokken")
    HIRE_MATERIAL = "hire_material", _("Wervingsmateriaal van een aangenomen kandidaat")
    NO_APPLICATIONS = "no_applications", _("Kandidaat zonder sollicitaties")
    ERASURE = "erasure", _("Verzoek om verwijdering")


class Processing(models.TextChoices):
    """What a person objects to (AVG art. 21)."""

    TALENT_POOL = "talent_pool", _("Talentpool")
    MATCHING = "matching", _("Voorstellen van vacatures (matching)")
    RECRUITMENT = "recruitment", _("Werving en selectie")
    OTHER = "other", _("Iets anders")


class ObjectionOutcome(models.TextChoices):
    PENDING = "pending", _("Nog te beoordelen")
    UPHELD = "upheld", _("Toegekend")
    REJECTED = "rejected", _("Afgewezen (dwingende gerechtvaardigde gronden)")
