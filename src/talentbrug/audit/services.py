"""Recording audit events: the one way the application writes to the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent
from .registry import EVENT_TYPES

_ALLOWED_DATA_TYPES = (int, float, bool, str, type(None))


def record_event(
    event_type: str,
    *,
    actor: Any = None,
    organisation: Any = None,
    obj: models.Model | None = None,
    role: str = "",
    **data: Any,
) -> AuditEvent:
    """Append one event. ``data`` holds ids, counts and statuses only (checked here)."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"Unknown audit event type {event_type!r}; register it first")
    for key, value in data.items():
        if not isinstance(value, _ALLOWED_DATA_TYPES) or (
            isinstance(value, str) and len(value) > 200
        ):
            raise ValueError(f"Audit data {key!r} must be a short scalar (id, count or status)")
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    if not role and is_user and organisation is not None:
        role = role_codes(actor, organisation)
    return AuditEvent.objects.create(
        event_type=event_type,
        actor=actor if is_user else None,
        actor_label=f"user:{actor.pk}" if is_user else "systeem",
        actor_role=role,
        organisation=organisation,
        object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )


# The user's roles in an organisation, as stored in ``actor_role`` ("hr_adviser,org_admin").
# Roles belong to accounts, which sits on top of audit: it registers the look-up in ready().
_ROLE_LOOKUP: list[Any] = []


def register_role_lookup(lookup: Any) -> None:
    _ROLE_LOOKUP[:] = [lookup]


def role_codes(user: Any, organisation: Any) -> str:
    """The user's roles in the organisation now, as stored in ``actor_role``."""
    return _ROLE_LOOKUP[0](user, organisation)[:200] if _ROLE_LOOKUP else ""


def prune_expired(now: Any = None) -> int:
    """Remove events older than the log's retention (TALENTBRUG_AUDIT_RETENTION_DAYS).

    The only deletion of audit events there is: the model refuses any other. The removal
    itself is logged (without organisation), so an auditor sees that and when it happened.
    """
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    days = int(settings.TALENTBRUG_AUDIT_RETENTION_DAYS)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    expired = AuditEvent.objects.filter(created_at__lt=cutoff)
    count, _ = models.QuerySet.delete(expired)
    if count:
        record_event("audit.pruned", count=count, days=days)
    return count


def events_for_object(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor", "object_type")
