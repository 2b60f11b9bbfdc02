"""Stages, per-application progress, scorecards, work-sample grades and offers.

``applications.Application`` is not changed: selection keeps its own state in
:class:`ApplicationProgress` (one per application), with a version for optimistic locking.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.vacancies.constants import ContractType

from .constants import (
    END_KINDS,
    MAX_SALARY_STEP,
    SCORE_MAX,
    SCORE_MIN,
    OfferStatus,
    Recommendation,
    StageKind,
)


def _organisation_fk(related_name: str = "+") -> models.ForeignKey:
    return models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )


class TemplateStage(models.Model):
    """One stage of the organisation's default pipeline; copied to a vacancy on first use."""

    organisation = _organisation_fk()
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
    organisation = _organisation_fk()
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

    organisation = _organisation_fk()
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
    organisation = _organisation_fk()
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


class ScaleAnchor(models.Model):
    """The behavioural anchor text of one level of the 1–4 scale, per vacancy (editable)."""

    organisation = _organisation_fk()
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="scale_anchors",
        verbose_name=_("vacature"),
        help_text=_("De vacature."),
    )
    level = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text=_("1 tot en met 4."),
    )
    text = models.CharField(
        _("gedrag bij deze score"), max_length=300, help_text=_("Wat je ziet bij deze score.")
    )

    class Meta:
        verbose_name = _("ankertekst")
        verbose_name_plural = _("ankerteksten")
        ordering = ["vacancy", "level"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "level"], name="unique_anchor_level")
        ]

    def __str__(self) -> str:
        return f"{self.level}"


class Scorecard(models.Model):
    """One reviewer's beoordelingsformulier for one application in one stage."""

    organisation = _organisation_fk()
    progress = models.ForeignKey(
        ApplicationProgress,
        on_delete=models.CASCADE,
        related_name="scorecards",
        verbose_name=_("sollicitatie"),
        help_text=_("Welke sollicitatie is beoordeeld."),
    )
    stage = models.ForeignKey(
        Stage,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("fase"),
        help_text=_("In welke fase beoordeeld."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beoordelaar"),
        help_text=_("Wie beoordeelde."),
    )
    recommendation = models.CharField(
        _("advies"),
        max_length=20,
        choices=Recommendation.choices,
        help_text=_("Uw advies over deze kandidaat."),
    )
    notes = models.TextField(_("toelichting"), blank=True, help_text=_("Waarom dit advies."))
    submitted_at = models.DateTimeField(
        _("ingediend op"), auto_now_add=True, help_text=_("Moment van indienen.")
    )

    class Meta:
        verbose_name = _("beoordelingsformulier")
        verbose_name_plural = _("beoordelingsformulieren")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["progress", "stage", "reviewer"], name="one_scorecard_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"formulier {self.pk}"


class Score(models.Model):
    scorecard = models.ForeignKey(
        Scorecard,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("beoordelingsformulier"),
        help_text=_("Het formulier."),
    )
    requirement = models.ForeignKey(
        "vacancies.Requirement",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("competentie"),
        help_text=_("De eis van de vacature."),
    )
    value = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text=_("1 tot en met 4."),
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=SCORE_MIN, value__lte=SCORE_MAX),
                name="score_on_scale",
            ),
            models.UniqueConstraint(fields=["scorecard", "requirement"], name="one_score_per_row"),
        ]

    def __str__(self) -> str:
        return str(self.value)


class WorkSampleGrade(models.Model):
    """A reviewer's rubric grade of a work sample. Always graded blind."""

    organisation = _organisation_fk()
    submission = models.ForeignKey(
        "applications.WorkSampleSubmission",
        on_delete=models.CASCADE,
        related_name="grades",
        verbose_name=_("ingeleverde opdracht"),
        help_text=_("Het werk dat beoordeeld is."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beoordelaar"),
        help_text=_("Wie beoordeelde."),
    )
    scores = models.JSONField(
        _("scores"), default=dict, help_text=_("Per competentie (id) een score van 1 tot en met 4.")
    )
    notes = models.TextField(_("toelichting"), blank=True, help_text=_("Waarom deze scores."))
    submitted_at = models.DateTimeField(
        _("ingediend op"), auto_now_add=True, help_text=_("Moment van indienen.")
    )

    class Meta:
        verbose_name = _("beoordeling van een opdracht")
        verbose_name_plural = _("beoordelingen van opdrachten")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "reviewer"], name="one_grade_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"beoordeling {self.pk}"


class Offer(models.Model):
    organisation = _organisation_fk()
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


class MessageTemplate(models.Model):
    """The organisation's own text of one stage mail in one language (selection.message_templates).

    Without a row the product's text in the candidate's language is used; a text in one
    language is never used for a candidate who reads another.
    """

    organisation = _organisation_fk()
    stage_kind = models.CharField(
        _("soort fase"),
        max_length=20,
        choices=StageKind.choices,
        help_text=_("Voor welke stap deze e-mail is."),
    )
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("De taal van deze tekst; alleen kandidaten die deze taal lezen krijgen haar."),
    )
    subject = models.CharField(
        _("onderwerp"), max_length=200, help_text=_("Onderwerp van de e-mail, met invulvelden.")
    )
    body = models.TextField(
        _("tekst"), max_length=10_000, help_text=_("Tekst van de e-mail, met invulvelden.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
        help_text=_("Wie de tekst het laatst wijzigde."),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("berichtsjabloon")
        verbose_name_plural = _("berichtsjablonen")
        ordering = ["organisation", "stage_kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage_kind", "language"],
                name="one_message_template_per_stage_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_kind} ({self.language})"


class CandidateMessage(models.Model):
    """One message to the candidate about one application: the history on the staff page.

    The outbox wipes a mail's text once it is sent (it holds a personal link); this row keeps
    the text HR may read, with the personal link replaced, and a held message that never left.
    """

    organisation = _organisation_fk()
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Over welke sollicitatie het bericht gaat."),
    )
    mail = models.ForeignKey(
        "outbox.OutboxMail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgaande e-mail"),
        help_text=_("De e-mail in de outbox (leeg bij een tegengehouden bericht)."),
    )
    kind = models.CharField(
        _("soort bericht"), max_length=80, help_text=_("Vaste code, zoals selection.offer_sent.")
    )
    language = models.CharField(
        _("taal"), max_length=8, help_text=_("De taal van het bericht (taalcode).")
    )
    subject = models.CharField(_("onderwerp"), max_length=255, help_text=_("Onderwerp."))
    body = models.TextField(
        _("tekst"), help_text=_("De tekst, zonder de persoonlijke link van de kandidaat.")
    )
    held = models.BooleanField(
        _("tegengehouden"), default=False, help_text=_("HR verstuurde dit bericht niet.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie het bericht verstuurde of tegenhield (leeg: het systeem)."),
    )
    created_at = models.DateTimeField(
        _("gemaakt op"), auto_now_add=True, help_text=_("Moment van versturen of tegenhouden.")
    )

    class Meta:
        verbose_name = _("bericht aan de kandidaat")
        verbose_name_plural = _("berichten aan de kandidaat")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["application", "created_at"])]

    def __str__(self) -> str:
        return f"bericht {self.pk}"
