"""Background work: reading documents and destroying approved lists (Celery shared tasks).

Without a broker they run eagerly in-process (CELERY_TASK_ALWAYS_EAGER).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from .constants import ListStatus
from .models import Collection, DestructionList, Document, ZipImport
from .services import analysis
from .services import destruction as destruction_services
from .services import imports as imports_services

logger = logging.getLogger(__name__)


@shared_task
def analyse_documents(document_ids: list[int]) -> int:
    """Analyse a batch of documents; the batch that finishes a collection links near-duplicates.

    Near-duplicate linking is one pass over the whole collection (one LSH index), so it runs
    once when no document of the collection is pending any more, not after every batch.
    Two batches finishing at the same moment may both run it; that is harmless (idempotent).
    """
    documents = list(
        Document.objects.filter(pk__in=document_ids)
        .only("pk", "collection_id", "file", "name", "source_modified", "analysis_status")
        .order_by("pk")
    )
    collection_ids = {d.collection_id for d in documents}
    count = analysis.analyse_documents(documents)
    for collection in Collection.objects.filter(pk__in=collection_ids):
        if analysis.analysis_finished(collection):
            analysis.find_near_duplicates(collection)
    return count


@shared_task
def resume_stale_analysis() -> dict[str, int]:
    """Periodic job: read again what a killed worker left pending; give up after N starts."""
    return analysis.resume_stale_analysis()


@shared_task
def run_zip_import(zip_import_id: int) -> str:
    """Read a stored ZIP into its collection; a second run of a finished import does nothing."""
    zip_import = ZipImport.objects.select_related("collection").filter(pk=zip_import_id).first()
    return imports_services.run_zip_import(zip_import).status if zip_import else "missing"


@shared_task
def resume_stale_imports() -> dict[str, int]:
    """Periodic job: start again the ZIP imports a killed worker left pending."""
    return imports_services.resume_stale_imports()


@shared_task
def find_near_duplicates(collection_id: int) -> int:
    collection = Collection.objects.filter(pk=collection_id).first()
    return analysis.find_near_duplicates(collection) if collection else 0


@shared_task
def destroy_destruction_list(list_id: int, user_id: int | None = None) -> str:
    """Destroy an approved list after its cooling-off period. Safe to run again."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    dl = DestructionList.objects.get(pk=list_id)
    return destruction_services.destroy_destruction_list(dl, user).status


@shared_task
def destroy_due_lists() -> dict[str, int]:
    """Periodic job: destroy every list whose cooling-off has ended; finish interrupted runs.

    Only lists in 'wachttijd' (which means: reviewed by a second person and, where the
    organisation asks for it, approved by an archivist) whose cooling-off has passed, and
    lists left in 'wordt vernietigd' by a crash. Idempotent: running it again destroys
    nothing twice. One failing list does not stop the others.
    """
    due = DestructionList.objects.filter(
        Q(status=ListStatus.COOLING_OFF, cooling_off_until__lte=timezone.now())
        | Q(status=ListStatus.DESTROYING)
    ).order_by("pk")
    result = {"destroyed": 0, "failed": 0}
    for list_id in list(due.values_list("pk", flat=True)):
        try:
            dl = destruction_services.destroy_destruction_list(
                DestructionList.objects.get(pk=list_id), None
            )
        except Exception as exc:
            # Messages of the destruction quote document names: the list's id and the kind.
            logger.error("Destroying destruction list %s failed (%s)", list_id, type(exc).__name__)
            result["failed"] += 1
            continue
        if dl.status == ListStatus.DESTROYED:
            result["destroyed"] += 1
    return result
