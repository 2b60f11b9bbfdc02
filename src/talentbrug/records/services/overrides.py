"""Overrides of the selectielijst: ask to destroy what it refuses; a second person decides."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    OverrideStatus,
)
from ..models import (
    DestructionOverride,
    Document,
)
from ..retention import document_verdict
from ..workflow import OVERRIDE_FLOW


def request_override(
    document: Document, user: Any, *, justification: str, reference: str = ""
) -> DestructionOverride:
    """Ask to destroy a document the selectielijst refuses (→ aangevraagd)."""
    if len(justification.strip()) < 20:
        raise ValidationError(
            _("Schrijf een onderbouwing van minstens 20 tekens: waarom mag dit document toch weg?")
        )
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if doc.destroyed_at:
            raise ValidationError(_("Dit document is al vernietigd."))
        verdict = document_verdict(doc, with_override=False)
        if verdict.destroyable:
            raise ValidationError(
                _(
                    "Dit document mag volgens de selectielijst al weg. Een uitzondering is niet nodig."
                )
            )
        if not verdict.overridable:
            raise ValidationError(
                _("Hier kan geen uitzondering: %(reason)s") % {"reason": verdict.reason}
            )
        if doc.overrides.filter(
            status__in=[OverrideStatus.REQUESTED, OverrideStatus.APPROVED]
        ).exists():
            raise ValidationError(_("Voor dit document loopt al een uitzondering."))
        override = DestructionOverride.objects.create(
            organisation=doc.organisation,
            document=doc,
            justification=justification.strip()[:4000],
            reference=reference.strip()[:200],
            refusal=verdict.reason[:300],
            requested_by=user,
        )
        record_event(
            "records.override_requested",
            actor=user,
            organisation=doc.organisation,
            obj=override,
            document_id=doc.pk,
            refusal=str(verdict.refusal),
        )
    return override


def _decide_override(
    override: DestructionOverride, user: Any, status: str, comment: str
) -> DestructionOverride:
    with transaction.atomic():
        override = DestructionOverride.objects.select_for_update().get(pk=override.pk)
        move = "approve" if status == OverrideStatus.APPROVED else "reject"
        OVERRIDE_FLOW.check(override, move, user=user)
        override.status = status
        override.decided_by = user
        override.decided_at = timezone.now()
        override.decision_comment = comment.strip()[:2000]
        override.save()
        record_event(
            "records.override_approved"
            if status == OverrideStatus.APPROVED
            else "records.override_rejected",
            actor=user,
            organisation=override.organisation,
            obj=override,
            document_id=override.document_id,
        )
    return override


def approve_override(
    override: DestructionOverride, user: Any, comment: str = ""
) -> DestructionOverride:
    """aangevraagd → goedgekeurd, by a second person. The document may then go on a list."""
    return _decide_override(override, user, OverrideStatus.APPROVED, comment)


def reject_override(override: DestructionOverride, user: Any, comment: str) -> DestructionOverride:
    """aangevraagd → afgewezen, by a second person, with a reason."""
    if not comment.strip():
        raise ValidationError(_("Geef een reden waarom de uitzondering niet doorgaat."))
    return _decide_override(override, user, OverrideStatus.REJECTED, comment)
