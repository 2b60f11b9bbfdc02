"""Destruction lists: their items and the reviews they get."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from ..constants import (
    ItemStatus,
    ListStatus,
    ReviewOutcome,
)
from .documents import Collection, Document


class DestructionList(OrganisationOwned):
    """A proposal to destroy documents: four-eyes review, cooling-off, then destruction."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="destruction_lists",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die de documenten vernietigt."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.PROTECT,
        related_name="destruction_lists",
        verbose_name=_("verzameling"),
        help_text=_("De verzameling waaruit de documenten komen."),
    )
    name = models.CharField(_("naam"), max_length=200, help_text=_("Naam van de lijst."))
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ListStatus.choices,
        default=ListStatus.NEW,
        help_text=_("Waar de lijst staat in de stappen naar vernietiging."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opgesteld door"),
        help_text=_("Wie de lijst heeft opgesteld."),
    )
    created_at = models.DateTimeField(
        _("opgesteld op"), auto_now_add=True, help_text=_("Wanneer de lijst is opgesteld.")
    )
    submitted_at = models.DateTimeField(
        _("aangeboden op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de lijst ter beoordeling ging."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("goedgekeurd door"),
        help_text=_("De tweede persoon die de lijst goedkeurde."),
    )
    reviewed_at = models.DateTimeField(
        _("goedgekeurd op"), null=True, blank=True, help_text=_("Wanneer de lijst is goedgekeurd.")
    )
    archivist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archivaris"),
        help_text=_("De archivaris die akkoord gaf, als dat nodig is."),
    )
    archivist_at = models.DateTimeField(
        _("akkoord archivaris op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de archivaris akkoord gaf."),
    )
    cooling_off_until = models.DateTimeField(
        _("wachttijd tot"),
        null=True,
        blank=True,
        help_text=_("Vanaf dit moment mag vernietigd worden."),
    )
    destroyed_at = models.DateTimeField(
        _("vernietigd op"), null=True, blank=True, help_text=_("Wanneer de vernietiging klaar was.")
    )
    destroyed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vernietigd door"),
        help_text=_("Wie de vernietiging startte."),
    )
    abort_reason = models.TextField(
        _("reden afbreken"), blank=True, help_text=_("Waarom de lijst is teruggezet naar nieuw.")
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("beoordelaars"),
        help_text=_("De collega's die de opsteller koos om de lijst te beoordelen."),
    )

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class DestructionListItem(models.Model):
    """One document on a destruction list, with a snapshot of the basis for destruction."""

    destruction_list = models.ForeignKey(
        DestructionList,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("vernietigingslijst"),
        help_text=_("De lijst waarop het document staat."),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="destruction_items",
        verbose_name=_("document"),
        help_text=_("Het document dat vernietigd zou worden."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ItemStatus.choices,
        default=ItemStatus.PROPOSED,
        help_text=_("Voorgesteld, goedgekeurd, uitgezonderd, teruggezet of vernietigd."),
    )
    reason = models.TextField(
        _("reden"), blank=True, help_text=_("Reden voor uitzonderen of terugzetten.")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
        help_text=_("Wie dit document beoordeelde."),
    )
    reviewed_at = models.DateTimeField(
        _("beoordeeld op"), null=True, blank=True, help_text=_("Wanneer het is beoordeeld.")
    )
    destroyed_at = models.DateTimeField(
        _("vernietigd op"), null=True, blank=True, help_text=_("Wanneer het is vernietigd.")
    )
    # Snapshot of the basis, so the declaration does not depend on later changes.
    record_name = models.CharField(
        _("naam"), max_length=300, help_text=_("Bestandsnaam op het moment van opstellen.")
    )
    record_path = models.CharField(
        _("pad"), max_length=1000, help_text=_("Pad op het moment van opstellen.")
    )
    record_sha256 = models.CharField(
        _("controlegetal"), max_length=64, blank=True, help_text=_("SHA-256 van het bestand.")
    )
    record_date = models.DateField(
        _("documentdatum"), null=True, blank=True, help_text=_("Datum van het document.")
    )
    category_code = models.CharField(
        _("categorie"),
        max_length=30,
        blank=True,
        help_text=_("Code van de selectielijstcategorie."),
    )
    category_name = models.CharField(
        _("categorienaam"), max_length=200, blank=True, help_text=_("Naam van de categorie.")
    )
    waardering = models.CharField(
        _("waardering"), max_length=1, blank=True, help_text=_("B of V volgens de categorie.")
    )
    bewaartermijn_years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"),
        null=True,
        blank=True,
        help_text=_("Termijn volgens de categorie."),
    )

    class Meta:
        verbose_name = _("document op vernietigingslijst")
        verbose_name_plural = _("documenten op vernietigingslijst")
        ordering = ["record_path", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["destruction_list", "document"], name="records_item_unique"
            )
        ]

    def __str__(self) -> str:
        return self.record_path

    @property
    def organisation_id(self) -> int:
        return self.destruction_list.organisation_id


class ListReview(models.Model):
    """One review of a destruction list: approval or changes asked, with a comment."""

    destruction_list = models.ForeignKey(
        DestructionList,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("vernietigingslijst"),
        help_text=_("De beoordeelde lijst."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beoordelaar"),
        help_text=_("Wie de lijst beoordeelde."),
    )
    outcome = models.CharField(
        _("uitkomst"),
        max_length=30,
        choices=ReviewOutcome.choices,
        help_text=_("Akkoord of wijzigingen gevraagd."),
    )
    comment = models.TextField(
        _("opmerking"), blank=True, help_text=_("Toelichting voor de opsteller.")
    )
    created_at = models.DateTimeField(
        _("op"), auto_now_add=True, help_text=_("Wanneer de beoordeling is gegeven.")
    )

    class Meta:
        verbose_name = _("beoordeling van een vernietigingslijst")
        verbose_name_plural = _("beoordelingen van vernietigingslijsten")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.destruction_list_id}: {self.get_outcome_display()}"
