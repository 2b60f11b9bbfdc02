"""The vacancy and its first-day arrangements."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from talentbrug.taxonomy.constants import NlqfLevel

from ..constants import (
    ApplyRoute,
    ContractType,
    RemoteOption,
    VacancyStatus,
    Vakgebied,
    WerkDenkniveau,
)
from .scales import SalaryScale


def default_apply_routes() -> list[str]:
    return [ApplyRoute.CV.value, ApplyRoute.NO_CV.value]


class FirstDayArrangements(models.Model):
    """Where, when and for whom the new colleague asks on the first day.

    Agreed in the vacancy and carried into the onboarding plan at hire (same fields on both).
    """

    first_day_place = models.CharField(
        _("waar op de eerste dag"),
        max_length=300,
        blank=True,
        help_text=_("Adres en ingang, in gewone woorden."),
    )
    first_day_time = models.CharField(
        _("hoe laat op de eerste dag"),
        max_length=60,
        blank=True,
        help_text=_("Bijvoorbeeld 9.00 uur."),
    )
    first_day_ask_for = models.CharField(
        _("naar wie vragen"),
        max_length=200,
        blank=True,
        help_text=_("Naar wie de nieuwe medewerker vraagt bij de ingang."),
    )

    class Meta:
        abstract = True


class Vacancy(FirstDayArrangements):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="vacancies",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die werft."),
    )
    team = models.CharField(_("team"), max_length=200, blank=True, help_text=_("Team of afdeling."))
    title = models.CharField(
        _("functienaam"),
        max_length=200,
        help_text=_("Sekseneutraal, zoals 'Servicedeskmedewerker'. Geen 'medewerkster'."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VacancyStatus.choices,
        default=VacancyStatus.CONCEPT,
        db_index=True,
        help_text=_("Waar de vacature staat in het proces."),
    )
    fgr_function_group = models.CharField(
        _("functiegroep (FGR)"),
        max_length=100,
        blank=True,
        help_text=_("Functiegroep uit het Functiegebouw Rijk, zoals 'Medewerker ICT-beheer II'."),
    )
    scale_min = models.PositiveSmallIntegerField(
        _("schaal van"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("Laagste salarisschaal (1–18)."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("schaal tot en met"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("Hoogste salarisschaal (1–18)."),
    )
    kwiv_profile = models.CharField(
        _("KWIV-profiel"),
        max_length=100,
        blank=True,
        help_text=_("Profiel uit het Kwaliteitsraamwerk Informatievoorziening (niet verplicht)."),
    )
    vakgebied = models.CharField(
        _("vakgebied"),
        max_length=10,
        choices=Vakgebied.choices,
        default=Vakgebied.ICT,
        help_text=_("Code voor Werken voor Nederland (CVG)."),
    )
    werk_denkniveau = models.CharField(
        _("werk- en denkniveau"),
        max_length=10,
        choices=WerkDenkniveau.choices,
        default=WerkDenkniveau.MBO,
        help_text=_("Code voor Werken voor Nederland (CWD)."),
    )
    equivalent_by_experience = models.BooleanField(
        _("of gelijkwaardig door ervaring"),
        default=True,
        help_text=_("Ervaring telt net zo zwaar als een diploma op dit niveau."),
    )
    min_education_level = models.CharField(
        _("minimaal opleidingsniveau"),
        max_length=3,
        choices=NlqfLevel.choices,
        blank=True,
        help_text=_("Niet verplicht. Altijd 'of vergelijkbare ervaring'."),
    )
    target_groups = models.JSONField(
        _("doelgroepen"),
        default=list,
        blank=True,
        help_text=_("Voor wie deze vacature vooral bedoeld is."),
    )
    contract_type = models.CharField(
        _("soort contract"),
        max_length=20,
        choices=ContractType.choices,
        default=ContractType.TEMPORARY,
        help_text=_("Vast, tijdelijk, BBL, stage, traineeship of leerwerktraject."),
    )
    hours_min = models.PositiveSmallIntegerField(
        _("uren per week, minimaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Bijvoorbeeld 24."),
    )
    hours_max = models.PositiveSmallIntegerField(
        _("uren per week, maximaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Bijvoorbeeld 36."),
    )
    location = models.CharField(
        _("plaats"), max_length=100, blank=True, help_text=_("Werkplaats, zoals Apeldoorn.")
    )
    region = models.CharField(
        _("regio"), max_length=50, blank=True, help_text=_("Provincie of regio, voor zoeken.")
    )
    remote_option = models.CharField(
        _("thuiswerken"),
        max_length=20,
        choices=RemoteOption.choices,
        default=RemoteOption.HYBRID,
        help_text=_("Hoeveel je thuis kunt werken."),
    )
    placement_date = models.DateField(
        _("plaatsingsdatum"),
        null=True,
        blank=True,
        help_text=_("Vanaf wanneer de vacature online staat."),
    )
    closing_date = models.DateField(
        _("sluitingsdatum"), null=True, blank=True, help_text=_("Laatste dag om te solliciteren.")
    )
    tasks_text = models.TextField(
        _("Dit ga je doen"), blank=True, help_text=_("Het werk, in gewone woorden.")
    )
    requirements_text = models.TextField(
        _("Dit vragen wij"),
        blank=True,
        help_text=_("Wat je moet kunnen. Eisen staan ook hieronder als competenties."),
    )
    offer_text = models.TextField(
        _("Dit bieden wij"), blank=True, help_text=_("Salaris, uren, verlof, opleiding.")
    )
    guidance_text = models.TextField(
        _("Begeleiding en inwerken"),
        blank=True,
        help_text=_("Tip: plan het inwerken nu al. Buddy, taalcoach, praktijkopleider."),
    )
    workplace_text = models.TextField(
        _("Hier kom je te werken"), blank=True, help_text=_("Het team en de organisatie.")
    )
    title_en = models.CharField(
        _("functienaam (Engels)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Niet verplicht. Met een Engelse titel toont de vacaturesite een Engelse versie."
        ),
    )
    tasks_text_en = models.TextField(
        _("Dit ga je doen (Engels)"), blank=True, help_text=_("Engelse versie, niet verplicht.")
    )
    requirements_text_en = models.TextField(
        _("Dit vragen wij (Engels)"), blank=True, help_text=_("Engelse versie, niet verplicht.")
    )
    offer_text_en = models.TextField(
        _("Dit bieden wij (Engels)"), blank=True, help_text=_("Engelse versie, niet verplicht.")
    )
    guidance_text_en = models.TextField(
        _("Begeleiding en inwerken (Engels)"),
        blank=True,
        help_text=_("Engelse versie, niet verplicht."),
    )
    workplace_text_en = models.TextField(
        _("Hier kom je te werken (Engels)"),
        blank=True,
        help_text=_("Engelse versie, niet verplicht."),
    )
    nt2_welcome = models.BooleanField(
        _("Nederlands als tweede taal welkom"),
        default=True,
        help_text=_("Toont: 'Is Nederlands niet je eerste taal? Dat is geen probleem.'"),
    )
    accommodations_offered = models.BooleanField(
        _("aanpassingen mogelijk"),
        default=True,
        help_text=_("Je helpt met aanpassingen, zoals bij dyslexie of een beperking."),
    )
    # --- Support promised in the vacancy; carried into the onboarding plan at hire ---------------
    onboarding_template = models.ForeignKey(
        "onboarding.OnboardingTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inwerksjabloon"),
        help_text=_(
            "Met dit sjabloon begint het inwerkplan. Leeg: het sjabloon past bij het soort contract."
        ),
    )
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_vacancies",
        verbose_name=_("leidinggevende"),
        help_text=_("De leidinggevende van de nieuwe collega. Die houdt het inwerkplan bij."),
    )
    offers_buddy = models.BooleanField(
        _("buddy"),
        default=False,
        help_text=_("Een collega die de weg wijst in de eerste maanden."),
    )
    offers_language_coach = models.BooleanField(
        _("taalcoach"),
        default=False,
        help_text=_("Hulp bij Nederlands op het werk, van een collega of een externe coach."),
    )
    offers_bbl_supervisor = models.BooleanField(
        _("praktijkopleider"),
        default=False,
        help_text=_("Een collega die de student begeleidt, bij BBL en stage."),
    )
    # Named (reserved) people for the promised support; carried into the plan at hire.
    buddy_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("buddy (gereserveerd)"),
        help_text=_("Wie de buddy wordt. Leeg: de inwerkcoördinator zoekt iemand."),
    )
    language_coach_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taalcoach (gereserveerd)"),
        help_text=_("Een collega die taalcoach wordt. Een taalcoach van buiten staat hieronder."),
    )
    # An external language coach (a language school, the Taalhuis, a volunteer): no account.
    language_coach_external_name = models.CharField(
        _("externe taalcoach: naam"),
        max_length=120,
        blank=True,
        help_text=_("Een taalcoach van buiten, zonder account in Talentbrug."),
    )
    language_coach_external_organisation = models.CharField(
        _("externe taalcoach: organisatie"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld de taalschool of het Taalhuis."),
    )
    language_coach_external_email = models.EmailField(
        _("externe taalcoach: e-mail"),
        blank=True,
        help_text=_("Hierheen gaan de herinneringen uit het inwerkplan."),
    )
    bbl_supervisor_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("praktijkopleider (gereserveerd)"),
        help_text=_(
            "Wie de student begeleidt. Bij een leerplek met een praktijkopleider geldt die van "
            "de leerplek."
        ),
    )
    contact_name = models.CharField(
        _("contactpersoon"),
        max_length=120,
        blank=True,
        help_text=_("Naam en functie van wie vragen beantwoordt."),
    )
    contact_email = models.EmailField(
        _("e-mail contactpersoon"), blank=True, help_text=_("Zakelijk e-mailadres.")
    )
    apply_routes = models.JSONField(
        _("manieren van solliciteren"),
        default=default_apply_routes,
        blank=True,
        help_text=_("Hoe kandidaten kunnen solliciteren."),
    )
    is_template = models.BooleanField(
        _("sjabloon"),
        default=False,
        help_text=_("Gebruik deze vacature als basis voor nieuwe vacatures."),
    )
    carved_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carved_roles",
        verbose_name=_("gesneden uit"),
        help_text=_("De vacature waaruit deze rol is gesneden (job carving)."),
    )
    carved_from_occupation = models.ForeignKey(
        "taxonomy.Occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gesneden uit beroep"),
        help_text=_("Het ESCO-beroep waaruit deze rol is gesneden."),
    )
    check_justification = models.TextField(
        _("onderbouwing bij blokkerende punten"),
        blank=True,
        help_text=_(
            "Waarom de vacature toch gepubliceerd mag worden. Wordt vastgelegd in het logboek."
        ),
    )
    check_justified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("onderbouwd door"),
        help_text=_("De HR-adviseur die de onderbouwing gaf."),
    )
    check_justified_at = models.DateTimeField(
        _("onderbouwd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de onderbouwing is gegeven."),
    )
    review_comment = models.TextField(
        _("opmerking van de beoordelaar"),
        blank=True,
        help_text=_("Waarom de vacature terug is gestuurd."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
        help_text=_("Wie de vacature aanmaakte."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingediend door"),
        help_text=_("Wie de vacature ter beoordeling aanbood."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van aanmaken.")
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )
    published_at = models.DateTimeField(
        _("gepubliceerd op"), null=True, blank=True, help_text=_("Moment van publiceren.")
    )

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("vacancies:detail", kwargs={"pk": self.pk})

    SECTION_FIELDS = (
        "tasks_text",
        "requirements_text",
        "offer_text",
        "guidance_text",
        "workplace_text",
    )

    @classmethod
    def _section_field(cls, name: str) -> models.Field[object, object]:
        """A text section's model field (``get_field`` also answers relations, which these are not)."""
        field = cls._meta.get_field(name)
        assert isinstance(field, models.Field)  # a concrete column, never a reverse relation
        return field

    def sections(self) -> list[tuple[str, str, str]]:
        """(field name, heading, html) for each section, in reading order."""
        return [
            (name, str(self._section_field(name).verbose_name), getattr(self, name))
            for name in self.SECTION_FIELDS
        ]

    def support_offered(self) -> dict[str, str]:
        """The support ticked on the vacancy, in plain words for candidates: {noun: what it is}."""
        offered = [
            (
                self.offers_buddy,
                gettext("een buddy"),
                gettext("Een buddy is een collega die je de weg wijst."),
            ),
            (
                self.offers_language_coach,
                gettext("een taalcoach"),
                gettext("Een taalcoach helpt je met Nederlands op het werk."),
            ),
            (
                self.offers_bbl_supervisor,
                gettext("een praktijkopleider"),
                gettext("Een praktijkopleider leert je het werk en houdt contact met je school."),
            ),
        ]
        return {noun: meaning for ticked, noun, meaning in offered if ticked}

    def support_sentence(self) -> str:
        """'Je krijgt een buddy en een taalcoach.' — empty when nothing was ticked."""
        nouns = list(self.support_offered())
        if not nouns:
            return ""
        listing = nouns[0]
        if len(nouns) > 1:
            listing = gettext("%(first)s en %(last)s") % {
                "first": ", ".join(nouns[:-1]),
                "last": nouns[-1],
            }
        return gettext("Je krijgt %(support)s.") % {"support": listing}

    ENGLISH_SECTION_HEADINGS = {
        "tasks_text": "What you will do",
        "requirements_text": "What we ask",
        "offer_text": "What we offer",
        "guidance_text": "Guidance and onboarding",
        "workplace_text": "Where you will work",
    }

    @property
    def has_english(self) -> bool:
        return bool(self.title_en.strip())

    def public_version(self, language: str | None) -> tuple[str, str, list[tuple[str, str, str]]]:
        """(language code, title, sections) for the careers site: English when asked and written."""
        if (language or "")[:2] == "en" and self.has_english:
            sections = [
                (name, self.ENGLISH_SECTION_HEADINGS[name], getattr(self, f"{name}_en"))
                for name in self.SECTION_FIELDS
            ]
            return "en", self.title_en, sections
        return "nl", self.title, self.sections()

    def salary_range(self) -> tuple[Decimal, Decimal] | None:
        """(minimum, maximum) monthly amounts from the newest salary table, if known."""
        if not self.scale_min:
            return None
        scale_max = self.scale_max or self.scale_min
        rows = SalaryScale.objects.filter(scale__in=[self.scale_min, scale_max]).order_by("-year")
        latest = rows.first()
        if latest is None:
            return None
        by_scale = {row.scale: row for row in rows.filter(year=latest.year)}
        low, high = by_scale.get(self.scale_min), by_scale.get(scale_max)
        if low is None or high is None:
            return None
        return (low.minimum, high.maximum)
