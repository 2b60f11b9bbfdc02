"""Contact requests from an organisation to a candidate in the talent pool.

Pool membership itself is not stored here: a candidate is in the pool while an active
talent-pool consent exists (``applications.Consent``: not withdrawn, not expired).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import ContactRequestStatus


class ContactRequest(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="talentpool_requests",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die contact zoekt."),
    )
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("kandidaat"),
        help_text=_("De kandidaat uit de talentpool."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("gevraagd door"),
        help_text=_("De medewerker die het verzoek stuurde."),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vacature"),
        help_text=_("Niet verplicht: de vacature waarover het gaat."),
    )
    message = models.TextField(
        _("bericht"),
        help_text=_("Waarom u contact zoekt, in B1-Nederlands. De kandidaat leest dit."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContactRequestStatus.choices,
        default=ContactRequestStatus.PENDING,
        help_text=_("Alleen na 'geaccepteerd' ziet de organisatie naam en contactgegevens."),
    )
    created_at = models.DateTimeField(
        _("verstuurd op"), auto_now_add=True, help_text=_("Moment van het verzoek.")
    )
    answered_at = models.DateTimeField(
        _("beantwoord op"), null=True, blank=True, help_text=_("Moment van het antwoord.")
    )

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "candidate"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"contactverzoek {self.pk}"
