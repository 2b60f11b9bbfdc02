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


class TextVector(models.Model):
    """The meaning of one text a candidate wrote (a CV, a motivation, an answer) as an e5
    vector, so ranking can weigh how much the text resembles a vacancy (issue #20) without
    running the model in a request. Computed after the extraction task read the text; derived
    from the candidate's own text, so it goes with the candidate (erasure deletes it). Scoped
    like the skills found in the same text: ``application`` empty = the candidate's own page."""

    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="text_vectors",
        verbose_name=_("kandidaat"),
        help_text=_("Wiens tekst dit is."),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sollicitatie"),
        help_text=_(
            "De sollicitatie waarbij de tekst is gegeven; leeg: van de eigen pagina van de "
            "kandidaat."
        ),
    )
    text_hash = models.CharField(
        _("kenmerk van de tekst"),
        max_length=64,
        help_text=_("SHA-256 van de tekst: dezelfde tekst wordt niet twee keer berekend."),
    )
    model_name = models.CharField(
        _("model"), max_length=100, help_text=_("Het taalmodel dat de vector berekende.")
    )
    vector = models.BinaryField(
        _("vector"), help_text=_("De genormaliseerde e5-vector als float16-bytes.")
    )
    ict_margin = models.FloatField(
        _("ICT-marge"),
        default=0.0,
        help_text=_(
            "Hoeveel dichter de tekst bij ICT-vaardigheden ligt dan bij werk buiten de ICT "
            "(negatief: de tekst beschrijft vooral ander werk)."
        ),
    )
    created_at = models.DateTimeField(
        _("berekend op"), auto_now_add=True, help_text=_("Wanneer de vector is berekend.")
    )

    class Meta:
        verbose_name = _("tekstvector")
        verbose_name_plural = _("tekstvectoren")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "text_hash"], name="matches_textvector_once_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id}:{self.text_hash[:8]}"


class VacancyVector(models.Model):
    """The meaning of a vacancy's text (title, tasks, requirements, without HTML) as an e5 query
    vector, for the text part of the ranking both ways (issue #20). Computed in a task after
    the vacancy is saved (``matches.tasks.compute_vacancy_vector``) or by ``manage.py
    build_text_vectors``, never in a request. Used only while ``text_hash`` is the hash of the
    vacancy's current text. Not personal data: it goes with the vacancy."""

    vacancy = models.OneToOneField(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="text_vector",
        verbose_name=_("vacature"),
        help_text=_("Van welke vacature de tekst is."),
    )
    text_hash = models.CharField(
        _("kenmerk van de tekst"),
        max_length=64,
        help_text=_(
            "SHA-256 van de vacaturetekst waarvan de vector is berekend: past die niet meer bij "
            "de huidige tekst, dan wordt de vector niet gebruikt."
        ),
    )
    model_name = models.CharField(
        _("model"), max_length=100, help_text=_("Het taalmodel dat de vector berekende.")
    )
    vector = models.BinaryField(
        _("vector"), help_text=_("De genormaliseerde e5-vector als float16-bytes.")
    )
    computed_at = models.DateTimeField(
        _("berekend op"), help_text=_("Wanneer de vector is berekend.")
    )

    class Meta:
        verbose_name = _("vacaturetekstvector")
        verbose_name_plural = _("vacaturetekstvectoren")

    def __str__(self) -> str:
        return f"{self.vacancy_id}:{self.text_hash[:8]}"
