"""Cohorts with rotations, BBL places and internships, school partners and learn-work tracks."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    ENDING_SOON_DAYS,
    AssignmentStatus,
    CohortKind,
    Level,
    PlacementKind,
    PlacementState,
)


class SchoolPartner(models.Model):
    """A school (usually an ROC) that the organisation works with."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="school_partners",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die met deze school samenwerkt."),
    )
    name = models.CharField(
        _("naam school"), max_length=200, help_text=_("Bijvoorbeeld ROC Rijnland.")
    )
    region = models.CharField(
        _("regio"), max_length=100, blank=True, help_text=_("Plaats of regio.")
    )
    contact_name = models.CharField(
        _("contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Vaste contactpersoon op school."),
    )
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True, help_text="")
    contact_phone = models.CharField(
        _("telefoon contactpersoon"), max_length=40, blank=True, help_text=""
    )
    programmes_offered = models.TextField(
        _("opleidingen"),
        blank=True,
        help_text=_("Opleidingen van de school die bij ons passen, één per regel (met crebo)."),
    )
    website = models.URLField(_("website"), blank=True, help_text="")
    created_at = models.DateTimeField(auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("schoolpartner")
        verbose_name_plural = _("schoolpartners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_school_partner")
        ]

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    """A lichting or traineegroep: people who start together. May be rijksbreed."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die de groep organiseert."),
    )
    participating_organisations = models.ManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="participating_cohorts",
        verbose_name=_("deelnemende organisaties"),
        help_text=_("Andere organisaties met deelnemers (rijksbreed traineeship)."),
    )
    name = models.CharField(_("naam"), max_length=120, help_text=_("Bijvoorbeeld Lichting 2026-1."))
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=CohortKind.choices,
        default=CohortKind.TRAINEE,
        help_text="",
    )
    starts_on = models.DateField(_("start"), help_text=_("Eerste dag van de groep."))
    ends_on = models.DateField(_("einde"), help_text=_("Laatste dag van het programma."))
    capacity = models.PositiveSmallIntegerField(
        _("plaatsen"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Hoeveel mensen er in de groep passen."),
    )
    description = models.TextField(_("omschrijving"), blank=True, help_text="")
    members = models.ManyToManyField(
        "onboarding.OnboardingPlan",
        blank=True,
        related_name="cohorts",
        verbose_name=_("deelnemers"),
        help_text=_("De inwerkplannen van de deelnemers."),
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("lichting")
        verbose_name_plural = _("lichtingen")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_rijksbreed(self) -> bool:
        return self.participating_organisations.exists()


class Rotation(models.Model):
    """A period in which a trainee works in one team."""

    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.CASCADE,
        related_name="rotations",
        verbose_name=_("lichting"),
        help_text="",
    )
    plan = models.ForeignKey(
        "onboarding.OnboardingPlan",
        on_delete=models.CASCADE,
        related_name="rotations",
        verbose_name=_("deelnemer"),
        help_text="",
    )
    team = models.CharField(
        _("team"), max_length=200, help_text=_("Team waar de trainee meedraait.")
    )
    starts_on = models.DateField(_("van"), help_text="")
    ends_on = models.DateField(_("tot en met"), help_text="")
    supervisor_name = models.CharField(
        _("begeleider in het team"), max_length=200, blank=True, help_text=""
    )

    class Meta:
        verbose_name = _("rotatie")
        verbose_name_plural = _("rotaties")
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Placement(models.Model):
    """A BBL place or an internship (BOL) in a team, with school, crebo, level and agreement."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="placements",
        verbose_name=_("organisatie"),
        help_text="",
    )
    kind = models.CharField(_("soort"), max_length=10, choices=PlacementKind.choices, help_text="")
    team = models.CharField(_("team"), max_length=200, help_text=_("Waar de student werkt."))
    school = models.ForeignKey(
        SchoolPartner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("school"),
        help_text="",
    )
    programme_name = models.CharField(
        _("opleiding"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld Expert IT systems and devices."),
    )
    crebo_code = models.CharField(
        _("crebo"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Een crebonummer heeft vijf cijfers."))],
        help_text=_("Het crebonummer van de opleiding: vijf cijfers."),
    )
    level = models.PositiveSmallIntegerField(
        _("niveau"), choices=Level.choices, null=True, blank=True, help_text=_("Mbo-niveau.")
    )
    school_days = models.CharField(
        _("schooldag(en)"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: dinsdag.")
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised_placements",
        verbose_name=_("praktijkopleider"),
        help_text=_("De collega die de student begeleidt."),
    )
    available_from = models.DateField(_("beschikbaar vanaf"), help_text="")
    pok_start = models.DateField(
        _("praktijkovereenkomst van"), null=True, blank=True, help_text=_("Begin van de POK.")
    )
    pok_end = models.DateField(
        _("praktijkovereenkomst tot"), null=True, blank=True, help_text=_("Einde van de POK.")
    )
    filled_by = models.ForeignKey(
        "onboarding.OnboardingPlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("bezet door"),
        help_text=_("Het inwerkplan van de student op deze plek."),
    )
    school_contact_name = models.CharField(
        _("contact op school"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de stagebegeleider."),
    )
    school_contact_email = models.EmailField(
        _("e-mail contact op school"), blank=True, help_text=""
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("vacature"),
        help_text=_("De vacature om deze plek te vullen."),
    )
    notes = models.TextField(_("notities"), blank=True, help_text="")

    class Meta:
        verbose_name = _("leerplek")
        verbose_name_plural = _("leerplekken")
        ordering = ["kind", "team", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.team}"

    def state(self, today: date) -> str:
        if self.filled_by_id:
            if self.pok_end and self.pok_end <= today + timedelta(days=ENDING_SOON_DAYS):
                return PlacementState.ENDING
            return PlacementState.FILLED
        if self.available_from > today:
            return PlacementState.LATER
        return PlacementState.OPEN


class SchoolEvaluation(models.Model):
    """An evaluation moment with the school about a placement."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="evaluations", help_text=""
    )
    planned_on = models.DateField(_("gepland op"), help_text="")
    done = models.BooleanField(_("gehouden"), default=False, help_text="")
    notes = models.TextField(_("afspraken"), blank=True, help_text="")

    class Meta:
        verbose_name = _("evaluatie met school")
        verbose_name_plural = _("evaluaties met school")
        ordering = ["planned_on"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class SchoolAssignment(models.Model):
    """A real assignment from the organisation for a class of the school."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", help_text=""
    )
    school = models.ForeignKey(
        SchoolPartner, on_delete=models.CASCADE, related_name="assignments", help_text=""
    )
    title = models.CharField(_("opdracht"), max_length=200, help_text=_("Kort en concreet."))
    description = models.TextField(_("omschrijving"), blank=True, help_text="")
    class_group = models.CharField(
        _("klas of opleiding"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld ICT niveau 4, jaar 2."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PROPOSED,
        help_text="",
    )
    starts_on = models.DateField(_("start"), null=True, blank=True, help_text="")
    created_at = models.DateTimeField(auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("opdracht voor school")
        verbose_name_plural = _("opdrachten voor scholen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class LearnWorkTrack(models.Model):
    """A learn-work track: work with language training, a job coach and the municipality."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", help_text=""
    )
    plan = models.OneToOneField(
        "onboarding.OnboardingPlan",
        on_delete=models.CASCADE,
        related_name="learn_work_track",
        verbose_name=_("inwerkplan"),
        help_text="",
    )
    job_coach_name = models.CharField(_("jobcoach"), max_length=200, blank=True, help_text="")
    job_coach_email = models.EmailField(_("e-mail jobcoach"), blank=True, help_text="")
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True, help_text="")
    municipality_contact_name = models.CharField(
        _("contactpersoon gemeente"), max_length=200, blank=True, help_text=""
    )
    municipality_contact_email = models.EmailField(_("e-mail gemeente"), blank=True, help_text="")
    language_hours_per_week = models.DecimalField(
        _("uren taaltraining per week"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(40)],
        help_text=_("Uren onder werktijd."),
    )
    starts_on = models.DateField(_("start"), help_text="")
    ends_on = models.DateField(_("einde"), null=True, blank=True, help_text="")
    notes = models.TextField(_("afspraken"), blank=True, help_text="")

    class Meta:
        verbose_name = _("leerwerktraject")
        verbose_name_plural = _("leerwerktrajecten")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
