"""Stored matches (for audit) and the structured work preferences matching needs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Direction, MatchSource


class WorkPreference(models.Model):
    """Where and from when a candidate wants to work: structured input for matching.

    The application form keeps availability as free text; matching needs regions and a date.
    """

    candidate = models.OneToOneField(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="work_preference",
        verbose_name=_("kandidaat"),
        help_text=_("Van wie deze voorkeuren zijn."),
    )
    regions = models.JSONField(
        _("regio's"),
        default=list,
        blank=True,
        help_text=_("Provincies of regio's waar de kandidaat wil werken. Leeg: onbekend."),
    )
    remote_ok = models.BooleanField(
        _("thuiswerken mag"), default=True, help_text=_("Wil ook (deels) thuis werken.")
    )
    available_from = models.DateField(
        _("beschikbaar vanaf"),
        null=True,
        blank=True,
        help_text=_("Vanaf welke dag de kandidaat kan beginnen. Leeg: direct."),
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("werkvoorkeur")
        verbose_name_plural = _("werkvoorkeuren")

    def __str__(self) -> str:
        return f"werkvoorkeur {self.pk}"


class Match(models.Model):
    """One computed match with its explanation, kept for audit (append-only in the app).

    Filed under an organisation only when that organisation's staff asked for the ranking (it is
    then computed on the rows that organisation may see). The list a candidate sees on their own
    page ("vacatures die bij je passen") is computed on the whole profile: it is kept without an
    organisation, as the candidate's record (see ``services.rank_vacancies``).
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_(
            "De organisatie die de lijst opvroeg. Leeg bij vacatures die de kandidaat zelf zag."
        ),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("vacature"),
        help_text=_("De vacature."),
    )
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("kandidaat"),
        help_text=_("De kandidaat."),
    )
    direction = models.CharField(
        _("richting"),
        max_length=20,
        choices=Direction.choices,
        help_text=_("Kandidaten gezocht voor een vacature, of vacatures voor een kandidaat."),
    )
    source = models.CharField(
        _("bron"),
        max_length=20,
        choices=MatchSource.choices,
        help_text=_("Sollicitant, talentpool of de kandidaat zelf."),
    )
    rank = models.PositiveIntegerField(
        _("plaats"), help_text=_("Plaats in de lijst (1 is de eerste).")
    )
    score = models.FloatField(_("score"), help_text=_("0 tot 1; hoger past beter."))
    explanation = models.JSONField(
        _("uitleg"),
        help_text=_("Welke eisen passen, deels passen of ontbreken, met gewichten en onderdelen."),
    )
    engine_version = models.CharField(
        _("versie van de rekenregels"),
        max_length=50,
        help_text=_("Welke rekenregels de score gaven."),
    )
    computed_at = models.DateTimeField(_("berekend op"), help_text=_("Moment van berekenen."))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("berekend door"),
        help_text=_("Leeg als de kandidaat of het systeem de lijst opvroeg."),
    )

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-computed_at", "rank"]
        indexes = [
            models.Index(fields=["vacancy", "computed_at"]),
            models.Index(fields=["candidate", "computed_at"]),
        ]
        constraints = [
            # A list computed on the whole profile never lands under an organisation, and a
            # staff ranking always does.
            models.CheckConstraint(
                condition=(
                    models.Q(direction=Direction.VACANCIES_FOR_CANDIDATE, organisation__isnull=True)
                    | (
                        ~models.Q(direction=Direction.VACANCIES_FOR_CANDIDATE)
                        & models.Q(organisation__isnull=False)
                    )
                ),
                name="match_organisation_only_for_staff_rankings",
            )
        ]

    def __str__(self) -> str:
        return f"match {self.pk}"
