"""The candidate's consent to keep their data (talent pool)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from talentbrug.audit.services import record_event

from ..constants import (
    CONSENT_MONTHS,
    TALENT_POOL_CONSENT_VERSION,
    ConsentKind,
)
from ..models import (
    Candidate,
    Consent,
)


def give_consent(candidate: Candidate, text: str, language: str) -> Consent:
    now = timezone.now()
    consent = Consent.objects.create(
        candidate=candidate,
        kind=ConsentKind.TALENT_POOL,
        text_version=TALENT_POOL_CONSENT_VERSION,
        text=text,
        language=language,
        given_at=now,
        expires_at=now + timedelta(days=round(CONSENT_MONTHS * 365 / 12)),
    )
    record_event("candidate.consent_given", obj=candidate, version=TALENT_POOL_CONSENT_VERSION)
    return consent


def active_consent(candidate: Candidate) -> Consent | None:
    return candidate.consents.filter(
        kind=ConsentKind.TALENT_POOL, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
    ).first()


def withdraw_consent(candidate: Candidate) -> int:
    count = candidate.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    if count:
        record_event("candidate.consent_withdrawn", obj=candidate)
    return count
