"""Documents a candidate hands in, work-sample assignments and their submissions."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import (
    DocumentKind,
    ExtractionStatus,
)
from .application import Application
from .candidate import Candidate


def private_upload_to(instance: models.Model, filename: str) -> str:
    """A random path: the original name is kept in the database, never in the storage path."""
    return f"applications/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}"


class Document(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie het bestand is."),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("sollicitatie"),
        help_text=_("Bij welke sollicitatie het bestand hoort."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=DocumentKind.choices,
        help_text=_("Cv, opdracht, video of ander bestand."),
    )
    file = models.FileField(
        _("bestand"),
        upload_to=private_upload_to,
        max_length=200,
        help_text=_("Privé opgeslagen; alleen te zien via een pagina met toegangscontrole."),
    )
    original_name = models.CharField(
        _("bestandsnaam"), max_length=200, help_text=_("Naam van het bestand, opgeschoond.")
    )
    detected_type = models.CharField(
        _("type (op inhoud)"),
        max_length=20,
        help_text=_("Bepaald aan de inhoud, niet aan de naam."),
    )
    content_type = models.CharField(
        _("MIME-type"), max_length=120, help_text=_("Type waarmee het bestand wordt verstuurd.")
    )
    size = models.PositiveBigIntegerField(_("grootte"), help_text=_("In bytes."))
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, help_text=_("Controlegetal van de inhoud.")
    )
    extraction_status = models.CharField(
        _("tekst lezen"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.NOT_APPLICABLE,
        help_text=_("Of de tekst uit het bestand gelezen is."),
    )
    extraction_attempts = models.PositiveSmallIntegerField(
        _("leespogingen"),
        default=1,
        help_text=_(
            "Hoe vaak het lezen is gestart. Na een afgebroken poging start de periodieke taak "
            "het lezen opnieuw, tot het maximum; daarna is het lezen niet gelukt."
        ),
    )
    extraction_queued_at = models.DateTimeField(
        _("lezen gestart op"),
        default=timezone.now,
        help_text=_("Wanneer het lezen het laatst in de wachtrij is gezet."),
    )
    extracted_text = models.TextField(
        _("gelezen tekst"), blank=True, help_text=_("Tekst uit het bestand, voor de vaardigheden.")
    )
    duration_seconds = models.FloatField(
        _("lengte (seconden)"),
        null=True,
        blank=True,
        help_text=_(
            "Alleen bij video: lengte uit het bestand. Leeg: onbekend, dan controleert HR de lengte."
        ),
    )
    uploaded_at = models.DateTimeField(
        _("toegevoegd op"), auto_now_add=True, help_text=_("Moment van uploaden.")
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-uploaded_at"]
        indexes = [
            # The periodic job's "what is still pending since long ago?" (core.jobs).
            models.Index(
                fields=["extraction_status", "extraction_queued_at"],
                name="applications_doc_stale_read",
            ),
        ]

    def __str__(self) -> str:
        return f"document {self.pk}"


class WorkSampleAssignment(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="work_sample_assignments",
        verbose_name=_("vacature"),
        help_text=_("De vacature met deze opdracht."),
    )
    title = models.CharField(_("titel"), max_length=200, help_text=_("Korte naam van de opdracht."))
    instructions = models.TextField(
        _("uitleg"), help_text=_("Wat de kandidaat moet doen, in B1-Nederlands.")
    )
    attachment = models.FileField(
        _("bijlage"),
        upload_to=private_upload_to,
        blank=True,
        max_length=200,
        help_text=_("Niet verplicht. Een bestand dat bij de opdracht hoort."),
    )
    attachment_name = models.CharField(
        _("naam bijlage"), max_length=200, blank=True, help_text=_("Naam van de bijlage.")
    )
    deadline = models.DateTimeField(
        _("inleveren voor"), help_text=_("Tot wanneer de kandidaat kan inleveren.")
    )
    rubric = models.TextField(
        _("waar we op letten"),
        blank=True,
        help_text=_(
            "De punten waarop beoordelaars het werk beoordelen. De kandidaat ziet ze ook, "
            "zodat het duidelijk is wat telt."
        ),
    )

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["deadline"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.vacancy_id and not self.organisation_id:
            self.organisation_id = self.vacancy.organisation_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class WorkSampleSubmission(models.Model):
    application = models.OneToOneField(
        Application,
        on_delete=models.CASCADE,
        related_name="work_sample",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie waarbij dit werk hoort."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="work_samples",
        verbose_name=_("kandidaat"),
        help_text=_("Wie het werk inleverde."),
    )
    assignment = models.ForeignKey(
        WorkSampleAssignment,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("opdracht"),
        help_text=_("Welke opdracht."),
    )
    text = models.TextField(_("antwoord"), blank=True, help_text=_("Tekst van de kandidaat."))
    link = models.URLField(
        _("link"), blank=True, help_text=_("Link naar het werk, niet verplicht.")
    )
    submitted_at = models.DateTimeField(
        _("ingeleverd op"), auto_now_add=True, help_text=_("Moment van inleveren.")
    )

    class Meta:
        verbose_name = _("ingeleverde opdracht")
        verbose_name_plural = _("ingeleverde opdrachten")

    def __str__(self) -> str:
        return f"opdracht {self.pk}"
