"""The candidate: a person, independent of organisations."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    CANDIDATE_LANGUAGES,
    RightToWork,
)

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
