"""The retention job: carry out the plan of :mod:`talentbrug.privacy.retention` (one transaction
per candidate), and its dry run (:func:`report`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from talentbrug.accounts.models import Organisation
from talentbrug.applications.models import (
    Application,
    Candidate,
)
from talentbrug.audit.services import record_event

from .. import retention
from ..models import (
    LegalHold,
    RetentionRun,
)
from .handover import hand_over, handover_policies, handover_report
from .removal import (
    Removal,
    anonymise_application,
    remove_files,
    remove_hire_material,
    retry_pending_files,
    wipe_candidate,
)


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
    handover = handover_policies(plan)
    for candidate_id, items in by_candidate.items():
        items = hand_over(candidate_id, items, applications, handover, per_org)
        if not items:
            continue
        removal = Removal()
        with transaction.atomic():
            candidate = Candidate.objects.select_for_update().filter(pk=candidate_id).first()
            if candidate is None:
                continue
            active = LegalHold.objects.filter(candidate=candidate, lifted_at__isnull=True)
            wipe = any(i.kind == "candidate" for i in items)
            orgs = {i.organisation_id for i in items if i.organisation_id is not None}
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
            counts = per_org[items[0].organisation_id]
            transaction.on_commit(partial(remove_files, list(removal.files), counts))
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
            data: dict[str, Any] = {k.replace(".", "_"): v for k, v in sorted(counts.items())}
            record_event("privacy.retention_run", organisation=organisation, run=run.pk, **data)
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
    totals_data: dict[str, Any] = {k.replace(".", "_"): v for k, v in result.items()}
    record_event("privacy.retention_run", run=run.pk, **totals_data)
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
