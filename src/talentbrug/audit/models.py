"""The audit log: append-only events. No update or delete through the application."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registry import EVENT_TYPES, ROLE_LABELS, value_label


class AppendOnlyError(RuntimeError):
    """Audit events cannot be changed or removed."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted")


class AuditEvent(models.Model):
    """Who did what, in which organisation and role, on which object, when."""

    created_at = models.DateTimeField(
        _("tijdstip"), auto_now_add=True, db_index=True, help_text=_("Wanneer het gebeurde.")
    )
    event_type = models.CharField(
        _("soort gebeurtenis"),
        max_length=80,
        db_index=True,
        help_text=_("Vaste code, zoals vacancy.published."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De medewerker die het deed; leeg bij het systeem of een kandidaat."),
    )
    actor_label = models.CharField(
        _("wie (vast)"),
        max_length=80,
        blank=True,
        help_text=_("Gebruikersnummer of 'systeem', blijft staan als het account weg is."),
    )
    actor_role = models.CharField(
        _("rol"),
        max_length=200,
        blank=True,
        help_text=_(
            "De rol(len) van de medewerker in deze organisatie op het moment zelf, als codes "
            "met komma's ertussen."
        ),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De organisatie waarin het gebeurde."),
    )
    object_type = models.ForeignKey(
        ContentType,
        verbose_name=_("soort object"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Soort object waarop het betrekking heeft."),
    )
    object_id = models.CharField(
        _("object-id"), max_length=64, blank=True, db_index=True, help_text=_("Id van het object.")
    )
    data = models.JSONField(
        _("gegevens"),
        default=dict,
        blank=True,
        help_text=_("Ids, aantallen en statussen; nooit persoonsgegevens."),
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events cannot be deleted")

    @property
    def actor_role_label(self) -> str:
        """The role(s) in words (stored as comma-joined codes; accounts registers the words)."""
        return ", ".join(
            str(ROLE_LABELS.get(code, code)) for code in self.actor_role.split(",") if code
        )

    @property
    def message(self) -> str:
        template = EVENT_TYPES.get(self.event_type, self.event_type)
        values = {key: value_label(self.event_type, key, value) for key, value in self.data.items()}
        try:
            return str(template).format(**values)
        except (KeyError, IndexError, ValueError):
            return str(template)
