"""Handing the files of expired applications to the records triage (per the organisation's policy)."""

from __future__ import annotations

import logging
import re
from typing import Any

from django.core.files.storage import default_storage

from talentbrug.applications.models import (
    Application,
    Document,
)
from talentbrug.records.services import uploads as records_uploads

from .. import retention
from ..models import (
    LegalHold,
    RetentionPolicy,
)

logger = logging.getLogger(__name__)


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
            if not document.file.name:
                continue
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
        assert collection is not None  # handover_policies keeps only policies with one
        created = records_uploads.import_files(collection, None, offered)
    finally:
        for handle in handles:
            handle.close()
    return len(created)


def handover_policies(plan: list[retention.Due]) -> dict[int, RetentionPolicy]:
    orgs = {d.organisation_id for d in plan if d.kind == "application" and d.organisation_id}
    return {
        policy.organisation_id: policy
        for policy in RetentionPolicy.objects.filter(
            organisation_id__in=orgs,
            records_collection__isnull=False,
            records_category__isnull=False,
        ).select_related("records_collection", "records_category", "organisation")
    }


def hand_over(
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
            candidate_id=candidate_id,
            organisation_id=policy.organisation_id,
            lifted_at__isnull=True,
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


def handover_report(due: list[retention.Due]) -> list[dict[str, Any]]:
    """Per organisation that hands files to records: how many the next run hands over."""

    policies = handover_policies(due)
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
