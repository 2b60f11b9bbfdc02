"""Channels: where HR spreads a vacancy, each with a short tracked link and a visit count."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import CODE_LENGTH, ChannelKind

# No 0/O, 1/l/I: the code is also typed over from paper flyers.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Channel(models.Model):
    """One place where a vacancy is spread (a school, an organisation, a site) with its own link.

    Visits are counted per channel on the server; no IP address or other personal data is stored.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="publishing_channels",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.CASCADE,
        related_name="channels",
        verbose_name=_("vacature"),
        help_text=_("De vacature die via dit kanaal wordt uitgezet."),
    )
    name = models.CharField(
        _("naam"),
        max_length=120,
        help_text=_("Bijvoorbeeld 'ROC Rijnland ICT' of 'VluchtelingenWerk regio Noord'."),
    )
    kind = models.CharField(
        _("soort kanaal"),
        max_length=20,
        choices=ChannelKind.choices,
        default=ChannelKind.OTHER,
        help_text=_("Wat voor kanaal dit is, voor het overzicht."),
    )
    code = models.CharField(
        _("code"),
        max_length=16,
        unique=True,
        default=new_code,
        editable=False,
        help_text=_("De korte code in de link, zoals /v/ab3kx7q."),
    )
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Een gestopt kanaal telt geen bezoeken meer; de link leidt nog wel naar de vacature."
        ),
    )
    visit_count = models.PositiveIntegerField(
        _("bezoeken"), default=0, help_text=_("Hoe vaak de link is gebruikt.")
    )
    last_visit_on = models.DateField(
        _("laatste bezoek"), null=True, blank=True, help_text=_("Datum van het laatste bezoek.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
        help_text=_("Wie het kanaal aanmaakte."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van aanmaken.")
    )

    class Meta:
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        ordering = ["vacancy", "name"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "name"], name="unique_channel_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:track", kwargs={"code": self.code})
