"""The only place that removes candidate data, and the verbs of the rights pages.

Removal is anonymisation that keeps the figures: an expired application keeps its row
(vacancy, route, channel, status, dates) but is moved to a fresh, empty candidate, and every
row and file that identifies the person is deleted. A candidate with nothing left is wiped in
place (empty name, reserved address, profile rows and files deleted). Database changes happen
in one transaction per candidate; stored files are deleted after the commit, and a file that
cannot be deleted is recorded in :class:`PendingFileRemoval` and retried by the next run.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Organisation
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.exports import export_zip
from talentbrug.applications.models import (
    Application,
    Candidate,
    DeletionRequest,
    Document,
    PendingApplication,
)
from talentbrug.applications.ownership import organisations_holding
from talentbrug.applications.services.consent import withdraw_consent
from talentbrug.applications.services.submission import normalise_email
from talentbrug.audit.services import record_event
from talentbrug.records.services import uploads as records_uploads

from . import retention
from .constants import (
    ANONYMISED_DOMAIN,
    ERASURE_DEADLINE_MONTHS,
    HIRED,
    MAX_REJECTED_DAYS_WITHOUT_REASON,
    STATUS_OUTCOMES,
    ObjectionOutcome,
    Processing,
)
from .models import (
    ErasureOutcome,
    LegalHold,
    Objection,
    PendingFileRemoval,
    RetentionPolicy,
    RetentionRun,
    VacancyRetention,
)

logger = logging.getLogger(__name__)

# Rows that stay with an anonymised application (moved to the empty candidate, not deleted).
KEEP_WITH_APPLICATION = {"applications.Booking"}
# Rows that stay with a wiped candidate: the rights requests themselves (no personal data).
KEEP_WITH_CANDIDATE = {
    "applications.DeletionRequest",
    "privacy.LegalHold",
    "privacy.Objection",
}
# Recruitment-only material of a hire (other apps may add their models, e.g. scorecards).
HIRE_MATERIAL_MODELS = {"applications.WorkSampleSubmission"}


class PrivacyError(ValidationError):
    """The request cannot be carried out; the message is for staff."""


# --------------------------------------------------------------------------- helpers


def add_months(moment: datetime, months: int) -> datetime:
    """Same day ``months`` later (the last day of the month when that day does not exist)."""
    import calendar

    month0 = moment.month - 1 + months
    year, month = moment.year + month0 // 12, month0 % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def erasure_deadline(request: DeletionRequest) -> datetime:
    return add_months(request.requested_at, ERASURE_DEADLINE_MONTHS)


def _label(model: type[models.Model]) -> str:
    return model._meta.label


def _file_names(obj: models.Model) -> list[str]:
    names = []
    for fld in obj._meta.concrete_fields:
        if isinstance(fld, models.FileField):
            value = getattr(obj, fld.attname)
            if value:
                names.append(str(value))
    return names


@dataclass
class Removal:
    """What one transaction removed (counts) and the files to delete after the commit."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: list[str] = field(default_factory=list)

    def delete_rows(self, queryset: models.QuerySet[Any]) -> None:
        model = queryset.model
        has_files = any(isinstance(f, models.FileField) for f in model._meta.concrete_fields)
        if has_files:
            for obj in queryset:
                self.files.extend(_file_names(obj))
        _deleted, per_model = queryset.delete()
        for label, n in per_model.items():
            if n:
                self.counts[f"deleted.{label}"] += n


def _remove_files(names: list[str], counts: dict[str, int] | None = None) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            logger.warning("privacy: a stored file could not be removed; retried next run")
            PendingFileRemoval.objects.create(name=name[:300])
            if counts is not None:
                counts["files.failed"] += 1
        else:
            if counts is not None:
                counts["files.removed"] += 1


def retry_pending_files() -> int:
    removed = 0
    for pending in PendingFileRemoval.objects.all()[:1000]:
        try:
            default_storage.delete(pending.name)
        except Exception:
            PendingFileRemoval.objects.filter(pk=pending.pk).update(attempts=F("attempts") + 1)
            continue
        pending.delete()
        removed += 1
    return removed


def _relations_to(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    """Every foreign key (and one-to-one) in the project that points at ``model``."""
    from django.apps import apps

    found = []
    for other in apps.get_models():
        for fld in other._meta.concrete_fields:
            if isinstance(fld, models.ForeignKey) and fld.related_model is model:
                found.append(fld)
    return found


def _new_anonymous_candidate() -> Candidate:
    return Candidate.objects.create(
        email=f"anoniem-{uuid.uuid4().hex}@{ANONYMISED_DOMAIN}", name="", phone=""
    )


def _delete_linked_mails(rows: models.QuerySet[Any], removal: Removal) -> None:
    """Delete the outbox mails that ``rows`` point at (a message history row names its mail).

    The outbox row of a message about the application keeps its subject and address (and,
    until sent, its text with the person's name) under the person, not the application: it
    goes with the application, also when the person stays because of another application.
    """
    for fld in rows.model._meta.concrete_fields:
        if isinstance(fld, models.ForeignKey) and _label(fld.related_model) == "outbox.OutboxMail":
            ids = [pk for pk in rows.values_list(fld.attname, flat=True) if pk is not None]
            if ids:
                removal.delete_rows(fld.related_model._default_manager.filter(pk__in=ids))


# --------------------------------------------------------------------------- removal verbs


def anonymise_application(application: Application, removal: Removal) -> None:
    """Keep the row for the figures; detach it from the person; delete what identifies.

    Call inside a transaction. Rows of other apps that point at the application are deleted
    (files collected), except those in KEEP_WITH_APPLICATION, which move to the empty candidate.
    """
    anonymous = _new_anonymous_candidate()
    for fld in _relations_to(Application):
        if fld.model is Application:
            continue
        rows = fld.model._default_manager.filter(**{fld.name: application})
        if _label(fld.model) in KEEP_WITH_APPLICATION:
            for other in fld.model._meta.concrete_fields:
                if isinstance(other, models.ForeignKey) and other.related_model is Candidate:
                    rows.update(**{other.name: anonymous})
            continue
        _delete_linked_mails(rows, removal)
        removal.delete_rows(rows)
    updates: dict[str, Any] = {"candidate": anonymous}
    for fld in Application._meta.concrete_fields:
        if isinstance(fld, models.TextField | models.EmailField | models.URLField) and fld.blank:
            updates[fld.name] = ""
    Application.objects.filter(pk=application.pk).update(**updates)
    removal.counts["applications.anonymised"] += 1


def remove_hire_material(application: Application, removal: Removal) -> None:
    """Recruitment-only material of a hire: video and work-sample files, work samples."""

    removal.delete_rows(
        Document.objects.filter(application=application, kind__in=retention.HIRE_MATERIAL_KINDS)
    )
    for fld in _relations_to(Application):
        if _label(fld.model) in HIRE_MATERIAL_MODELS:
            removal.delete_rows(fld.model._default_manager.filter(**{fld.name: application}))
    removal.counts["applications.hire_material_removed"] += 1


def wipe_candidate(candidate: Candidate, removal: Removal) -> None:
    """Empty the candidate in place: every identifying field, every row and file of theirs.

    The row itself stays (so the rights requests keep their subject), with a reserved address
    that can never receive mail, and all personal links revoked.
    """
    for fld in _relations_to(Candidate):
        if fld.model is Candidate or _label(fld.model) in KEEP_WITH_CANDIDATE:
            continue
        if fld.model is Application:
            continue  # applications are anonymised one by one, never wiped with the person
        removal.delete_rows(fld.model._default_manager.filter(**{fld.name: candidate}))
    updates: dict[str, Any] = {}
    for fld in Candidate._meta.concrete_fields:
        if fld.name in ("id", "email", "created_at", "updated_at", "token_version"):
            continue
        if isinstance(fld, models.CharField | models.TextField) and fld.blank:
            updates[fld.name] = ""
        elif isinstance(fld, models.BooleanField):
            updates[fld.name] = False
        elif fld.null:
            updates[fld.name] = None
    # An application that waits for the address's confirmation (known address, issue 14) is
    # keyed by the address, not the person: it goes with the person.
    pending = PendingApplication.objects.filter(email__iexact=candidate.email)
    for files in pending.values_list("files", flat=True):
        removal.files.extend(item["path"] for item in files if item.get("path"))
    removal.delete_rows(pending)
    updates["name"] = ""
    updates["email"] = f"gewist-{candidate.pk}-{uuid.uuid4().hex[:8]}@{ANONYMISED_DOMAIN}"
    updates["token_version"] = F("token_version") + 1
    Candidate.objects.filter(pk=candidate.pk).update(**updates)
    removal.counts["candidates.wiped"] += 1


# --------------------------------------------------------------------------- handover


class _NamedFile:
    """A stored file offered to records under a neutral name (original names may hold names)."""

    def __init__(self, handle: Any, name: str, size: int) -> None:
        self.handle, self.name, self.size = handle, name, size

    def read(self, n: int = -1) -> bytes:
        data: bytes = self.handle.read(n)
        return data


def handover_folder(policy: RetentionPolicy) -> str:
    """The folder in the collection: the selectielijst category, so triage sees the basis."""
    category = policy.records_category
    label = f"{category.code} {category.name}" if category else "sollicitaties"
    return re.sub(r"[\\/\x00-\x1f]+", " ", label).strip()[:150] or "sollicitaties"


def hand_over_files(application: Application, policy: RetentionPolicy) -> int:
    """Give the application's files to the records triage (collection of the policy).

    Through ``records.services.import_files``: the documents are stored, scanned and analysed
    there like any import. Names are neutral (``<category>/sollicitatie-<id>/<kind>-<n>.<ext>``).
    Returns the number of files handed over; raises when records refuses the import (then
    the application is not anonymised this run, so nothing the selectielijst keeps is lost).
    """

    documents = list(Document.objects.filter(application=application).order_by("pk"))
    if not documents:
        return 0
    folder = handover_folder(policy)
    handles: list[Any] = []
    offered: list[_NamedFile] = []
    try:
        for document in documents:
            ext = (document.detected_type or "bin").lower()[:8]
            name = f"{folder}/sollicitatie-{application.pk}/{document.kind}-{document.pk}.{ext}"
            try:
                handle = default_storage.open(document.file.name, "rb")
            except (FileNotFoundError, OSError):
                logger.warning("privacy: a stored file was missing at handover; skipped")
                continue
            handles.append(handle)
            offered.append(_NamedFile(handle, name, document.size))
        if not offered:
            return 0
        collection = policy.records_collection
        created = records_uploads.import_files(collection, None, offered)
    finally:
        for handle in handles:
            handle.close()
    return len(created)


def _handover_policies(plan: list[retention.Due]) -> dict[int, RetentionPolicy]:
    orgs = {d.organisation_id for d in plan if d.kind == "application" and d.organisation_id}
    return {
        policy.organisation_id: policy
        for policy in RetentionPolicy.objects.filter(
            organisation_id__in=orgs,
            records_collection__isnull=False,
            records_category__isnull=False,
        ).select_related("records_collection", "records_category", "organisation")
    }


# --------------------------------------------------------------------------- the job


def _hand_over(
    candidate_id: int,
    items: list[retention.Due],
    applications: dict[int, Application],
    handover: dict[int, RetentionPolicy],
    per_org: dict[int | None, dict[str, int]],
) -> list[retention.Due]:
    """Hand expired application files to records where the policy says so (own transaction,
    before anonymising: the records worker must see committed documents). Returns the items
    still to carry out; an application whose handover failed waits for the next run."""
    remaining = []
    for item in items:
        policy = handover.get(item.organisation_id or 0)
        if item.kind != "application" or policy is None:
            remaining.append(item)
            continue
        if LegalHold.objects.filter(
            candidate_id=candidate_id, organisation_id=item.organisation_id, lifted_at__isnull=True
        ).exists():
            continue  # a hold arrived after the plan was made: nothing moves
        counts = per_org[item.organisation_id]
        try:
            handed = hand_over_files(applications[item.pk], policy)
        except Exception:
            logger.warning("privacy: handing files to records failed; retried next run")
            counts["handover.failed"] += 1
            continue
        counts["handover.applications"] += 1
        counts["handover.documents"] += handed
        remaining.append(item)
    return remaining


def _apply_plan(plan: list[retention.Due]) -> dict[int | None, dict[str, int]]:
    """Carry out a plan; one transaction per candidate. Returns counts per organisation."""
    per_org: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_candidate: dict[int, list[retention.Due]] = defaultdict(list)
    applications = {
        a.pk: a
        for a in Application.objects.filter(pk__in=[d.pk for d in plan if d.kind != "candidate"])
    }
    for item in plan:
        if item.held:
            per_org[item.organisation_id][f"{item.kind}.held"] += 1
            continue
        if item.kind == "candidate":
            by_candidate[item.pk].append(item)
        elif item.pk in applications:
            by_candidate[applications[item.pk].candidate_id].append(item)
    handover = _handover_policies(plan)
    for candidate_id, items in by_candidate.items():
        items = _hand_over(candidate_id, items, applications, handover, per_org)
        if not items:
            continue
        removal = Removal()
        with transaction.atomic():
            candidate = Candidate.objects.select_for_update().filter(pk=candidate_id).first()
            if candidate is None:
                continue
            active = LegalHold.objects.filter(candidate=candidate, lifted_at__isnull=True)
            wipe = any(i.kind == "candidate" for i in items)
            orgs = {i.organisation_id for i in items}
            if (wipe and active.exists()) or active.filter(organisation_id__in=orgs).exists():
                continue  # a hold arrived after the plan was made
            for item in items:
                if item.kind == "candidate" and candidate.applications.exists():
                    continue  # a new application arrived after the plan was made
                if item.kind == "application":
                    anonymise_application(applications[item.pk], removal)
                elif item.kind == "hire_material":
                    remove_hire_material(applications[item.pk], removal)
                else:
                    wipe_candidate(candidate, removal)
                per_org[item.organisation_id][f"{item.kind}.{item.reason}"] += 1
            files = list(removal.files)
            counts = per_org[items[0].organisation_id]
            transaction.on_commit(lambda files=files, counts=counts: _remove_files(files, counts))
        for key, value in removal.counts.items():
            per_org[items[0].organisation_id][key] += value
    return per_org


def purge_expired(*, now: datetime | None = None) -> dict[str, Any]:
    """The retention job: remove everything past its term (held items stay). Audited, counts only."""
    started = timezone.now()
    now = now or started
    run = RetentionRun.objects.create(started_at=started)
    files_retried = retry_pending_files()
    plan = retention.application_plan(horizon=now)
    per_org = _apply_plan(plan)
    # Candidates left with nothing (also those whose last application just went).
    for key, value in _apply_plan(retention.candidate_plan(horizon=now)).items():
        for name, n in value.items():
            per_org[key][name] += n
    totals: dict[str, int] = defaultdict(int)

    for org_id, counts in per_org.items():
        for name, n in counts.items():
            totals[name] += n
        if org_id is not None and counts:
            organisation = Organisation.objects.filter(pk=org_id).first()
            record_event(
                "privacy.retention_run",
                organisation=organisation,
                run=run.pk,
                **{k.replace(".", "_"): v for k, v in sorted(counts.items())},
            )
            if counts.get("handover.applications"):
                policy = retention.policy_for(org_id)
                record_event(
                    "privacy.handed_to_records",
                    organisation=organisation,
                    obj=policy.records_collection,
                    run=run.pk,
                    collection=policy.records_collection_id,
                    category=policy.records_category_id,
                    applications=counts["handover.applications"],
                    documents=counts.get("handover.documents", 0),
                )
    totals["files.retried"] += files_retried
    result = dict(sorted(totals.items()))
    run.finished_at = timezone.now()
    run.counts = result
    run.save(update_fields=["finished_at", "counts"])
    record_event(
        "privacy.retention_run",
        run=run.pk,
        **{k.replace(".", "_"): v for k, v in result.items()},
    )
    return result


def report(*, organisation_id: int | None = None, days_ahead: int = 7) -> dict[str, Any]:
    """Dry run: what the next run removes (due now) and what follows within ``days_ahead``."""
    now = timezone.now()
    horizon = now + timedelta(days=days_ahead)
    apps = retention.application_plan(horizon=horizon, organisation_id=organisation_id)
    leaving = {d.pk for d in apps if d.kind == "application" and not d.held and d.due_at <= now}
    candidates = (
        []
        if organisation_id is not None
        else retention.candidate_plan(horizon=now, leaving=leaving)
    )
    due_now = [d for d in apps if d.due_at <= now and not d.held] + [
        d for d in candidates if not d.held
    ]
    soon = [d for d in apps if now < d.due_at and not d.held]
    held = [d for d in apps + candidates if d.held]
    return {
        "now": now,
        "due_now": sorted(due_now, key=lambda d: d.due_at),
        "soon": sorted(soon, key=lambda d: d.due_at),
        "held": held,
        "counts": retention.summarise(due_now),
        "handover": handover_report(due_now),
    }


def handover_report(due: list[retention.Due]) -> list[dict[str, Any]]:
    """Per organisation that hands files to records: how many the next run hands over."""

    policies = _handover_policies(due)
    rows = []
    for org_id, policy in sorted(policies.items()):
        ids = [d.pk for d in due if d.kind == "application" and d.organisation_id == org_id]
        rows.append(
            {
                "organisation_id": org_id,
                "collection": policy.records_collection,
                "category": policy.records_category,
                "applications": len(ids),
                "documents": Document.objects.filter(application_id__in=ids).count(),
            }
        )
    return [row for row in rows if row["applications"]]


# --------------------------------------------------------------------------- policy


def _check_handover(organisation: Any, policy: RetentionPolicy) -> None:
    """Handing files to records needs both a category and a collection of this organisation."""
    category, collection = policy.records_category, policy.records_collection
    if bool(category) != bool(collection):
        raise PrivacyError(
            _("Kies voor het overdragen zowel een selectielijstcategorie als een verzameling."),
            code="handover",
        )
    for obj in (category, collection):
        if obj is not None and obj.organisation_id != organisation.pk:
            raise PrivacyError(_("Deze keuze hoort niet bij uw organisatie."), code="handover")


def update_policy(organisation: Any, user: Any, **values: Any) -> RetentionPolicy:
    policy, _created = RetentionPolicy.objects.get_or_create(organisation=organisation)
    for key, value in values.items():
        setattr(policy, key, value)
    if (
        policy.rejected_days > MAX_REJECTED_DAYS_WITHOUT_REASON
        and not (policy.extension_reason or "").strip()
    ):
        raise PrivacyError(
            _("Een termijn langer dan 4 weken kan alleen met een reden."), code="reason"
        )
    _check_handover(organisation, policy)
    policy.full_clean()
    policy.updated_by = user
    policy.save()
    record_event(
        "privacy.policy_changed",
        actor=user,
        organisation=organisation,
        obj=policy,
        rejected_days=policy.rejected_days,
        consent_max_days=policy.consent_max_days,
        hire_material_days=policy.hire_material_days,
        closed_vacancy_days=policy.closed_vacancy_days,
        records_collection=policy.records_collection_id,
        records_category=policy.records_category_id,
    )
    return policy


def set_vacancy_term(vacancy: Any, user: Any, days: int, reason: str = "") -> VacancyRetention:
    """A vacancy may shorten the term; longer than the organisation's only with a reason."""
    policy = retention.policy_for(vacancy.organisation_id)
    reason = (reason or "").strip()
    if days < 0 or days > 365:
        raise PrivacyError(_("Kies een termijn van 0 tot en met 365 dagen."), code="days")
    if days > policy.rejected_days and not reason:
        raise PrivacyError(
            _(
                "Langer bewaren dan het beleid van de organisatie (%(days)s dagen) kan alleen met een reden."
            )
            % {"days": policy.rejected_days},
            code="reason",
        )
    with transaction.atomic():
        term, _created = VacancyRetention.objects.update_or_create(
            vacancy=vacancy,
            defaults={
                "organisation_id": vacancy.organisation_id,
                "rejected_days": days,
                "reason": reason,
                "set_by": user,
            },
        )
        record_event(
            "privacy.vacancy_term_set",
            actor=user,
            organisation=vacancy.organisation,
            obj=vacancy,
            vacancy=vacancy.pk,
            days=days,
            longer=days > policy.rejected_days,
        )
    return term


# --------------------------------------------------------------------------- holds


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


# --------------------------------------------------------------------------- rights


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


def requests_for(organisation: Any) -> models.QuerySet[DeletionRequest]:
    """This organisation's part of deletion requests (each organisation handles its own)."""
    return DeletionRequest.objects.filter(organisation=organisation).select_related(
        "candidate", "outcome"
    )


def _org_rows_of_person(candidate: Candidate, organisation: Any, removal: Removal) -> None:
    """Delete the rows about the person that ``organisation`` holds outside its applications
    (contact requests, staff rankings, queued mail, …): every model with a foreign key to
    Candidate and one to Organisation, except the rights requests and holds themselves."""
    for fld in _relations_to(Candidate):
        model = fld.model
        if model in (Candidate, Application) or _label(model) in KEEP_WITH_CANDIDATE:
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
    transaction.on_commit(lambda: _remove_files(files))
    return request.pk


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
        transaction.on_commit(lambda: _remove_files(files))
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
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    from talentbrug.outbox.services import queue_mail

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
