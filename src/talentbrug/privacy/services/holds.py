"""Legal holds: nothing of the person is removed while one is active."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import (
    Candidate,
)
from talentbrug.audit.services import record_event

from ..models import (
    LegalHold,
)
from .errors import PrivacyError


def place_hold(
    organisation: Any, candidate: Candidate, user: Any, reference: str, reason: str
) -> LegalHold:
    reference, reason = reference.strip(), reason.strip()
    if not reference or not reason:
        raise PrivacyError(_("Vul een kenmerk en een reden in."), code="required")
    hold = LegalHold.objects.create(
        organisation=organisation,
        candidate=candidate,
        reference=reference[:100],
        reason=reason,
        created_by=user,
    )
    record_event(
        "privacy.hold_placed", actor=user, organisation=organisation, obj=hold, hold=hold.pk
    )
    return hold


def lift_hold(hold: LegalHold, user: Any) -> LegalHold:
    if hold.lifted_at is not None:
        raise PrivacyError(_("Deze blokkade is al opgeheven."), code="lifted")
    LegalHold.objects.filter(pk=hold.pk, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=user
    )
    hold.refresh_from_db()
    record_event(
        "privacy.hold_lifted", actor=user, organisation=hold.organisation, obj=hold, hold=hold.pk
    )
    return hold
