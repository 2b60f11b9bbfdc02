"""What asks a staff member's attention, and whether they want a daily e-mail about it.

A notification names what happened and where (kind, vacancy, a link to the page that shows it)
and never a candidate's name: the page it links to decides what the reader may see (blind
review stays blind). Rows are made by signal receivers (``receivers``), never on a GET.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Kind


class Notification(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waarin dit gebeurde."),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("voor"),
        help_text=_("De medewerker die iets moet doen."),
    )
    kind = models.CharField(
        _("soort"), max_length=30, choices=Kind.choices, help_text=_("Wat er gebeurde.")
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vacature"),
        help_text=_("De vacature waar het over gaat."),
    )
    reference = models.CharField(
        _("nummer"),
        max_length=40,
        blank=True,
        help_text=_("Het nummer van de sollicitatie (nooit een naam)."),
    )
    url = models.CharField(
        _("link"), max_length=300, help_text=_("De pagina waar de medewerker iets kan doen.")
    )
    key = models.CharField(
        _("sleutel"),
        max_length=120,
        help_text=_("Voorkomt dezelfde melding twee keer voor dezelfde persoon."),
    )
    created_at = models.DateTimeField(
        _("gemaakt op"), auto_now_add=True, help_text=_("Wanneer het gebeurde.")
    )
    read_at = models.DateTimeField(
        _("gelezen op"), null=True, blank=True, help_text=_("Leeg zolang niet geopend.")
    )
    digested_at = models.DateTimeField(
        _("gemaild op"),
        null=True,
        blank=True,
        help_text=_("Wanneer deze melding in de dagelijkse e-mail stond."),
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_key")
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notifications_unread"),
        ]

    def __str__(self) -> str:
        return f"melding {self.pk}"


class DigestSetting(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_setting",
        verbose_name=_("medewerker"),
        help_text=_("Van wie deze instelling is."),
    )
    daily_digest = models.BooleanField(
        _("dagelijkse e-mail"),
        default=False,
        help_text=_("Elke ochtend één e-mail met de meldingen die nog niet gelezen zijn."),
    )

    class Meta:
        verbose_name = _("instelling meldingen")
        verbose_name_plural = _("instellingen meldingen")

    def __str__(self) -> str:
        return f"instelling {self.pk}"
