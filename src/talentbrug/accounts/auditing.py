"""Audit helpers that need to know people and their organisations (accounts sits on audit)."""

from __future__ import annotations

from typing import Any

from talentbrug.audit.models import AuditEvent
from talentbrug.audit.services import record_event

from .models import Membership, Organisation


def role_codes(user: Any, organisation: Any) -> str:
    """The user's roles in the organisation now, comma-joined (registered with audit)."""
    codes = Membership.objects.filter(user=user, organisation=organisation).values_list(
        "role", flat=True
    )
    return ",".join(sorted(set(codes)))


def record_for_user_organisations(
    event_type: str, *, user: Any, actor: Any = None, **data: Any
) -> list[AuditEvent]:
    """One event in every organisation where ``user`` has a role (log-in, lock-out): each
    organisation's own log shows it; without any role, one event without organisation."""

    organisations = list(Organisation.objects.filter(memberships__user=user).distinct())
    if not organisations:
        return [record_event(event_type, actor=actor, obj=user, **data)]
    return [
        record_event(event_type, actor=actor, organisation=org, obj=user, **data)
        for org in organisations
    ]
