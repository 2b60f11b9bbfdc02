"""Objections against a processing (recorded, then upheld or rejected)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import (
    Candidate,
)
from talentbrug.applications.services.consent import withdraw_consent
from talentbrug.audit.services import record_event

from ..constants import (
    ObjectionOutcome,
    Processing,
)
from ..models import (
    Objection,
)
from .errors import PrivacyError


def record_objection(
    organisation: Any, candidate: Candidate, user: Any, processing: str
) -> Objection:
    if processing not in Processing.values:
        raise PrivacyError(_("Kies waartegen het bezwaar is."), code="processing")
    objection = Objection.objects.create(
        organisation=organisation, candidate=candidate, processing=processing
    )
    record_event(
        "privacy.objection_recorded",
        actor=user,
        organisation=organisation,
        obj=objection,
        objection=objection.pk,
        processing=processing,
    )
    return objection


def decide_objection(objection: Objection, user: Any, outcome: str, note: str = "") -> Objection:
    """Uphold or reject; an upheld objection to the talent pool withdraws the consent."""
    if outcome not in (ObjectionOutcome.UPHELD, ObjectionOutcome.REJECTED):
        raise PrivacyError(_("Kies toekennen of afwijzen."), code="outcome")
    if objection.outcome != ObjectionOutcome.PENDING:
        raise PrivacyError(_("Over dit bezwaar is al besloten."), code="decided")
    if outcome == ObjectionOutcome.REJECTED and not note.strip():
        raise PrivacyError(_("Schrijf op waarom u het bezwaar afwijst."), code="note")
    with transaction.atomic():
        objection.outcome = outcome
        objection.note = note.strip()
        objection.decided_by = user
        objection.decided_at = timezone.now()
        objection.save(update_fields=["outcome", "note", "decided_by", "decided_at"])
        if outcome == ObjectionOutcome.UPHELD and objection.processing == Processing.TALENT_POOL:
            withdraw_consent(objection.candidate)
        record_event(
            "privacy.objection_decided",
            actor=user,
            organisation=objection.organisation,
            obj=objection,
            objection=objection.pk,
            outcome=outcome,
        )
    return objection
