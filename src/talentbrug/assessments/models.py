"""Group assessment days (groepsdagen), their grid scores, language-test results, and the
voluntary diversity form.

The diversity answers are stored apart from everything reviewers see: no page shows them per
person; :mod:`.fairness` only counts them, in groups of five or more.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.taxonomy.constants import CefrLevel, LanguageSkill

from .constants import (
    SCORE_MAX,
    SCORE_MIN,
    AgeGroup,
    BookingStatus,
    BornAbroad,
    Disability,
    Gender,
    Refugee,
)


def _organisation_fk() -> models.ForeignKey:
    return models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die de groepsdag houdt (automatisch)."),
    )


class AssessmentDay(models.Model):
    """A group assessment day: sessions with places, a location and observers."""

    organisation = _organisation_fk()
    title = models.CharField(
        _("titel"), max_length=200, help_text=_("Zoals 'Groepsdag servicedesk, 12 maart'.")
    )
    description = models.TextField(
        _("wat gebeurt er"),
        blank=True,
        help_text=_("Het programma in gewone woorden. De kandidaat leest dit."),
    )
    address_text = models.TextField(
        _("adres in gewone woorden"),
        help_text=_("Adres en hoe je er komt, zoals 'Ingang aan de achterkant, bel aan'."),
    )
    vacancies = models.ManyToManyField(
        "vacancies.Vacancy",
        related_name="assessment_days",
        verbose_name=_("vacatures"),
        help_text=_("Kandidaten van deze vacatures kunnen zich inschrijven."),
    )
    observers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="observed_assessment_days",
        blank=True,
        verbose_name=_("waarnemers"),
        help_text=_("Medewerkers die de kandidaten op de dag beoordelen."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
        help_text=_("Wie de groepsdag aanmaakte."),
    )
    created_at = models.DateTimeField(
        _("gemaakt op"), auto_now_add=True, help_text=_("Moment van aanmaken.")
    )

    class Meta:
        verbose_name = _("groepsdag")
        verbose_name_plural = _("groepsdagen")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    """One part of the day with a limited number of places."""

    organisation = _organisation_fk()
    day = models.ForeignKey(
        AssessmentDay,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("groepsdag"),
        help_text=_("De groepsdag van deze sessie."),
    )
    starts_at = models.DateTimeField(_("begint om"), help_text=_("Begintijd."))
    ends_at = models.DateTimeField(_("eindigt om"), help_text=_("Eindtijd."))
    capacity = models.PositiveSmallIntegerField(
        _("plaatsen"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Hoeveel kandidaten er in deze sessie kunnen."),
    )
    booked_count = models.PositiveSmallIntegerField(
        _("geboekt"),
        default=0,
        help_text=_("Aantal boekingen. Alleen services.py verandert dit, zonder overboeken."),
    )

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(booked_count__lte=models.F("capacity")),
                name="session_not_overbooked",
            )
        ]

    def __str__(self) -> str:
        return f"sessie {self.pk}"

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked_count)


class DayBooking(models.Model):
    """A candidate's place in a session (booked through the candidate portal)."""

    organisation = _organisation_fk()
    day = models.ForeignKey(
        AssessmentDay,
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("groepsdag"),
        help_text=_("De groepsdag."),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("sessie"),
        help_text=_("De gekozen sessie."),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie van de kandidaat."),
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
    reminder_sent_at = models.DateTimeField(
        _("herinnering verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de kandidaat de herinnering kreeg (één keer, 24 uur vooraf)."),
    )

    class Meta:
        verbose_name = _("inschrijving voor een groepsdag")
        verbose_name_plural = _("inschrijvingen voor groepsdagen")
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "application"],
                condition=models.Q(status="booked"),
                name="one_day_booking_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"inschrijving {self.pk}"


class ObserverReminder(models.Model):
    """An observer was reminded of a session, once, about 24 hours before it starts.

    The row is the claim: the periodic job creates it before the e-mail goes out, so a second
    run (or a parallel worker) finds the pair taken and sends nothing. Moving the session
    removes its rows, so the observer is reminded of the new time.
    """

    organisation = _organisation_fk()
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="observer_reminders",
        verbose_name=_("sessie"),
        help_text=_("De sessie waaraan de waarnemer is herinnerd."),
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("waarnemer"),
        help_text=_("Wie de herinnering kreeg."),
    )
    sent_at = models.DateTimeField(
        _("herinnering verstuurd op"),
        help_text=_("Wanneer de waarnemer de herinnering kreeg (één keer, 24 uur vooraf)."),
    )

    class Meta:
        verbose_name = _("herinnering voor een waarnemer")
        verbose_name_plural = _("herinneringen voor waarnemers")
        ordering = ["-sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "observer"], name="one_observer_reminder_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"herinnering {self.pk}"


class GridScore(models.Model):
    """One cell of the observer grid: observer × candidate × competence, on the 1–4 scale."""

    organisation = _organisation_fk()
    day = models.ForeignKey(
        AssessmentDay,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("groepsdag"),
        help_text=_("De groepsdag."),
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("waarnemer"),
        help_text=_("Wie de score gaf."),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Welke kandidaat."),
    )
    requirement = models.ForeignKey(
        "vacancies.Requirement",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("competentie"),
        help_text=_("De eis van de vacature (rij van het beoordelingsformulier)."),
    )
    value = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
        help_text=_("1 tot en met 4."),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste keer opgeslagen.")
    )

    class Meta:
        verbose_name = _("score op de groepsdag")
        verbose_name_plural = _("scores op de groepsdag")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=SCORE_MIN, value__lte=SCORE_MAX),
                name="grid_score_on_scale",
            ),
            models.UniqueConstraint(
                fields=["day", "observer", "application", "requirement"],
                name="one_grid_score_per_cell",
            ),
        ]

    def __str__(self) -> str:
        return str(self.value)


class GridSubmission(models.Model):
    """An observer is done with a candidate: the scores are final and others' become visible."""

    organisation = _organisation_fk()
    day = models.ForeignKey(
        AssessmentDay,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("groepsdag"),
        help_text=_("De groepsdag."),
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("waarnemer"),
        help_text=_("Wie indiende."),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Welke kandidaat."),
    )
    submitted_at = models.DateTimeField(
        _("ingediend op"), auto_now_add=True, help_text=_("Moment van indienen.")
    )

    class Meta:
        verbose_name = _("ingediende beoordeling op de groepsdag")
        verbose_name_plural = _("ingediende beoordelingen op de groepsdag")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "observer", "application"], name="one_grid_submission"
            )
        ]

    def __str__(self) -> str:
        return f"ingediend {self.pk}"


class LanguageTestResult(models.Model):
    """The result of a language test (such as a B2 test) for one skill."""

    organisation = _organisation_fk()
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Welke kandidaat de toets deed."),
    )
    skill = models.CharField(
        _("taalvaardigheid"),
        max_length=10,
        choices=LanguageSkill.choices,
        help_text=_("Lezen, luisteren, schrijven of spreken."),
    )
    level = models.CharField(
        _("niveau (ERK)"),
        max_length=2,
        choices=CefrLevel.choices,
        help_text=_("Het gemeten niveau, A1 tot en met C2."),
    )
    test_name = models.CharField(
        _("toets"),
        max_length=120,
        blank=True,
        help_text=_("Zoals 'B2-toets op de groepsdag'. Niet verplicht."),
    )
    taken_on = models.DateField(
        _("gedaan op"), null=True, blank=True, help_text=_("Datum van de toets. Niet verplicht.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
        help_text=_("Wie de uitslag invoerde."),
    )
    recorded_at = models.DateTimeField(
        _("vastgelegd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("uitslag van een taaltoets")
        verbose_name_plural = _("uitslagen van taaltoetsen")
        ordering = ["application", "skill"]
        constraints = [
            models.UniqueConstraint(fields=["application", "skill"], name="one_result_per_skill")
        ]

    def __str__(self) -> str:
        return f"{self.get_skill_display()} {self.level}"


class DiversitySetting(models.Model):
    """Whether the organisation asks the voluntary diversity questions (off by default)."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="diversity_setting",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie."),
    )
    enabled = models.BooleanField(
        _("diversiteitsvragen stellen"),
        default=False,
        help_text=_(
            "Kandidaten krijgen na het solliciteren een vrijwillige vragenlijst. "
            "De antwoorden zien we alleen als cijfers van groepen van 5 of meer."
        ),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
        help_text=_("Wie de instelling het laatst veranderde."),
    )
    changed_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("instelling diversiteitsvragen")
        verbose_name_plural = _("instellingen diversiteitsvragen")

    def __str__(self) -> str:
        return f"diversiteitsvragen {self.organisation_id}"


class DiversityResponse(models.Model):
    """Voluntary self-identification, apart from the application; never shown per person.

    Deleted with the application (the privacy service removes every row that points at an
    application when it anonymises one).
    """

    organisation = _organisation_fk()
    application = models.OneToOneField(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_("Bij welke sollicitatie de antwoorden horen (alleen voor de cijfers)."),
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        default=Gender.NOT_SAID,
        help_text=_("Vrijwillig."),
    )
    age_group = models.CharField(
        _("leeftijdsgroep"),
        max_length=10,
        choices=AgeGroup.choices,
        default=AgeGroup.NOT_SAID,
        help_text=_("Vrijwillig."),
    )
    born_abroad = models.CharField(
        _("geboren buiten Nederland"),
        max_length=10,
        choices=BornAbroad.choices,
        default=BornAbroad.NOT_SAID,
        help_text=_("Vrijwillig: de kandidaat of een ouder."),
    )
    refugee = models.CharField(
        _("statushouder"),
        max_length=10,
        choices=Refugee.choices,
        default=Refugee.NOT_SAID,
        help_text=_("Vrijwillig: gevlucht naar Nederland, met een verblijfsvergunning asiel."),
    )
    disability = models.CharField(
        _("arbeidsbeperking"),
        max_length=10,
        choices=Disability.choices,
        default=Disability.NOT_SAID,
        help_text=_("Vrijwillig."),
    )
    answered_at = models.DateTimeField(
        _("ingevuld op"), auto_now=True, help_text=_("Laatste keer ingevuld.")
    )

    class Meta:
        verbose_name = _("antwoorden diversiteitsvragen")
        verbose_name_plural = _("antwoorden diversiteitsvragen")

    def __str__(self) -> str:
        return f"antwoorden {self.pk}"
