"""The objects a records view works on, found within the organisation."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest

from talentbrug.accounts.access import (
    get_for_organisation,
)

from ..constants import (
    Decision,
)
from ..models import (
    Collection,
    DestructionList,
    Document,
)


def collection_for(request: HttpRequest, pk: int) -> Collection:
    return get_for_organisation(
        Collection.objects.select_related("default_category", "owner"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def list_for(request: HttpRequest, pk: int) -> DestructionList:
    return get_for_organisation(
        DestructionList.objects.select_related("collection", "created_by", "reviewed_by"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def decision_counts(collection: Collection) -> dict[str, int]:
    rows = (
        Document.objects.filter(collection=collection)
        .values("decision")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(Decision.values, 0)
    for row in rows:
        counts[row["decision"]] = row["n"]
    counts["total"] = sum(counts[d] for d in Decision.values)
    counts["decided"] = counts[Decision.KEEP] + counts[Decision.DISCARD]
    counts["open"] = counts[Decision.UNDECIDED] + counts[Decision.LATER]
    return counts
