"""Access requests: finding the person (logged) and the staff export of what the organisation holds."""

from __future__ import annotations

from typing import Any

from django.db import models

from talentbrug.applications.exports import export_zip
from talentbrug.applications.models import (
    Candidate,
)
from talentbrug.applications.services.submission import normalise_email
from talentbrug.audit.services import record_event


def candidates_of(organisation: Any) -> models.QuerySet[Candidate]:
    """The people this organisation may act for: those who applied there, or are on hold there."""
    return Candidate.objects.filter(
        models.Q(applications__organisation=organisation)
        | models.Q(legal_holds__organisation=organisation)
        | models.Q(objections__organisation=organisation)
    ).distinct()


def find_candidate(organisation: Any, email: str) -> Candidate | None:

    email = normalise_email(email)
    if not email:
        return None
    return candidates_of(organisation).filter(email=email).first()


def look_up_person(organisation: Any, email: str, *, user: Any, role: str = "") -> Candidate | None:
    """The access page's look-up by address: it shows whether the person applied here, so it is
    logged like other views of personal data (found or not, the id; never the address)."""
    candidate = find_candidate(organisation, email)
    record_event(
        "privacy.person_looked_up",
        actor=user,
        organisation=organisation,
        role=role,
        found=candidate is not None,
        candidate=candidate.pk if candidate is not None else None,
    )
    return candidate


def export_for_staff(candidate: Candidate, *, user: Any, organisation: Any) -> bytes:
    """What ``organisation`` holds on the person, for an access request without a link.

    Only this organisation's rows: a person who also applied elsewhere gets that part from the
    other organisation or from their own download in the portal (docs/privacy-export.md).
    """

    data = export_zip(candidate, organisation=organisation)
    record_event(
        "privacy.export_made",
        actor=user,
        organisation=organisation,
        obj=candidate,
        candidate=candidate.pk,
    )
    return data
