"""ESCO skills and occupations in the database, for pickers, job carving and matching.

Filled from the compact files in ``taxonomy/data`` (``manage.py load_taxonomy``) or from an
official ESCO CSV download (``manage.py import_esco PATH``).
This service uses the ESCO classification of the European Commission.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .constants import SkillKind, SkillRelation

ESCO_SKILL_URI = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION_URI = "http://data.europa.eu/esco/occupation/"


class Skill(models.Model):
    esco_id = models.CharField(
        _("ESCO-id"), max_length=36, unique=True, help_text=_("UUID van de vaardigheid in ESCO.")
    )
    label_nl = models.CharField(
        _("naam (nl)"), max_length=300, blank=True, help_text=_("Nederlandse voorkeursnaam.")
    )
    label_en = models.CharField(
        _("naam (en)"), max_length=300, help_text=_("Engelse voorkeursnaam.")
    )
    alt_labels = models.TextField(
        _("andere namen"), blank=True, help_text=_("Andere namen (nl en en), één per regel.")
    )
    kind = models.CharField(
        _("soort"),
        max_length=12,
        choices=SkillKind.choices,
        blank=True,
        help_text=_("Kennis of vaardigheid."),
    )
    collections = models.CharField(
        _("collecties"),
        max_length=100,
        blank=True,
        help_text=_("ESCO-collecties, zoals digital, transversal, language."),
    )
    broader_ids = models.JSONField(
        _("bredere vaardigheden"),
        default=list,
        blank=True,
        help_text=_("ESCO-ids van bredere vaardigheden of groepen."),
    )
    search_text = models.TextField(
        _("zoektekst"), blank=True, help_text=_("Alle namen in kleine letters, om te zoeken.")
    )

    class Meta:
        verbose_name = _("vaardigheid (ESCO)")
        verbose_name_plural = _("vaardigheden (ESCO)")
        ordering = ["label_nl", "label_en"]

    def __str__(self) -> str:
        return self.label()

    @property
    def uri(self) -> str:
        return ESCO_SKILL_URI + self.esco_id

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "nl")[:2]
        if language == "nl" and self.label_nl:
            return self.label_nl
        return self.label_en or self.label_nl


class Occupation(models.Model):
    esco_id = models.CharField(
        _("ESCO-id"), max_length=36, unique=True, help_text=_("UUID van het beroep in ESCO.")
    )
    isco_code = models.CharField(
        _("ISCO-code"),
        max_length=8,
        blank=True,
        db_index=True,
        help_text=_("Beroepsgroep volgens ISCO-08."),
    )
    label_nl = models.CharField(
        _("naam (nl)"), max_length=300, blank=True, help_text=_("Nederlandse naam.")
    )
    label_en = models.CharField(_("naam (en)"), max_length=300, help_text=_("Engelse naam."))
    alt_labels = models.TextField(
        _("andere namen"), blank=True, help_text=_("Andere namen (nl en en), één per regel.")
    )
    is_ict = models.BooleanField(
        _("ICT-beroep"), default=False, help_text=_("Hoort bij de ICT-beroepen die we meeleveren.")
    )
    search_text = models.TextField(
        _("zoektekst"), blank=True, help_text=_("Alle namen in kleine letters, om te zoeken.")
    )
    skills = models.ManyToManyField(
        Skill,
        through="OccupationSkill",
        related_name="occupations",
        verbose_name=_("vaardigheden"),
        help_text=_("Vaardigheden die bij dit beroep horen."),
    )

    class Meta:
        verbose_name = _("beroep (ESCO)")
        verbose_name_plural = _("beroepen (ESCO)")
        ordering = ["label_nl", "label_en"]

    def __str__(self) -> str:
        return self.label()

    @property
    def uri(self) -> str:
        return ESCO_OCCUPATION_URI + self.esco_id

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "nl")[:2]
        if language == "nl" and self.label_nl:
            return self.label_nl
        return self.label_en or self.label_nl


class OccupationSkill(models.Model):
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.CASCADE,
        related_name="skill_links",
        verbose_name=_("beroep"),
        help_text=_("Het beroep."),
    )
    skill = models.ForeignKey(
        Skill,
        on_delete=models.CASCADE,
        related_name="occupation_links",
        verbose_name=_("vaardigheid"),
        help_text=_("De vaardigheid."),
    )
    relation = models.CharField(
        _("relatie"),
        max_length=10,
        choices=SkillRelation.choices,
        help_text=_("Essentieel of optioneel voor dit beroep."),
    )

    class Meta:
        verbose_name = _("vaardigheid bij beroep")
        verbose_name_plural = _("vaardigheden bij beroepen")
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="unique_occupation_skill")
        ]

    def __str__(self) -> str:
        return f"{self.occupation} – {self.skill} ({self.relation})"
