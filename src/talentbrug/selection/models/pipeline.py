"""A vacancy's stages, the organisation's default pipeline and rejection reasons, and each
application's place in them (:class:`ApplicationProgress`, with a version for optimistic locking).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    END_KINDS,
    StageKind,
)
from .fields import organisation_fk


class TemplateStage(models.Model):
    """One stage of the organisation's default pipeline; copied to a vacancy on first use."""

    organisation = organisation_fk()
    name = models.CharField(_("naam"), max_length=100, help_text=_("Naam van de fase."))
    kind = models.CharField(
        _("soort"), max_length=20, choices=StageKind.choices, help_text=_("Wat voor fase.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), help_text=_("Volgorde op het bord."))
    is_blind = models.BooleanField(
        _("anoniem beoordelen"), default=False, help_text=_("Naam en contactgegevens verborgen.")
    )

    class Meta:
        verbose_name = _("fase in het standaardproces")
        verbose_name_plural = _("fasen in het standaardproces")
        ordering = ["organisation", "order"]

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    organisation = organisation_fk()
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="stages",
        verbose_name=_("vacature"),
        help_text=_("De vacature van deze fase."),
    )
    name = models.CharField(_("naam"), max_length=100, help_text=_("Naam van de fase."))
    kind = models.CharField(
        _("soort"), max_length=20, choices=StageKind.choices, help_text=_("Wat voor fase.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), help_text=_("Volgorde op het bord."))
    is_blind = models.BooleanField(
        _("anoniem beoordelen"),
        default=False,
        help_text=_("In deze fase zien beoordelaars geen naam, contactgegevens of foto."),
    )

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["vacancy", "order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_end(self) -> bool:
        return self.kind in END_KINDS


class RejectionReason(models.Model):
    """A reason from the organisation's configurable list; the candidate reads ``candidate_text``."""

    organisation = organisation_fk()
    label = models.CharField(_("reden"), max_length=120, help_text=_("Wat medewerkers kiezen."))
    candidate_text = models.TextField(
        _("tekst voor de kandidaat"),
        help_text=_("In gewone woorden, B1-Nederlands. De kandidaat leest dit."),
    )
    is_language = models.BooleanField(
        _("op taal"),
        default=False,
        help_text=_("Alleen mogelijk als de vacature een taaleis op dat niveau heeft."),
    )
    is_active = models.BooleanField(
        _("in gebruik"), default=True, help_text=_("Kan gekozen worden.")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0, help_text=_("Volgorde."))

    class Meta:
        verbose_name = _("reden van afwijzing")
        verbose_name_plural = _("redenen van afwijzing")
        ordering = ["organisation", "order", "pk"]

    def __str__(self) -> str:
        return self.label


class ApplicationProgress(models.Model):
    organisation = organisation_fk()
    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie die door de selectie gaat."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("vacature"),
        help_text=_("De vacature (gelijk aan die van de sollicitatie)."),
    )
    stage = models.ForeignKey(
        Stage,
        on_delete=models.PROTECT,
        related_name="progresses",
        verbose_name=_("fase"),
        help_text=_("Waar de sollicitatie nu staat."),
    )
    furthest_order = models.PositiveSmallIntegerField(
        _("verste fase"), default=0, help_text=_("Volgorde van de verste fase, voor de cijfers.")
    )
    version = models.PositiveIntegerField(
        _("versie"),
        default=1,
        help_text=_("Wordt hoger bij elke verplaatsing (tegen dubbel werk)."),
    )
    rejection_reason = models.ForeignKey(
        RejectionReason,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reden van afwijzing"),
        help_text=_("Alleen bij afwijzen."),
    )
    rejection_language_level = models.CharField(
        _("taalniveau bij afwijzing"),
        max_length=2,
        blank=True,
        help_text=_("Alleen bij afwijzen op taal: het niveau van de taaleis."),
    )
    rejection_feedback = models.TextField(
        _("feedback voor de kandidaat"),
        blank=True,
        help_text=_("Niet verplicht. Wat de kandidaat kan doen om sterker te worden."),
    )
    identity_revealed_at = models.DateTimeField(
        _("identiteit getoond op"),
        null=True,
        blank=True,
        help_text=_("Moment waarop iemand de naam zichtbaar maakte (staat in het logboek)."),
    )
    moved_at = models.DateTimeField(
        _("verplaatst op"), auto_now=True, help_text=_("Laatste verplaatsing.")
    )

    class Meta:
        verbose_name = _("voortgang in de selectie")
        verbose_name_plural = _("voortgang in de selectie")
        ordering = ["pk"]
        indexes = [models.Index(fields=["vacancy", "stage"])]

    def __str__(self) -> str:
        return f"voortgang {self.pk}"

    @property
    def pseudonym(self) -> str:
        return pseudonym_for(self.application_id)


def pseudonym_for(application_id: int) -> str:
    """A stable pseudonym per application, such as 'K-4821' (not derivable without the secret)."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:selection:{application_id}".encode()).digest()
    number = int.from_bytes(digest[:4], "big") % 9000 + 1000
    return f"K-{number}-{application_id % 100:02d}"
