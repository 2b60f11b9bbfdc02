"""The new hire's built-in forms: intake, weekly check-ins, surprises, the obstacle survey."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import EvaluationMoment
from .plans import OnboardingPlan


class Intake(models.Model):
    """The intake: expectations both ways, what the new hire wants to learn and needs."""

    plan = models.OneToOneField(
        OnboardingPlan, on_delete=models.CASCADE, related_name="intake", help_text=""
    )
    expectations = models.TextField(
        _("wat verwacht je van ons"), blank=True, help_text=_("Door de nieuwe medewerker.")
    )
    wants_to_learn = models.TextField(_("wat wil je leren"), blank=True, help_text="")
    needs = models.JSONField(
        _("wat heb je nodig"), default=list, blank=True, help_text=_("Gekozen ondersteuning.")
    )
    needs_other = models.TextField(_("toelichting"), blank=True, help_text="")
    hours_wish = models.CharField(_("werktijden en uren"), max_length=200, blank=True, help_text="")
    submitted_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True, help_text="")
    manager_expectations = models.TextField(
        _("wat wij verwachten"), blank=True, help_text=_("Door de leidinggevende.")
    )
    manager_updated_at = models.DateTimeField(null=True, blank=True, help_text="")

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class CheckIn(models.Model):
    """A weekly check-in: three short questions and a mood from 1 to 5. One per week."""

    plan = models.ForeignKey(
        OnboardingPlan, on_delete=models.CASCADE, related_name="checkins", help_text=""
    )
    week_start = models.DateField(_("week"), help_text=_("Maandag van de week."))
    mood = models.PositiveSmallIntegerField(
        _("hoe gaat het"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = heel slecht, 5 = heel goed."),
    )
    went_well = models.TextField(_("wat ging goed"), blank=True, help_text="")
    was_hard = models.TextField(_("wat was lastig"), blank=True, help_text="")
    needs_help = models.TextField(_("wat heb je nodig"), blank=True, help_text="")
    submitted_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "week_start"], name="one_checkin_per_week")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Surprise(models.Model):
    """One of the 'tien verbazingen': something that surprised the new hire."""

    plan = models.ForeignKey(
        OnboardingPlan, on_delete=models.CASCADE, related_name="surprises", help_text=""
    )
    position = models.PositiveSmallIntegerField(
        _("nummer"), validators=[MinValueValidator(1), MaxValueValidator(10)], help_text=""
    )
    text = models.TextField(_("verbazing"), max_length=1000, help_text="")
    theme = models.CharField(
        _("thema"), max_length=40, blank=True, help_text=_("Automatisch gekozen thema.")
    )
    submitted_at = models.DateTimeField(auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("verbazing")
        verbose_name_plural = _("verbazingen")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="unique_surprise_position")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ObstacleSurvey(models.Model):
    """The short, optional questionnaire at 3 and 6 months: what made the start hard?

    Only counted in groups of 5 or more (Insights); nobody reads one person's answers.
    """

    plan = models.ForeignKey(
        OnboardingPlan,
        on_delete=models.CASCADE,
        related_name="obstacle_surveys",
        verbose_name=_("inwerkplan"),
        help_text=_("Van wie de antwoorden zijn."),
    )
    moment = models.CharField(
        _("moment"),
        max_length=2,
        choices=EvaluationMoment.choices,
        help_text=_("Na 3 of na 6 maanden."),
    )
    obstacles = models.JSONField(
        _("wat was lastig"),
        default=list,
        blank=True,
        help_text=_("Begeleiding, taal en/of cultuur. Leeg: niets hiervan."),
    )
    submitted_at = models.DateTimeField(
        _("ingevuld op"), auto_now=True, help_text=_("Laatste keer ingevuld.")
    )

    class Meta:
        verbose_name = _("vragenlijst over obstakels")
        verbose_name_plural = _("vragenlijsten over obstakels")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "moment"], name="one_obstacle_survey_per_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
