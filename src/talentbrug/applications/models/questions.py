"""A question from HR to the candidate about an application, and the answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .application import Application
from .candidate import Candidate
from .documents import Document


class Question(models.Model):
    """A question from HR to the candidate about one application, answered in the portal."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de sollicitatie (automatisch)."),
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("sollicitatie"),
        help_text=_("Over welke sollicitatie de vraag gaat."),
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("kandidaat"),
        help_text=_("Aan wie de vraag gesteld is."),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gesteld door"),
        help_text=_("De medewerker die de vraag stelde."),
    )
    text = models.TextField(_("vraag"), help_text=_("De vraag, in gewone woorden (B1)."))
    asked_at = models.DateTimeField(
        _("gesteld op"), auto_now_add=True, help_text=_("Moment van de vraag.")
    )
    answer_text = models.TextField(
        _("antwoord"), blank=True, help_text=_("Het antwoord van de kandidaat.")
    )
    answer_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestand bij het antwoord"),
        help_text=_("Niet verplicht. Een bestand dat de kandidaat met het antwoord stuurde."),
    )
    answered_at = models.DateTimeField(
        _("beantwoord op"), null=True, blank=True, help_text=_("Moment van het antwoord.")
    )

    class Meta:
        verbose_name = _("vraag aan de kandidaat")
        verbose_name_plural = _("vragen aan de kandidaat")
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"vraag {self.pk}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.application_id and not self.organisation_id:
            self.organisation_id = self.application.organisation_id
        if self.application_id and not self.candidate_id:
            self.candidate_id = self.application.candidate_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def answered(self) -> bool:
        return self.answered_at is not None
