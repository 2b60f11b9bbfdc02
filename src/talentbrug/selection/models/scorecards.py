"""Scorecards and their scores, the anchor texts of the scale, grades of work samples."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    SCORE_MAX,
    SCORE_MIN,
    Recommendation,
)
from .fields import organisation_fk
from .pipeline import ApplicationProgress, Stage


class ScaleAnchor(models.Model):
    """The behavioural anchor text of one level of the 1–4 scale, per vacancy (editable)."""

    organisation = organisation_fk()
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

    organisation = organisation_fk()
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

    organisation = organisation_fk()
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
