"""The organisation's selectielijst (categories with waardering and bewaartermijn) and the settings of its destruction flow."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from ..constants import (
    StartDateRule,
    Waardering,
)


class RecordsSettings(models.Model):
    """Per-organisation settings of the destruction flow."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="records_settings",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waarvoor deze instellingen gelden."),
    )
    cooling_off_days = models.PositiveSmallIntegerField(
        _("wachttijd in dagen"),
        default=7,
        help_text=_(
            "Zoveel dagen na goedkeuring worden documenten pas vernietigd. In die tijd kunt u "
            "documenten nog terugzetten."
        ),
    )
    archivist_required = models.BooleanField(
        _("akkoord archivaris nodig"),
        default=False,
        help_text=_("Zet aan als een archivaris elke vernietigingslijst ook moet goedkeuren."),
    )

    class Meta:
        verbose_name = _("instellingen bewaren of weggooien")
        verbose_name_plural = _("instellingen bewaren of weggooien")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation: Any) -> RecordsSettings:
        """The organisation's settings; the defaults (not saved) when it never changed them.

        Reading never writes: the row is created when someone saves the settings.
        """
        found = cls.objects.filter(organisation=organisation).first()
        return found if found is not None else cls(organisation=organisation)


class SelectielijstCategory(OrganisationOwned):
    """One category of the organisation's selectielijst: waardering and bewaartermijn."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="selectielijst_categories",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die deze selectielijst gebruikt."),
    )
    code = models.CharField(
        _("code"), max_length=30, help_text=_("Nummer van de categorie in de selectielijst.")
    )
    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Omschrijving van de categorie.")
    )
    waardering = models.CharField(
        _("waardering"),
        max_length=1,
        choices=Waardering.choices,
        help_text=_("B: blijvend bewaren. V: vernietigen na de bewaartermijn."),
    )
    bewaartermijn_years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"),
        null=True,
        blank=True,
        help_text=_("Aantal jaren na de aanleiding. Leeg bij B (overbrengen na 20 jaar)."),
    )
    trigger = models.CharField(
        _("aanleiding"),
        max_length=200,
        default=_("na afloop"),
        blank=True,
        help_text=_("Vanaf wanneer de termijn loopt, bijvoorbeeld 'na afloop van de procedure'."),
    )
    start_date_rule = models.CharField(
        _("startdatum van de termijn"),
        max_length=20,
        choices=StartDateRule.choices,
        default=StartDateRule.DOCUMENT_DATE,
        help_text=_(
            "Welke datum de bewaartermijn start: de documentdatum (uit het bestand of "
            "ingevuld), of de datum van de aanleiding die per document wordt ingevuld, "
            "bijvoorbeeld het einde van de procedure. Zonder die datum mag niets weg."
        ),
    )
    informatiecategorie = models.CharField(
        _("informatiecategorie"),
        max_length=100,
        blank=True,
        help_text=_("Informatiecategorie voor de Woo en MDTO, als die bekend is."),
    )

    class Meta:
        verbose_name = _("selectielijstcategorie")
        verbose_name_plural = _("selectielijstcategorieën")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="records_category_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def term_label(self) -> str:
        if self.waardering == Waardering.BEWAREN:
            return "B"
        return f"V, {self.bewaartermijn_years or 0} jaar {self.trigger}".strip()
