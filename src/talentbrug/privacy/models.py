"""Retention policies, legal holds, objections, erasure outcomes and retention runs.

Nothing here stores personal data beyond a link to the candidate: free text is limited to
references and staff notes about the request itself.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_CLOSED_VACANCY_DAYS,
    DEFAULT_CONSENT_MAX_DAYS,
    DEFAULT_HIRE_MATERIAL_DAYS,
    DEFAULT_REJECTED_DAYS,
    HARD_MAX_CONSENT_DAYS,
    ObjectionOutcome,
    Processing,
)


class RetentionPolicy(models.Model):
    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="retention_policy",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waarvoor deze bewaartermijnen gelden."),
    )
    rejected_days = models.PositiveSmallIntegerField(
        _("bewaartermijn na afloop (dagen)"),
        default=DEFAULT_REJECTED_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(365)],
        help_text=_(
            "Gegevens van afgewezen of teruggetrokken kandidaten worden zoveel dagen na het "
            "einde van de procedure verwijderd. Standaard 28 (4 weken); langer alleen met reden."
        ),
    )
    extension_reason = models.TextField(
        _("reden voor een langere termijn"),
        blank=True,
        help_text=_("Verplicht als de termijn langer is dan 4 weken."),
    )
    consent_max_days = models.PositiveSmallIntegerField(
        _("maximale duur talentpool (dagen)"),
        default=DEFAULT_CONSENT_MAX_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(HARD_MAX_CONSENT_DAYS)],
        help_text=_("Met toestemming bewaren we gegevens hoogstens zo lang (maximaal 365)."),
    )
    hire_material_days = models.PositiveSmallIntegerField(
        _("wervingsmateriaal van aangenomen kandidaten (dagen)"),
        default=DEFAULT_HIRE_MATERIAL_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(730)],
        help_text=_(
            "Video's, opdrachten en beoordelingen van wie is aangenomen, worden zoveel dagen "
            "na het aannemen verwijderd. De rest gaat naar het inwerken."
        ),
    )
    closed_vacancy_days = models.PositiveSmallIntegerField(
        _("gesloten vacature telt als afgelopen na (dagen)"),
        default=DEFAULT_CLOSED_VACANCY_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(365)],
        help_text=_(
            "Een gesloten vacature die niet vervuld wordt: zoveel dagen na het sluiten "
            "geldt de procedure als afgelopen."
        ),
    )
    records_category = models.ForeignKey(
        "records.SelectielijstCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("selectielijstcategorie voor sollicitatiebestanden"),
        help_text=_(
            "Zegt uw selectielijst dat bestanden van sollicitaties bewaard moeten worden? "
            "Kies dan de categorie. Leeg: bestanden worden na de termijn verwijderd."
        ),
    )
    records_collection = models.ForeignKey(
        "records.Collection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("overdragen aan verzameling"),
        help_text=_(
            "Verlopen sollicitatiebestanden gaan naar deze verzameling van Bewaren of "
            "weggooien, in plaats van verwijderd te worden. De sollicitatie zelf wordt "
            "daarna geanonimiseerd zoals altijd."
        ),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
        help_text=_("Wie de termijnen het laatst wijzigde."),
    )

    class Meta:
        verbose_name = _("bewaarbeleid")
        verbose_name_plural = _("bewaarbeleid")

    def __str__(self) -> str:
        return f"bewaarbeleid {self.organisation_id}"

    @property
    def hands_over_files(self) -> bool:
        """Expired application files go to the records triage instead of being deleted."""
        return bool(self.records_collection_id and self.records_category_id)


class VacancyRetention(models.Model):
    """A vacancy's own term: shorter is always fine, longer only with a recorded reason."""

    vacancy = models.OneToOneField(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="retention",
        verbose_name=_("vacature"),
        help_text=_("De vacature met een eigen termijn."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    rejected_days = models.PositiveSmallIntegerField(
        _("bewaartermijn na afloop (dagen)"),
        validators=[MinValueValidator(0), MaxValueValidator(365)],
        help_text=_(
            "Voor deze vacature. Langer dan het beleid van de organisatie mag alleen met reden."
        ),
    )
    reason = models.TextField(
        _("reden"),
        blank=True,
        help_text=_("Verplicht als de termijn langer is dan die van de organisatie."),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingesteld door"),
        help_text=_("Wie de termijn instelde."),
    )
    set_at = models.DateTimeField(
        _("ingesteld op"), auto_now=True, help_text=_("Moment van instellen.")
    )

    class Meta:
        verbose_name = _("bewaartermijn van een vacature")
        verbose_name_plural = _("bewaartermijnen van vacatures")

    def __str__(self) -> str:
        return f"bewaartermijn vacature {self.vacancy_id}"


class LegalHold(models.Model):
    """A Woo request, dispute or complaint: the candidate's data in this organisation stays."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die de blokkade instelde."),
    )
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="legal_holds",
        verbose_name=_("kandidaat"),
        help_text=_("Wiens gegevens niet verwijderd mogen worden."),
    )
    reference = models.CharField(
        _("kenmerk"),
        max_length=100,
        help_text=_("Zaaknummer van het Woo-verzoek, het bezwaar of het geschil."),
    )
    reason = models.TextField(
        _("reden"), help_text=_("Waarom de gegevens moeten blijven. Geen persoonsgegevens.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ingesteld door"),
        help_text=_("Wie de blokkade instelde."),
    )
    created_at = models.DateTimeField(
        _("ingesteld op"), auto_now_add=True, help_text=_("Moment van instellen.")
    )
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opgeheven door"),
        help_text=_("Wie de blokkade ophief."),
    )
    lifted_at = models.DateTimeField(
        _("opgeheven op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de blokkade geldt."),
    )

    class Meta:
        verbose_name = _("juridische blokkade")
        verbose_name_plural = _("juridische blokkades")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"blokkade {self.pk}"


class Objection(models.Model):
    """A person objects to a processing (AVG art. 21); recorded and decided by HR."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die het bezwaar ontving."),
    )
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="objections",
        verbose_name=_("kandidaat"),
        help_text=_("Wie bezwaar maakt."),
    )
    processing = models.CharField(
        _("bezwaar tegen"),
        max_length=20,
        choices=Processing.choices,
        help_text=_("Welke verwerking."),
    )
    received_at = models.DateTimeField(
        _("ontvangen op"), auto_now_add=True, help_text=_("Binnen een maand beantwoorden.")
    )
    outcome = models.CharField(
        _("uitkomst"),
        max_length=10,
        choices=ObjectionOutcome.choices,
        default=ObjectionOutcome.PENDING,
        help_text=_("Toegekend of afgewezen, met een toelichting."),
    )
    note = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Korte toelichting op de beslissing, zonder extra persoonsgegevens."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besloten door"),
        help_text=_("Wie besliste."),
    )
    decided_at = models.DateTimeField(
        _("besloten op"), null=True, blank=True, help_text=_("Moment van beslissen.")
    )

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"bezwaar {self.pk}"


class ErasureOutcome(models.Model):
    """How a deletion request (applications.DeletionRequest) was carried out."""

    deletion_request = models.OneToOneField(
        "applications.DeletionRequest",
        on_delete=models.CASCADE,
        related_name="outcome",
        verbose_name=_("verzoek"),
        help_text=_("Het verzoek om verwijdering."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de medewerker die het uitvoerde."),
    )
    carried_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgevoerd door"),
        help_text=_("Wie het verzoek uitvoerde."),
    )
    carried_out_at = models.DateTimeField(
        _("uitgevoerd op"), auto_now_add=True, help_text=_("Moment van uitvoeren.")
    )
    applications_anonymised = models.PositiveIntegerField(
        _("sollicitaties geanonimiseerd"), default=0, help_text=_("Aantal.")
    )
    applications_kept = models.PositiveIntegerField(
        _("sollicitaties bewaard"),
        default=0,
        help_text=_("Aantal dat bleef door een wettelijke uitzondering (blokkade, in dienst)."),
    )
    candidate_erased = models.BooleanField(
        _("kandidaat gewist"), default=False, help_text=_("Of het profiel zelf gewist is.")
    )

    class Meta:
        verbose_name = _("uitvoering van een verwijderverzoek")
        verbose_name_plural = _("uitvoeringen van verwijderverzoeken")

    def __str__(self) -> str:
        return f"uitvoering {self.pk}"


class RetentionRun(models.Model):
    """One run of the retention job: counts only."""

    started_at = models.DateTimeField(_("begonnen op"), help_text=_("Start van de run."))
    finished_at = models.DateTimeField(
        _("klaar op"), null=True, blank=True, help_text=_("Einde van de run.")
    )
    counts = models.JSONField(
        _("aantallen"), default=dict, blank=True, help_text=_("Aantallen per soort; geen namen.")
    )

    class Meta:
        verbose_name = _("bewaarrun")
        verbose_name_plural = _("bewaarruns")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"run {self.pk}"


class PendingFileRemoval(models.Model):
    """A stored file whose removal failed; the next run tries again."""

    name = models.CharField(
        _("opslagnaam"), max_length=300, help_text=_("Willekeurige naam in de opslag.")
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Eerste poging.")
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=1, help_text=_("Aantal pogingen.")
    )

    class Meta:
        verbose_name = _("te verwijderen bestand")
        verbose_name_plural = _("te verwijderen bestanden")

    def __str__(self) -> str:
        return f"bestand {self.pk}"
