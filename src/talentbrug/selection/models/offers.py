"""The offer (and the hire it leads to) and the organisation's offer-letter template."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.vacancies.constants import ContractType

from ..constants import (
    MAX_SALARY_STEP,
    OfferStatus,
)
from .fields import organisation_fk
from .pipeline import ApplicationProgress


class Offer(models.Model):
    organisation = organisation_fk()
    progress = models.OneToOneField(
        ApplicationProgress,
        on_delete=models.CASCADE,
        related_name="offer",
        verbose_name=_("sollicitatie"),
        help_text=_("Voor welke sollicitatie het aanbod is."),
    )
    salary_scale = models.ForeignKey(
        "vacancies.SalaryScale",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("schaal"),
        help_text=_("Salarisschaal uit de salaristabel."),
    )
    step = models.PositiveSmallIntegerField(
        _("trede"),
        validators=[MaxValueValidator(MAX_SALARY_STEP)],
        help_text=_("Trede (periodiek) in de schaal, 0 tot en met 15."),
    )
    start_date = models.DateField(_("eerste werkdag"), help_text=_("Wanneer de kandidaat begint."))
    hours = models.PositiveSmallIntegerField(
        _("uren per week"),
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("1 tot en met 40."),
    )
    contract_type = models.CharField(
        _("soort contract"),
        max_length=20,
        choices=ContractType.choices,
        help_text=_("Vast, tijdelijk, BBL, stage, traineeship of leerwerktraject."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OfferStatus.choices,
        default=OfferStatus.MADE,
        help_text=_("Gedaan, geaccepteerd of afgewezen door de kandidaat."),
    )
    right_to_work_checked = models.BooleanField(
        _("mag in Nederland werken (gecontroleerd)"),
        null=True,
        blank=True,
        help_text=_("Ja of nee. We bewaren geen kopie van een document."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gedaan door"),
        help_text=_("Wie het aanbod deed."),
    )
    created_at = models.DateTimeField(
        _("gedaan op"), auto_now_add=True, help_text=_("Moment van het aanbod.")
    )
    decided_at = models.DateTimeField(
        _("besloten op"), null=True, blank=True, help_text=_("Moment van ja of nee.")
    )
    # The offer letter in the candidate's portal (selection.offer_letter).
    answer_by = models.DateField(
        _("antwoord uiterlijk"),
        null=True,
        blank=True,
        help_text=_("Tot en met deze dag kan de kandidaat in het portaal ja of nee zeggen."),
    )
    sent_at = models.DateTimeField(
        _("brief verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Moment waarop de aanbodbrief in het portaal van de kandidaat kwam."),
    )
    letter = models.JSONField(
        _("teksten van de brief"),
        default=dict,
        blank=True,
        help_text=_("De teksten van de organisatie zoals ze in de verstuurde brief stonden."),
    )
    answered_in_portal = models.BooleanField(
        _("antwoord in het portaal"),
        default=False,
        help_text=_("De kandidaat gaf zelf antwoord in het portaal (niet HR namens de kandidaat)."),
    )
    decline_reason = models.TextField(
        _("reden van nee"),
        blank=True,
        max_length=2000,
        help_text=_("Niet verplicht. Waarom de kandidaat nee zegt, in eigen woorden."),
    )
    decision_note = models.TextField(
        _("notitie bij het besluit"),
        blank=True,
        max_length=2000,
        help_text=_("Wat HR vastlegde bij het antwoord, zoals 'telefonisch ja gezegd'."),
    )

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbiedingen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"aanbod {self.pk}"


class OfferLetterTemplate(models.Model):
    """The organisation's own texts of the offer letter (the figures come from the offer)."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van deze brief."),
    )
    opening = models.TextField(
        _("begin van de brief"),
        max_length=3000,
        help_text=_("De eerste alinea, in B1-Nederlands. Bijvoorbeeld: we zijn blij met je."),
    )
    closing = models.TextField(
        _("einde van de brief"),
        max_length=3000,
        blank=True,
        help_text=_("Wat er na je ja gebeurt, of wie je kunt bellen."),
    )
    signed_by = models.CharField(
        _("ondertekend door"),
        max_length=200,
        blank=True,
        help_text=_("Naam en functie onder de brief. Leeg: de naam van de organisatie."),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("dagen om te antwoorden"),
        default=10,
        validators=[MinValueValidator(2), MaxValueValidator(60)],
        help_text=_("Standaardtermijn voor het antwoord van de kandidaat: 2 tot en met 60 dagen."),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("sjabloon van de aanbodbrief")
        verbose_name_plural = _("sjablonen van de aanbodbrief")

    def __str__(self) -> str:
        return f"aanbodbrief {self.organisation_id}"
