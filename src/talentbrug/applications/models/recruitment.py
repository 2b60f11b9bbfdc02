"""Recruitment days, their times (slots) and the bookings of candidates."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    BookingStatus,
)
from ..slots import slot_text
from .application import Application
from .candidate import Candidate


class RecruitmentDay(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="recruitment_days",
        verbose_name=_("vacature"),
        help_text=_("De vacature van deze wervingsdag."),
    )
    title = models.CharField(
        _("titel"), max_length=200, help_text=_("Zoals 'Wervingsdag servicedesk'.")
    )
    description = models.TextField(
        _("wat gebeurt er"), blank=True, help_text=_("Programma in gewone woorden.")
    )
    address_text = models.TextField(
        _("adres in gewone woorden"),
        help_text=_(
            "Adres en hoe je er komt, zoals 'Ingang aan de achterkant, bel aan bij de servicedesk'."
        ),
    )

    class Meta:
        verbose_name = _("wervingsdag")
        verbose_name_plural = _("wervingsdagen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.vacancy_id and not self.organisation_id:
            self.organisation_id = self.vacancy.organisation_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Slot(models.Model):
    day = models.ForeignKey(
        RecruitmentDay,
        on_delete=models.CASCADE,
        related_name="slots",
        verbose_name=_("wervingsdag"),
        help_text=_("De wervingsdag."),
    )
    starts_at = models.DateTimeField(_("begint om"), help_text=_("Begintijd."))
    ends_at = models.DateTimeField(_("eindigt om"), help_text=_("Eindtijd."))
    capacity = models.PositiveSmallIntegerField(
        _("plaatsen"), default=10, help_text=_("Hoeveel kandidaten er kunnen komen.")
    )
    booked_count = models.PositiveSmallIntegerField(
        _("geboekt"),
        default=0,
        help_text=_("Aantal boekingen. Alleen services.py verandert dit, zonder overboeken."),
    )

    class Meta:
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(booked_count__lte=models.F("capacity")),
                name="slot_not_overbooked",
            )
        ]

    def __str__(self) -> str:
        return slot_text(self)

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked_count)


class Booking(models.Model):
    slot = models.ForeignKey(
        Slot,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("tijdslot"),
        help_text=_("Het gekozen tijdslot."),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("kandidaat"),
        help_text=_("Wie komt."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=BookingStatus.choices,
        default=BookingStatus.BOOKED,
        help_text=_("Geboekt of geannuleerd."),
    )
    created_at = models.DateTimeField(
        _("geboekt op"), auto_now_add=True, help_text=_("Moment van boeken.")
    )

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status="booked"),
                name="one_active_booking_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"boeking {self.pk}"
