"""Deletion requests (right to erasure): each organisation erases its own part, and the portal's
"verwijder mijn gegevens" when nobody holds data of the person."""

from __future__ import annotations

import calendar
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Organisation
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.models import (
    Application,
    Candidate,
    DeletionRequest,
)
from talentbrug.applications.ownership import organisations_holding
from talentbrug.audit.services import record_event
from talentbrug.outbox.services import queue_mail

from .. import retention
from ..constants import (
    ANONYMISED_DOMAIN,
    ERASURE_DEADLINE_MONTHS,
    HIRED,
    STATUS_OUTCOMES,
)
from ..models import (
    ErasureOutcome,
    LegalHold,
)
from .errors import PrivacyError
from .removal import (
    KEEP_WITH_CANDIDATE,
    Removal,
    anonymise_application,
    label,
    relations_to,
    remove_files,
    scrub_rights_texts,
    wipe_candidate,
)


def add_months(moment: datetime, months: int) -> datetime:
    """Same day ``months`` later (the last day of the month when that day does not exist)."""

    month0 = moment.month - 1 + months
    year, month = moment.year + month0 // 12, month0 % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def erasure_deadline(request: DeletionRequest) -> datetime:
    return add_months(request.requested_at, ERASURE_DEADLINE_MONTHS)


def requests_for(organisation: Any) -> models.QuerySet[DeletionRequest]:
    """This organisation's part of deletion requests (each organisation handles its own)."""
    return DeletionRequest.objects.filter(organisation=organisation).select_related(
        "candidate", "outcome"
    )


def _org_rows_of_person(candidate: Candidate, organisation: Any, removal: Removal) -> None:
    """Delete the rows about the person that ``organisation`` holds outside its applications
    (contact requests, staff rankings, queued mail, …): every model with a foreign key to
    Candidate and one to Organisation, except the rights requests and holds themselves."""
    for fld in relations_to(Candidate):
        model = fld.model
        if model in (Candidate, Application) or label(model) in KEEP_WITH_CANDIDATE:
            continue
        to_org = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.ForeignKey) and f.related_model is Organisation
        ]
        if to_org:
            removal.delete_rows(
                model._default_manager.filter(**{fld.name: candidate, to_org[0]: organisation})
            )


def erase_unheld_account(candidate: Candidate) -> int:
    """The portal's "verwijder mijn gegevens" when no organisation holds data of the person:
    nobody has a part to carry out, so the person-level record (name, address, profile, files,
    portal access) is wiped now. Call inside a transaction with the candidate locked.

    Recorded as a deletion request that is done at once (kept with the wiped candidate) and an
    audit event with ids and counts only. Returns the request's id.
    """
    if organisations_holding(candidate):
        raise PrivacyError(_("Een organisatie heeft nog gegevens van deze persoon."), code="held")
    removal = Removal()
    request = DeletionRequest.objects.create(candidate=candidate, status=DeletionRequestStatus.DONE)
    wipe_candidate(candidate, removal)
    record_event(
        "privacy.account_erased",
        obj=request,
        request=request.pk,
        rows=sum(n for key, n in removal.counts.items() if key.startswith("deleted.")),
        files=len(removal.files),
    )
    files = list(removal.files)
    transaction.on_commit(lambda: remove_files(files))
    return request.pk


def close_unheld_requests(*, dry_run: bool = False) -> dict[str, int]:
    """Open deletion requests that no organisation can act on: made in the portal, before it
    wiped at once, by a person of whom no organisation held data (a request without an
    organisation). Wipe the person now, as the portal does today, and mark the requests done.

    One transaction per person; a person of whom an organisation holds data again (a new
    application since) is left alone and counted as ``held``. Audited with ids and counts
    only. With ``dry_run`` nothing changes and the counts say what would be done.
    """
    counts = {"candidates": 0, "requests": 0, "held": 0}
    waiting = DeletionRequest.objects.filter(
        status=DeletionRequestStatus.REQUESTED, organisation__isnull=True
    )
    for candidate_id in sorted(set(waiting.values_list("candidate_id", flat=True))):
        with transaction.atomic():
            candidate = Candidate.objects.select_for_update().get(pk=candidate_id)
            requests = list(
                waiting.select_for_update()
                .filter(candidate=candidate)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            if not requests:
                continue
            if organisations_holding(candidate):
                counts["held"] += 1
                continue
            counts["candidates"] += 1
            counts["requests"] += len(requests)
            if dry_run:
                continue
            removal = Removal()
            wipe_candidate(candidate, removal)
            DeletionRequest.objects.filter(pk__in=requests).update(
                status=DeletionRequestStatus.DONE
            )
            record_event(
                "privacy.unheld_request_closed",
                obj=DeletionRequest(pk=requests[0]),
                request=requests[0],
                count=len(requests),
                rows=sum(n for key, n in removal.counts.items() if key.startswith("deleted.")),
                files=len(removal.files),
            )
            transaction.on_commit(partial(remove_files, list(removal.files)))
    return counts


def _erasure_scope(
    candidate_id: int, organisation: Any
) -> tuple[list[Application], list[Application], bool]:
    """(to anonymise, to keep, whether another organisation still holds data of the person)."""
    holds = retention.active_holds()
    anonymise, keep = [], []
    rows = Application.objects.filter(candidate_id=candidate_id, organisation=organisation)
    for application in rows.order_by("pk"):
        held = (application.organisation_id, candidate_id) in holds
        if held or STATUS_OUTCOMES.get(application.status) == HIRED:
            keep.append(application)
        else:
            anonymise.append(application)
    candidate = Candidate(pk=candidate_id)
    elsewhere = bool(organisations_holding(candidate) - {organisation.pk})
    return anonymise, keep, elsewhere


def carry_out_erasure(request: DeletionRequest, *, user: Any, organisation: Any) -> ErasureOutcome:
    """Erase what ``organisation`` holds of the person: the same removal as retention, now,
    except legal exceptions (a legal hold, or a hire: employment data).

    Each organisation is its own controller (AVG) with its own Archiefwet terms: only this
    organisation's applications and rows are touched. The person-level record (name, address,
    profile, portal access) is wiped only when no other organisation still holds data of the
    person and nothing stays here.
    """
    with transaction.atomic():
        locked = DeletionRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != DeletionRequestStatus.REQUESTED:
            raise PrivacyError(_("Dit verzoek is al uitgevoerd."), code="done")
        if locked.organisation_id != organisation.pk:
            raise PrivacyError(
                _("Dit verzoek hoort bij een andere organisatie."), code="organisation"
            )
        candidate = Candidate.objects.select_for_update().get(pk=locked.candidate_id)
        address, language = candidate.email, candidate.preferred_language
        anonymise, keep, elsewhere = _erasure_scope(candidate.pk, organisation)
        removal = Removal()
        for application in anonymise:
            anonymise_application(application, removal)
        _org_rows_of_person(candidate, organisation, removal)
        erased = False
        held_here = LegalHold.objects.filter(
            candidate=candidate, organisation=organisation, lifted_at__isnull=True
        ).exists()
        if not keep and not held_here and not organisations_holding(candidate):
            wipe_candidate(candidate, removal)
            erased = True
        elif not keep and not held_here:
            # This organisation's data went, the person stays for another: its rights
            # records whose purpose passed lose their free text now.
            scrub_rights_texts(candidate.pk, removal, organisation_id=organisation.pk)
        DeletionRequest.objects.filter(pk=locked.pk).update(status=DeletionRequestStatus.DONE)
        outcome = ErasureOutcome.objects.create(
            deletion_request=locked,
            organisation=organisation,
            carried_out_by=user,
            applications_anonymised=len(anonymise),
            applications_kept=len(keep),
            candidate_erased=erased,
        )
        record_event(
            "privacy.erasure_carried_out",
            actor=user,
            organisation=organisation,
            obj=locked,
            request=locked.pk,
            anonymised=len(anonymise),
            kept=len(keep),
            erased=erased,
        )
        _queue_erasure_message(
            address,
            language,
            organisation,
            None if erased else candidate,
            len(anonymise),
            len(keep),
            elsewhere=not erased and elsewhere,
        )
        files = list(removal.files)
        transaction.on_commit(lambda: remove_files(files))
    return outcome


def erasure_plan(request: DeletionRequest) -> dict[str, Any]:
    """What carrying out the request would do now (nothing is changed): for the confirmation.
    ``elsewhere`` says another organisation holds data (never which one)."""
    organisation = request.organisation
    if organisation is None:
        return {"anonymised": 0, "kept": 0, "elsewhere": False}
    anonymise, keep, elsewhere = _erasure_scope(request.candidate_id, organisation)
    return {"anonymised": len(anonymise), "kept": len(keep), "elsewhere": elsewhere}


def _queue_erasure_message(
    address: str,
    language: str,
    organisation: Any,
    candidate: Any,
    anonymised: int,
    kept: int,
    *,
    elsewhere: bool = False,
) -> None:
    """Tell the person, in their own language, that the request was carried out (outbox)."""

    if not address or address.endswith(f"@{ANONYMISED_DOMAIN}"):
        return
    codes = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in codes else settings.LANGUAGE_CODE):
        context = {
            "organisation": organisation,
            "anonymised": anonymised,
            "kept": kept,
            "elsewhere": elsewhere,
        }
        subject = render_to_string("privacy/email/erasure_done_subject.txt", context).strip()
        body = render_to_string("privacy/email/erasure_done.txt", context)
    queue_mail(
        EmailMessage(subject=subject, body=body.strip() + "\n", to=[address]),
        kind="privacy.erasure_done",
        organisation=organisation,
        candidate=candidate,
    )
