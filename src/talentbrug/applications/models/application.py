"""An application (it belongs to the organisation of its vacancy) and one waiting for its
e-mail confirmation.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import (
    ApplicationStatus,
    Route,
    staff_route_choices,
)
from .candidate import Candidate


class Application(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("vacature"),
        help_text=_("Waarop de kandidaat solliciteert."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("kandidaat"),
        help_text=_("Wie solliciteert."),
    )
    route = models.CharField(
        _("manier van solliciteren"),
        max_length=20,
        choices=Route.choices,
        help_text=_("Cv, zonder cv, video, opdracht of wervingsdag."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
        db_index=True,
        help_text=_("Waar de sollicitatie staat. De selectie voegt later stappen toe."),
    )
    motivation = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Wat de kandidaat zelf vertelt, of de tekst in plaats van een video."),
    )
    channel = models.ForeignKey(
        "publishing.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("kanaal"),
        help_text=_("Via welk kanaal de kandidaat de vacature vond (eerste klik, uit publishing)."),
    )
    idempotency_key = models.UUIDField(
        _("formuliersleutel"),
        unique=True,
        help_text=_("Voorkomt dubbele sollicitaties als het formulier twee keer verstuurd wordt."),
    )
    submitted_at = models.DateTimeField(
        _("ontvangen op"), auto_now_add=True, help_text=_("Moment van solliciteren.")
    )
    withdrawn_at = models.DateTimeField(
        _("ingetrokken op"), null=True, blank=True, help_text=_("Moment van intrekken.")
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Hoeveel uur per week de kandidaat wil werken. Niet verplicht."),
    )
    wants_buddy = models.BooleanField(
        _("wil een buddy"),
        default=False,
        help_text=_("Gevraagd bij deze sollicitatie: een collega die de weg wijst."),
    )
    wants_language_coach = models.BooleanField(
        _("wil een taalcoach"),
        default=False,
        help_text=_("Gevraagd bij deze sollicitatie: hulp bij Nederlands op het werk."),
    )
    accommodations = models.TextField(
        _("aanpassingen"),
        blank=True,
        help_text=_(
            "Wat de kandidaat bij deze sollicitatie nodig heeft, in eigen woorden. Alleen deze "
            "organisatie ziet het."
        ),
    )
    available_from = models.DateField(
        _("beschikbaar vanaf"),
        null=True,
        blank=True,
        help_text=_("Vanaf wanneer de kandidaat kan beginnen. Niet verplicht; leeg: onbekend."),
    )

    class Meta:
        verbose_name = _("sollicitatie")
        verbose_name_plural = _("sollicitaties")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["organisation", "vacancy", "status"])]

    def __str__(self) -> str:
        return f"sollicitatie {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.vacancy_id and not self.organisation_id:
            self.organisation_id = self.vacancy.organisation_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def staff_route_label(self) -> str:
        """The route as staff read it (``get_route_display`` speaks to the candidate)."""
        return str(dict(staff_route_choices()).get(self.route, self.route))


class PendingApplication(models.Model):
    """An application made with an address that already belongs to a candidate.

    Nothing of it reaches that person's record (applications, experience, consents) until a
    link sent to the address is followed: then it is stored as a normal application. Unconfirmed
    rows expire and are removed, with their files, by ``applications.purge_pending``.
    """

    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="pending_applications",
        verbose_name=_("vacature"),
        help_text=_("Waarop gesolliciteerd is."),
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Kleine letters. Het adres dat nog bevestigd moet worden.")
    )
    token_hash = models.CharField(
        _("controlegetal van de link"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 van de bevestigingslink; de link zelf bewaren we niet."),
    )
    idempotency_key = models.UUIDField(
        _("formuliersleutel"),
        unique=True,
        help_text=_("Dezelfde sleutel krijgt de sollicitatie na bevestigen."),
    )
    channel = models.ForeignKey(
        "publishing.Channel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kanaal"),
        help_text=_("Via welk kanaal de vacature gevonden is."),
    )
    data = models.JSONField(
        _("formulier"), default=dict, help_text=_("Wat het formulier verzamelde, zonder bestanden.")
    )
    files = models.JSONField(
        _("bestanden"),
        default=list,
        blank=True,
        help_text=_("Lijst van {soort, pad, controle}: de bestanden wachten in de privé-opslag."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van solliciteren.")
    )
    expires_at = models.DateTimeField(
        _("verloopt op"),
        db_index=True,
        help_text=_("Niet bevestigd voor dit moment: dan verwijderen we alles."),
    )
    confirmation_mail = models.ForeignKey(
        "outbox.OutboxMail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevestigingsmail"),
        help_text=_(
            "De mail met de link. Gaat mee weg met deze sollicitatie of met de persoon van het "
            "adres."
        ),
    )

    class Meta:
        verbose_name = _("onbevestigde sollicitatie")
        verbose_name_plural = _("onbevestigde sollicitaties")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"onbevestigde sollicitatie {self.pk}"
