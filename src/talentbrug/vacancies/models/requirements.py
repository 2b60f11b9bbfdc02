"""A vacancy's requirements: competences with evidence, and languages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.taxonomy.constants import CefrLevel, LanguageSkill

from ..constants import (
    Evidence,
    LanguageTiming,
    RequirementKind,
)
from .vacancy import Vacancy


class Requirement(models.Model):
    """A competence: an ESCO skill or a free competence, must-have at start or learnable."""

    vacancy = models.ForeignKey(
        Vacancy,
        on_delete=models.CASCADE,
        related_name="requirements",
        verbose_name=_("vacature"),
        help_text=_("De vacature."),
    )
    skill = models.ForeignKey(
        "taxonomy.Skill",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vaardigheid (ESCO)"),
        help_text=_("Kies uit ESCO, of vul hieronder een eigen competentie in."),
    )
    free_text = models.CharField(
        _("eigen competentie"),
        max_length=200,
        blank=True,
        help_text=_("Als de competentie niet in ESCO staat."),
    )
    kind = models.CharField(
        _("soort eis"),
        max_length=12,
        choices=RequirementKind.choices,
        default=RequirementKind.MUST_HAVE,
        help_text=_(
            "Moet je het al kunnen, of leer je het bij ons? 'Leer je bij ons' is nooit een knock-out."
        ),
    )
    evidence = models.JSONField(
        _("bewijs"),
        default=list,
        blank=True,
        help_text=_(
            "Hoe iemand laat zien dat hij dit kan: ervaring, opdracht, test, diploma, certificaat."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in de lijst.")
    )

    class Meta:
        verbose_name = _("eis")
        verbose_name_plural = _("eisen")
        ordering = ["kind", "position", "pk"]

    def __str__(self) -> str:
        return self.label

    def evidence_labels(self) -> list[str]:
        """The kinds of evidence in words (the stored values are codes)."""
        labels = dict(Evidence.choices)
        return [str(labels.get(code, code)) for code in self.evidence or []]

    @property
    def label(self) -> str:
        return self.skill.label() if self.skill_id and self.skill else self.free_text


class LanguageRequirement(models.Model):
    """Language × skill × CEFR level, needed at start or reachable with a language coach."""

    vacancy = models.ForeignKey(
        Vacancy,
        on_delete=models.CASCADE,
        related_name="language_requirements",
        verbose_name=_("vacature"),
        help_text=_("De vacature."),
    )
    language = models.CharField(
        _("taal"),
        max_length=5,
        default="nl",
        choices=[("nl", _("Nederlands")), ("en", _("Engels"))],
        help_text=_("Welke taal."),
    )
    skill = models.CharField(
        _("taalvaardigheid"),
        max_length=10,
        choices=LanguageSkill.choices,
        help_text=_("Lezen, luisteren, schrijven of spreken."),
    )
    level = models.CharField(
        _("niveau (ERK)"), max_length=2, choices=CefrLevel.choices, help_text=_("A1 tot en met C2.")
    )
    timing = models.CharField(
        _("wanneer"),
        max_length=12,
        choices=LanguageTiming.choices,
        default=LanguageTiming.WITH_COACH,
        help_text=_("Nodig bij de start, of haalbaar met een taalcoach."),
    )
    justification = models.TextField(
        _("onderbouwing"),
        blank=True,
        help_text=_("Verplicht boven B1: waarom vraagt het werk dit niveau?"),
    )

    class Meta:
        verbose_name = _("taaleis")
        verbose_name_plural = _("taaleisen")
        ordering = ["language", "skill"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "language", "skill"], name="unique_language_skill"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_language_display()} {self.get_skill_display()} {self.level}"
