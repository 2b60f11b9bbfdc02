"""What a candidate's profile holds: education, languages, experience and skills."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    EducationLevel,
    EducationSource,
    LanguageEvidence,
    LanguageSkillChoice,
    MboPath,
    SkillSource,
)
from .candidate import CEFR_CHOICES, Candidate

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
