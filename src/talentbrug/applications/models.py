"""Candidates, their profile, applications, documents, work samples, recruitment days, consent.

Least data: no BSN, nationality, permit type, photo, date of birth or gender is ever stored.
A candidate is a person, independent of organisations; an application belongs to the
organisation of its vacancy (``Application.organisation``, set from the vacancy).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    CANDIDATE_LANGUAGES,
    ApplicationStatus,
    BookingStatus,
    ConsentKind,
    DeletionRequestStatus,
    DocumentKind,
    EducationLevel,
    EducationSource,
    ExtractionStatus,
    LanguageEvidence,
    LanguageSkillChoice,
    MboPath,
    RightToWork,
    Route,
    SkillSource,
)
from .slots import slot_text

LANGUAGE_CHOICES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
]
assert [code for code, _name in LANGUAGE_CHOICES] == CANDIDATE_LANGUAGES

CEFR_CHOICES = [(level, level) for level in ("A1", "A2", "B1", "B2", "C1", "C2")]


def private_upload_to(instance: models.Model, filename: str) -> str:
    """A random path: the original name is kept in the database, never in the storage path."""
    return f"applications/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}"


class Candidate(models.Model):
    email = models.EmailField(
        _("e-mailadres"),
        unique=True,
        help_text=_(
            "Kleine letters. Hiermee herkennen we de kandidaat bij een volgende sollicitatie."
        ),
    )
    name = models.CharField(_("naam"), max_length=150, help_text=_("Zoals de kandidaat die opgaf."))
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, help_text=_("Niet verplicht.")
    )
    preferred_language = models.CharField(
        _("voorkeurstaal"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        default="nl",
        help_text=_("Taal van de pagina's en e-mails voor deze kandidaat."),
    )
    right_to_work = models.CharField(
        _("mag in Nederland werken"),
        max_length=10,
        choices=RightToWork.choices,
        default=RightToWork.UNKNOWN,
        help_text=_(
            "Alleen ja/nee/weet niet. Het documentcheck hoort bij het aannemen, niet hier."
        ),
    )
    wants_buddy = models.BooleanField(
        _("wil een buddy"), default=False, help_text=_("Een collega die de weg wijst.")
    )
    wants_language_coach = models.BooleanField(
        _("wil een taalcoach"), default=False, help_text=_("Hulp bij Nederlands op het werk.")
    )
    accommodations = models.TextField(
        _("aanpassingen"),
        blank=True,
        help_text=_("Wat de kandidaat nodig heeft, in eigen woorden. Niet verplicht."),
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Hoeveel uur de kandidaat wil werken."),
    )
    availability = models.CharField(
        _("beschikbaarheid"),
        max_length=200,
        blank=True,
        help_text=_("Vanaf wanneer en op welke dagen, in eigen woorden."),
    )
    token_version = models.PositiveIntegerField(
        _("versie van de link"),
        default=1,
        help_text=_("Hoger maken trekt alle persoonlijke links van de kandidaat in."),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("samengevoegd met"),
        help_text=_("Als deze kandidaat dezelfde persoon is als een andere kandidaat."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Eerste sollicitatie.")
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"kandidaat {self.pk}"


# NLQF (Dutch) to EQF (European) level; both scales run 1-8, vwo (4+) is EQF 4.
EQF_BY_NLQF = {
    "1": "1",
    "2": "2",
    "3": "3",
    "4": "4",
    "4+": "4",
    "5": "5",
    "6": "6",
    "7": "7",
    "8": "8",
}
DUTCH_COUNTRY_NAMES = frozenset({"nederland", "netherlands", "the netherlands", "nl"})


class Education(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="educations",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie deze opleiding is."),
    )
    application = models.ForeignKey(
        "Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevuld bij sollicitatie"),
        help_text=_(
            "De sollicitatie waarbij dit is ingevuld of gevonden; alleen die organisatie "
            "ziet het. Leeg: de kandidaat vulde het zelf in op de persoonlijke pagina."
        ),
    )
    country = models.CharField(
        _("land"), max_length=100, blank=True, help_text=_("Land van de opleiding.")
    )
    institution = models.CharField(
        _("school"), max_length=200, blank=True, help_text=_("School, hogeschool of universiteit.")
    )
    programme = models.CharField(
        _("opleiding"), max_length=200, help_text=_("Naam van de opleiding.")
    )
    level = models.CharField(
        _("niveau (NLQF)"),
        max_length=3,
        choices=EducationLevel.choices,
        blank=True,
        help_text=_("Nederlands niveau 1 tot en met 8."),
    )
    level_source = models.CharField(
        _("bron van het niveau"),
        max_length=20,
        choices=EducationSource.choices,
        default=EducationSource.SELF_DECLARED,
        help_text=_(
            "Nederlands diploma, IDW-diplomawaardering, Indicatie Onderwijsniveau of zelf ingeschat."
        ),
    )
    evaluation_reference = models.CharField(
        _("kenmerk diplomawaardering"),
        max_length=40,
        blank=True,
        help_text=_("Alleen bij een diploma uit het buitenland: het kenmerk van IDW (Nuffic)."),
    )
    evaluation_date = models.DateField(
        _("datum diplomawaardering"),
        null=True,
        blank=True,
        help_text=_("De datum op de diplomawaardering of de Indicatie Onderwijsniveau."),
    )
    evaluation_document = models.ForeignKey(
        "Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pdf van de diplomawaardering"),
        help_text=_("De diplomawaardering van IDW zoals de kandidaat die meestuurde."),
    )
    completed = models.BooleanField(
        _("afgerond"), default=True, help_text=_("Is de opleiding klaar?")
    )
    crebo = models.CharField(
        _("crebo-code"),
        max_length=10,
        blank=True,
        help_text=_("Alleen bij mbo: de code van de kwalificatie."),
    )
    mbo_level = models.PositiveSmallIntegerField(
        _("mbo-niveau"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Alleen bij mbo: 1 tot en met 4."),
    )
    mbo_path = models.CharField(
        _("leerweg"),
        max_length=3,
        choices=MboPath.choices,
        blank=True,
        help_text=_("Alleen bij mbo: BOL of BBL."),
    )
    expected_graduation = models.DateField(
        _("verwacht diploma"),
        null=True,
        blank=True,
        help_text=_("Wanneer de kandidaat verwacht klaar te zijn."),
    )
    source = models.CharField(
        _("bron"),
        max_length=10,
        choices=SkillSource.choices,
        default=SkillSource.CHOSEN,
        help_text=_("Gevonden in het cv, of door de kandidaat zelf ingevuld."),
    )
    confirmed = models.BooleanField(
        _("bevestigd"),
        default=True,
        help_text=_("De kandidaat zei: dit klopt. Gevonden in een cv: eerst niet bevestigd."),
    )

    class Meta:
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleidingen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.programme

    @property
    def eqf_level(self) -> str:
        """The European level (EQF 1–8) of the Dutch level (NLQF); 4+ (vwo) is EQF 4."""
        return EQF_BY_NLQF.get(self.level, "")

    @property
    def is_foreign(self) -> bool:
        country = (self.country or "").strip().lower()
        return bool(country) and country not in DUTCH_COUNTRY_NAMES

    @property
    def is_evaluated(self) -> bool:
        """The level comes from an evaluation (IDW diplomawaardering or Indicatie
        Onderwijsniveau), not from the candidate's own estimate."""
        return self.level_source in (EducationSource.IDW_RECEIVED, EducationSource.INDICATION)

    @property
    def needs_evaluation(self) -> bool:
        """A foreign diploma without an evaluation yet: point to how to request one."""
        return self.is_foreign and not self.is_evaluated


class LanguageProficiency(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="languages",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie dit taalniveau is."),
    )
    language = models.CharField(
        _("taal"), max_length=50, default="nl", help_text=_("Taalcode, zoals nl of en.")
    )
    skill = models.CharField(
        _("taalvaardigheid"),
        max_length=10,
        choices=LanguageSkillChoice.choices,
        help_text=_("Lezen, luisteren, schrijven of spreken."),
    )
    level = models.CharField(
        _("niveau (ERK)"), max_length=2, choices=CEFR_CHOICES, help_text=_("A1 tot en met C2.")
    )
    evidence = models.CharField(
        _("bewijs"),
        max_length=20,
        choices=LanguageEvidence.choices,
        default=LanguageEvidence.SELF_DECLARED,
        help_text=_("Zelf ingeschat, of een diploma."),
    )
    source = models.CharField(
        _("herkomst"),
        max_length=20,
        choices=SkillSource.choices,
        default=SkillSource.CHOSEN,
        help_text=_("Zelf ingevuld, of gevonden in een cv of tekst van de kandidaat."),
    )
    confirmed = models.BooleanField(
        _("bevestigd"),
        default=True,
        help_text=_("Een gevonden taalniveau telt pas mee als de kandidaat het bevestigt."),
    )
    evidence_text = models.CharField(
        _("gevonden in"),
        max_length=300,
        blank=True,
        help_text=_("De zin uit de tekst van de kandidaat waarin het taalniveau stond."),
    )

    class Meta:
        verbose_name = _("taalniveau")
        verbose_name_plural = _("taalniveaus")
        ordering = ["language", "skill"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "language", "skill"], name="unique_candidate_language_skill"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.skill} {self.level}"


class Experience(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="experiences",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie deze ervaring is."),
    )
    application = models.ForeignKey(
        "Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevuld bij sollicitatie"),
        help_text=_(
            "De sollicitatie waarbij dit is ingevuld of gevonden; alleen die organisatie "
            "ziet het. Leeg: de kandidaat vulde het zelf in op de persoonlijke pagina."
        ),
    )
    title = models.CharField(
        _("werk"), max_length=200, help_text=_("Wat voor werk, in eigen woorden.")
    )
    organisation_name = models.CharField(
        _("waar"), max_length=200, blank=True, help_text=_("Bedrijf, organisatie of thuis.")
    )
    country = models.CharField(_("land"), max_length=100, blank=True, help_text=_("Land."))
    abroad = models.BooleanField(
        _("in het buitenland"), default=False, help_text=_("Werk buiten Nederland.")
    )
    unpaid = models.BooleanField(
        _("zonder loon"), default=False, help_text=_("Vrijwilligerswerk, mantelzorg, stage.")
    )
    description = models.TextField(
        _("wat deed je"), blank=True, help_text=_("Taken en resultaten, in eigen woorden.")
    )
    start_year = models.PositiveSmallIntegerField(
        _("van (jaar)"), null=True, blank=True, help_text=_("Beginjaar.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("tot (jaar)"), null=True, blank=True, help_text=_("Eindjaar; leeg als het nog loopt.")
    )
    source = models.CharField(
        _("bron"),
        max_length=10,
        choices=SkillSource.choices,
        default=SkillSource.CHOSEN,
        help_text=_("Gevonden in het cv, of door de kandidaat zelf ingevuld."),
    )
    confirmed = models.BooleanField(
        _("bevestigd"),
        default=True,
        help_text=_("De kandidaat zei: dit klopt. Gevonden in een cv: eerst niet bevestigd."),
    )

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaring")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class CandidateSkill(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="skills",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie deze vaardigheid is."),
    )
    application = models.ForeignKey(
        "Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevuld bij sollicitatie"),
        help_text=_(
            "De sollicitatie waarbij dit is ingevuld of gevonden; alleen die organisatie "
            "ziet het. Leeg: de kandidaat vulde het zelf in op de persoonlijke pagina."
        ),
    )
    skill = models.ForeignKey(
        "taxonomy.Skill",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vaardigheid (ESCO)"),
        help_text=_("De ESCO-vaardigheid, als die in de tabel staat."),
    )
    esco_id = models.CharField(
        _("ESCO-id"), max_length=36, blank=True, help_text=_("UUID van de ESCO-vaardigheid.")
    )
    label = models.CharField(_("naam"), max_length=300, help_text=_("Naam van de vaardigheid."))
    source = models.CharField(
        _("bron"),
        max_length=10,
        choices=SkillSource.choices,
        default=SkillSource.EXTRACTED,
        help_text=_("Gevonden in een tekst of zelf gekozen."),
    )
    confirmed = models.BooleanField(
        _("bevestigd"), default=False, help_text=_("De kandidaat zei: dit klopt.")
    )
    confidence = models.FloatField(
        _("zekerheid"), default=1.0, help_text=_("Hoe zeker de herkenning is (0 tot 1).")
    )
    evidence_text = models.CharField(
        _("gevonden tekst"),
        max_length=300,
        blank=True,
        help_text=_("Het stukje tekst waarin de vaardigheid gevonden is."),
    )

    class Meta:
        verbose_name = _("vaardigheid van kandidaat")
        verbose_name_plural = _("vaardigheden van kandidaten")
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "application", "esco_id", "label"],
                name="unique_candidate_skill_per_application",
            )
        ]

    def __str__(self) -> str:
        return self.label


class Application(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("vacature"),
        help_text=_("Waarop de kandidaat solliciteert."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("kandidaat"),
        help_text=_("Wie solliciteert."),
    )
    route = models.CharField(
        _("manier van solliciteren"),
        max_length=20,
        choices=Route.choices,
        help_text=_("Cv, zonder cv, video, opdracht of wervingsdag."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
        db_index=True,
        help_text=_("Waar de sollicitatie staat. De selectie voegt later stappen toe."),
    )
    motivation = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Wat de kandidaat zelf vertelt, of de tekst in plaats van een video."),
    )
    channel = models.ForeignKey(
        "publishing.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("kanaal"),
        help_text=_("Via welk kanaal de kandidaat de vacature vond (eerste klik, uit publishing)."),
    )
    idempotency_key = models.UUIDField(
        _("formuliersleutel"),
        unique=True,
        help_text=_("Voorkomt dubbele sollicitaties als het formulier twee keer verstuurd wordt."),
    )
    submitted_at = models.DateTimeField(
        _("ontvangen op"), auto_now_add=True, help_text=_("Moment van solliciteren.")
    )
    withdrawn_at = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, help_text=_("Moment van intrekken.")
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Hoeveel uur per week de kandidaat wil werken. Niet verplicht."),
    )
    wants_buddy = models.BooleanField(
        _("wil een buddy"),
        default=False,
        help_text=_("Gevraagd bij deze sollicitatie: een collega die de weg wijst."),
    )
    wants_language_coach = models.BooleanField(
        _("wil een taalcoach"),
        default=False,
        help_text=_("Gevraagd bij deze sollicitatie: hulp bij Nederlands op het werk."),
    )
    accommodations = models.TextField(
        _("aanpassingen"),
        blank=True,
        help_text=_(
            "Wat de kandidaat bij deze sollicitatie nodig heeft, in eigen woorden. Alleen deze "
            "organisatie ziet het."
        ),
    )
    available_from = models.DateField(
        _("beschikbaar vanaf"),
        null=True,
        blank=True,
        help_text=_("Vanaf wanneer de kandidaat kan beginnen. Niet verplicht; leeg: onbekend."),
    )

    class Meta:
        verbose_name = _("sollicitatie")
        verbose_name_plural = _("sollicitaties")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["organisation", "vacancy", "status"])]

    def __str__(self) -> str:
        return f"sollicitatie {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.vacancy_id and not self.organisation_id:
            self.organisation_id = self.vacancy.organisation_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]


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


class RecruitmentDay(models.Model):
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
        related_name="recruitment_days",
        verbose_name=_("vacature"),
        help_text=_("De vacature van deze wervingsdag."),
    )
    title = models.CharField(
        _("titel"), max_length=200, help_text=_("Zoals 'Wervingsdag servicedesk'.")
    )
    description = models.TextField(
        _("wat gebeurt er"), blank=True, help_text=_("Programma in gewone woorden.")
    )
    address_text = models.TextField(
        _("adres in gewone woorden"),
        help_text=_(
            "Adres en hoe je er komt, zoals 'Ingang aan de achterkant, bel aan bij de servicedesk'."
        ),
    )

    class Meta:
        verbose_name = _("wervingsdag")
        verbose_name_plural = _("wervingsdagen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.vacancy_id and not self.organisation_id:
            self.organisation_id = self.vacancy.organisation_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Slot(models.Model):
    day = models.ForeignKey(
        RecruitmentDay,
        on_delete=models.CASCADE,
        related_name="slots",
        verbose_name=_("wervingsdag"),
        help_text=_("De wervingsdag."),
    )
    starts_at = models.DateTimeField(_("begint om"), help_text=_("Begintijd."))
    ends_at = models.DateTimeField(_("eindigt om"), help_text=_("Eindtijd."))
    capacity = models.PositiveSmallIntegerField(
        _("plaatsen"), default=10, help_text=_("Hoeveel kandidaten er kunnen komen.")
    )
    booked_count = models.PositiveSmallIntegerField(
        _("geboekt"),
        default=0,
        help_text=_("Aantal boekingen. Alleen services.py verandert dit, zonder overboeken."),
    )

    class Meta:
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(booked_count__lte=models.F("capacity")),
                name="slot_not_overbooked",
            )
        ]

    def __str__(self) -> str:
        return slot_text(self)

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked_count)


class Booking(models.Model):
    slot = models.ForeignKey(
        Slot,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("tijdslot"),
        help_text=_("Het gekozen tijdslot."),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("kandidaat"),
        help_text=_("Wie komt."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=BookingStatus.choices,
        default=BookingStatus.BOOKED,
        help_text=_("Geboekt of geannuleerd."),
    )
    created_at = models.DateTimeField(
        _("geboekt op"), auto_now_add=True, help_text=_("Moment van boeken.")
    )

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status="booked"),
                name="one_active_booking_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"boeking {self.pk}"


class Consent(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("kandidaat"),
        help_text=_("Wie toestemming gaf."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=ConsentKind.choices,
        default=ConsentKind.TALENT_POOL,
        help_text=_("Waarvoor de toestemming is."),
    )
    text_version = models.CharField(
        _("versie van de tekst"), max_length=20, help_text=_("Welke tekst de kandidaat las.")
    )
    text = models.TextField(_("tekst"), help_text=_("De tekst zoals de kandidaat die las."))
    language = models.CharField(
        _("taal"), max_length=5, help_text=_("Taal waarin de kandidaat de tekst las.")
    )
    given_at = models.DateTimeField(_("gegeven op"), help_text=_("Moment van toestemming."))
    expires_at = models.DateTimeField(
        _("verloopt op"), help_text=_("Na 12 maanden vervalt de toestemming.")
    )
    withdrawn_at = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, help_text=_("Moment van intrekken.")
    )

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"toestemming {self.pk}"


class DeletionRequest(models.Model):
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="deletion_requests",
        verbose_name=_("kandidaat"),
        help_text=_("Wie om verwijdering vroeg."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_(
            "De organisatie die dit deel van het verzoek afhandelt (elke organisatie beslist "
            "zelf over haar eigen gegevens); leeg als geen organisatie gegevens had."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeletionRequestStatus.choices,
        default=DeletionRequestStatus.REQUESTED,
        help_text=_("Uitgevoerd door de privacytaak (een ander issue)."),
    )
    requested_at = models.DateTimeField(
        _("gevraagd op"), auto_now_add=True, help_text=_("Binnen een maand beantwoorden.")
    )

    class Meta:
        verbose_name = _("verzoek om verwijdering")
        verbose_name_plural = _("verzoeken om verwijdering")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"verzoek {self.pk}"


class Question(models.Model):
    """A question from HR to the candidate about one application, answered in the portal."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de sollicitatie (automatisch)."),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("sollicitatie"),
        help_text=_("Over welke sollicitatie de vraag gaat."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("kandidaat"),
        help_text=_("Aan wie de vraag gesteld is."),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gesteld door"),
        help_text=_("De medewerker die de vraag stelde."),
    )
    text = models.TextField(_("vraag"), help_text=_("De vraag, in gewone woorden (B1)."))
    asked_at = models.DateTimeField(
        _("gesteld op"), auto_now_add=True, help_text=_("Moment van de vraag.")
    )
    answer_text = models.TextField(
        _("antwoord"), blank=True, help_text=_("Het antwoord van de kandidaat.")
    )
    answer_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestand bij het antwoord"),
        help_text=_("Niet verplicht. Een bestand dat de kandidaat met het antwoord stuurde."),
    )
    answered_at = models.DateTimeField(
        _("beantwoord op"), null=True, blank=True, help_text=_("Moment van het antwoord.")
    )

    class Meta:
        verbose_name = _("vraag aan de kandidaat")
        verbose_name_plural = _("vragen aan de kandidaat")
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"vraag {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.application_id and not self.organisation_id:
            self.organisation_id = self.application.organisation_id
        if self.application_id and not self.candidate_id:
            self.candidate_id = self.application.candidate_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class PendingApplication(models.Model):
    """An application made with an address that already belongs to a candidate.

    Nothing of it reaches that person's record (applications, experience, consents) until a
    link sent to the address is followed: then it is stored as a normal application. Unconfirmed
    rows expire and are removed, with their files, by ``applications.purge_pending``.
    """

    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="pending_applications",
        verbose_name=_("vacature"),
        help_text=_("Waarop gesolliciteerd is."),
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Kleine letters. Het adres dat nog bevestigd moet worden.")
    )
    token_hash = models.CharField(
        _("controlegetal van de link"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 van de bevestigingslink; de link zelf bewaren we niet."),
    )
    idempotency_key = models.UUIDField(
        _("formuliersleutel"),
        unique=True,
        help_text=_("Dezelfde sleutel krijgt de sollicitatie na bevestigen."),
    )
    channel = models.ForeignKey(
        "publishing.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kanaal"),
        help_text=_("Via welk kanaal de vacature gevonden is."),
    )
    data = models.JSONField(
        _("formulier"), default=dict, help_text=_("Wat het formulier verzamelde, zonder bestanden.")
    )
    files = models.JSONField(
        _("bestanden"),
        default=list,
        blank=True,
        help_text=_("Lijst van {soort, pad, controle}: de bestanden wachten in de privé-opslag."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van solliciteren.")
    )
    expires_at = models.DateTimeField(
        _("verloopt op"),
        db_index=True,
        help_text=_("Niet bevestigd voor dit moment: dan verwijderen we alles."),
    )

    class Meta:
        verbose_name = _("onbevestigde sollicitatie")
        verbose_name_plural = _("onbevestigde sollicitaties")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"onbevestigde sollicitatie {self.pk}"
