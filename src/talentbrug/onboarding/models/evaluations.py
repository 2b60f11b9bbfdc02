"""Evaluations at 3 and 6 months, the new hire's self-review, and development goals."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import EvaluationMoment, EvaluationOutcome, GoalStatus
from .plans import OnboardingPlan


class Evaluation(models.Model):
    """The evaluation after 3 or 6 months, written by the manager."""

    plan = models.ForeignKey(
        OnboardingPlan, on_delete=models.CASCADE, related_name="evaluations", help_text=""
    )
    moment = models.CharField(
        _("moment"), max_length=2, choices=EvaluationMoment.choices, help_text=""
    )
    went_well = models.TextField(_("wat gaat goed"), help_text="")
    to_improve = models.TextField(_("wat kan beter"), blank=True, help_text="")
    new_hire_view = models.TextField(_("wat zegt de medewerker zelf"), blank=True, help_text="")
    outcome = models.CharField(
        _("afspraak"), max_length=20, choices=EvaluationOutcome.choices, help_text=""
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="",
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="")

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            models.UniqueConstraint(fields=["plan", "moment"], name="unique_evaluation_moment")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class EvaluationSelfReview(models.Model):
    """The new hire's own part of the evaluation after 3 or 6 months, filled in the portal.

    Same themes as the manager's evaluation (what goes well, what can be better) plus what the
    new hire still wants to learn. Editable until the evaluation meeting is marked done.
    """

    plan = models.ForeignKey(
        OnboardingPlan,
        on_delete=models.CASCADE,
        related_name="self_reviews",
        verbose_name=_("inwerkplan"),
        help_text="",
    )
    moment = models.CharField(
        _("moment"),
        max_length=2,
        choices=EvaluationMoment.choices,
        help_text=_("Na 3 of na 6 maanden."),
    )
    went_well = models.TextField(
        _("wat gaat goed"), help_text=_("Door de nieuwe medewerker zelf ingevuld.")
    )
    to_improve = models.TextField(
        _("wat kan beter"), blank=True, help_text=_("Door de nieuwe medewerker zelf ingevuld.")
    )
    wants_to_learn = models.TextField(
        _("wat wil je nog leren"),
        blank=True,
        help_text=_("Door de nieuwe medewerker zelf ingevuld."),
    )
    submitted_at = models.DateTimeField(_("eerst ingevuld op"), auto_now_add=True, help_text="")
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True, help_text="")

    class Meta:
        verbose_name = _("eigen deel evaluatie")
        verbose_name_plural = _("eigen delen evaluatie")
        constraints = [
            models.UniqueConstraint(fields=["plan", "moment"], name="unique_self_review_moment")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class DevelopmentGoal(models.Model):
    """A development goal with progress."""

    plan = models.ForeignKey(
        OnboardingPlan, on_delete=models.CASCADE, related_name="goals", help_text=""
    )
    title = models.CharField(_("doel"), max_length=200, help_text=_("Wat wil je kunnen?"))
    progress = models.PositiveSmallIntegerField(
        _("voortgang"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Percentage, van 0 tot 100."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GoalStatus.choices,
        default=GoalStatus.OPEN,
        help_text="",
    )
    target_date = models.DateField(_("streefdatum"), null=True, blank=True, help_text="")

    class Meta:
        verbose_name = _("ontwikkeldoel")
        verbose_name_plural = _("ontwikkeldoelen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
