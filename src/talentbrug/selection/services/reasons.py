"""The organisation's rejection reasons (a configurable list; the candidate reads the reason)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    DEFAULT_REJECTION_REASONS,
)
from ..models import (
    RejectionReason,
)
from ..workflow import SelectionError


@transaction.atomic
def ensure_reasons(organisation: Any) -> list[RejectionReason]:
    reasons = list(RejectionReason.objects.filter(organisation=organisation, is_active=True))
    if reasons or RejectionReason.objects.filter(organisation=organisation).exists():
        return reasons
    return RejectionReason.objects.bulk_create(
        RejectionReason(
            organisation=organisation,
            label=str(label),
            candidate_text=str(text),
            is_language=is_language,
            order=i,
        )
        for i, (label, text, is_language) in enumerate(DEFAULT_REJECTION_REASONS)
    )


def active_reasons(organisation: Any) -> list[RejectionReason]:
    """The organisation's rejection reasons in use (read only)."""
    return list(
        RejectionReason.objects.filter(organisation=organisation, is_active=True).order_by(
            "order", "pk"
        )
    )


@transaction.atomic
def add_reason(
    organisation: Any, *, label: str, candidate_text: str, is_language: bool, user: Any
) -> RejectionReason:
    if not label.strip() or not candidate_text.strip():
        raise SelectionError(_("Vul de reden en de tekst voor de kandidaat in."))
    reasons = ensure_reasons(organisation)
    reason = RejectionReason.objects.create(
        organisation=organisation,
        label=label.strip(),
        candidate_text=candidate_text.strip(),
        is_language=is_language,
        order=len(reasons) + 1,
    )
    record_event(
        "selection.reason_changed",
        actor=user,
        organisation=organisation,
        obj=reason,
        reason=reason.pk,
        is_active=True,
    )
    return reason


@transaction.atomic
def set_reason_active(reason: RejectionReason, *, is_active: bool, user: Any) -> None:
    reason.is_active = is_active
    reason.save(update_fields=["is_active"])
    record_event(
        "selection.reason_changed",
        actor=user,
        organisation=reason.organisation,
        obj=reason,
        reason=reason.pk,
        is_active=is_active,
    )
