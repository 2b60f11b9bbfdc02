"""The candidate portal: log-in links and requests to be deleted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F

from talentbrug.accounts.models import Organisation
from talentbrug.audit.services import record_event

from ..constants import (
    DeletionRequestStatus,
)
from ..models import (
    Candidate,
    DeletionRequest,
)
from ..signals import account_eraser
from .mail import queue_candidate_email
from .submission import normalise_email


def request_portal_link(email: str) -> None:
    """Send a new link when the address is known. Says nothing about whether it is."""
    candidate = Candidate.objects.filter(
        email=normalise_email(email), merged_into__isnull=True
    ).first()
    if candidate is None:
        return
    # Only the newest link works: older links (perhaps forwarded) stop working.
    with transaction.atomic():
        Candidate.objects.filter(pk=candidate.pk).update(token_version=F("token_version") + 1)
        candidate.refresh_from_db(fields=["token_version"])
        queue_candidate_email(candidate, "portal_link")


def revoke_links(candidate: Candidate) -> None:
    Candidate.objects.filter(pk=candidate.pk).update(token_version=F("token_version") + 1)
    candidate.refresh_from_db(fields=["token_version"])
    record_event("candidate.links_revoked", obj=candidate, candidate=candidate.pk)


def request_deletion(candidate: Candidate, organisation: Any = None) -> DeletionRequest:
    """Record the request at ``organisation`` (or, without one, at every organisation that holds
    data of the person, see :func:`request_deletion_everywhere`); each organisation carries out
    its own part within a month. Returns the request at ``organisation`` (or the first one)."""
    if organisation is None:
        return request_deletion_everywhere(candidate)[0]
    existing = candidate.deletion_requests.filter(
        status=DeletionRequestStatus.REQUESTED, organisation=organisation
    ).first()
    if existing is not None:
        return existing
    request = DeletionRequest.objects.create(candidate=candidate, organisation=organisation)
    record_event(
        "candidate.deletion_requested",
        obj=candidate,
        organisation=organisation,
        candidate=candidate.pk,
        request=request.pk,
    )
    return request


@dataclass(frozen=True)
class DeletionAnswer:
    """What the candidate's own deletion request did: ``erased`` (no organisation held data
    of the person, the account is wiped now) or one open request per organisation."""

    erased: bool
    requests: list[DeletionRequest]


def delete_my_data(candidate: Candidate) -> DeletionAnswer:
    """The portal's "verwijder mijn gegevens". Each organisation that holds data of the person
    gets its own request (it carries out its part within a month); when none holds any, there
    is nobody to ask, so the account is erased at once (privacy's registered eraser)."""
    from ..ownership import organisations_holding  # local import: ownership imports services

    eraser = account_eraser()
    if eraser is not None:
        with transaction.atomic():
            locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
            if not organisations_holding(locked):
                eraser(locked)
                return DeletionAnswer(erased=True, requests=[])
    return DeletionAnswer(erased=False, requests=request_deletion_everywhere(candidate))


def request_deletion_everywhere(candidate: Candidate) -> list[DeletionRequest]:
    """The candidate's own request (portal): one request per organisation that holds data of the
    person, each handled by that organisation. Without any, one request nobody has to handle
    (there is nothing at an organisation to erase)."""
    from ..ownership import organisations_holding  # local import: ownership imports services

    organisations = Organisation.objects.filter(pk__in=organisations_holding(candidate))
    requests = [request_deletion(candidate, o) for o in organisations.order_by("pk")]
    if requests:
        return requests
    existing = candidate.deletion_requests.filter(
        status=DeletionRequestStatus.REQUESTED, organisation__isnull=True
    ).first()
    if existing is None:
        existing = DeletionRequest.objects.create(candidate=candidate)
        record_event(
            "candidate.deletion_requested",
            obj=candidate,
            candidate=candidate.pk,
            request=existing.pk,
        )
    return [existing]
