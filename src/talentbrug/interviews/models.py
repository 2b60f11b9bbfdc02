"""Interviews: slots proposed by staff, one chosen by the candidate in the portal.

An :class:`Interview` belongs to one application and has one or more interviewers (staff of
the organisation). Being an interviewer is what gives an assessor access to the candidate
(see :mod:`talentbrug.selection.assignment`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import DEFAULT_DURATION, MAX_DURATION, MIN_DURATION, InterviewStatus


class Interview(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="interviews",
        verbose_name=_("sollicitatie"),
        help_text=_("Met wie het gesprek is."),
    )
    stage = models.ForeignKey(
        "selection.Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fase"),
        help_text=_("De fase waarin het gesprek gepland is (nooit een anonieme fase)."),
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="interviews",
        verbose_name=_("interviewers"),
        help_text=_("Medewerkers van de organisatie die het gesprek voeren."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"),
        default=DEFAULT_DURATION,
        validators=[MinValueValidator(MIN_DURATION), MaxValueValidator(MAX_DURATION)],
        help_text=_("Hoe lang het gesprek duurt: 15 tot en met 240 minuten."),
    )
    location = models.TextField(
        _("plaats of videolink"),
        max_length=500,
        help_text=_(
            "In gewone woorden: het adres en waar je je meldt, of de link naar het videogesprek."
        ),
    )
    message = models.TextField(
        _("bericht voor de kandidaat"),
        blank=True,
        max_length=1000,
        help_text=_("Niet verplicht. Bijvoorbeeld: wat de kandidaat kan meenemen."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InterviewStatus.choices,
        default=InterviewStatus.PROPOSED,
        db_index=True,
        help_text=_("Voorgesteld (kandidaat kiest), gepland of geannuleerd."),
    )
    chosen_slot = models.OneToOneField(
        "InterviewSlot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gekozen tijd"),
        help_text=_("De tijd die de kandidaat koos."),
    )
    sequence = models.PositiveIntegerField(
        _("versie in de agenda"),
        default=0,
        help_text=_("Wordt hoger bij elke wijziging, zodat agenda's de uitnodiging bijwerken."),
    )
    reminder_sent_at = models.DateTimeField(
        _("herinnering verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Eén herinnering, 24 uur van tevoren."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepland door"),
        help_text=_("Wie het gesprek voorstelde."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van het voorstel.")
    )
    updated_at = models.DateTimeField(
        _("gewijzigd op"), auto_now=True, help_text=_("Laatste wijziging.")
    )

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"gesprek {self.pk}"

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    @property
    def starts_at(self) -> datetime | None:
        return self.chosen_slot.starts_at if self.chosen_slot else None

    @property
    def ends_at(self) -> datetime | None:
        return self.chosen_slot.starts_at + self.duration if self.chosen_slot else None


class InterviewSlot(models.Model):
    """One proposed start time; the candidate chooses one of an interview's open slots."""

    interview = models.ForeignKey(
        Interview,
        on_delete=models.CASCADE,
        related_name="slots",
        verbose_name=_("gesprek"),
        help_text=_("Bij welk gesprek deze tijd hoort."),
    )
    starts_at = models.DateTimeField(_("begint om"), help_text=_("Datum en begintijd."))
    is_open = models.BooleanField(
        _("kan gekozen worden"),
        default=True,
        help_text=_("Uit na verzetten: dan gelden alleen de nieuwe tijden."),
    )

    class Meta:
        verbose_name = _("voorgestelde tijd")
        verbose_name_plural = _("voorgestelde tijden")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "starts_at"],
                condition=models.Q(is_open=True),
                name="interview_slot_unique_open_time",
            )
        ]

    def __str__(self) -> str:
        return f"tijd {self.pk}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + self.interview.duration
