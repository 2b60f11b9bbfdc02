"""Background work: reading documents and destroying approved lists (Celery shared tasks).

Without a broker they run eagerly in-process (CELERY_TASK_ALWAYS_EAGER).
"""

from __future__ import annotations

from celery import shared_task

from .models import Collection, DestructionList, Document


@shared_task
def analyse_documents(document_ids: list[int]) -> int:
    """Analyse a batch of documents, then refresh the collection's near-duplicate links."""
    from . import services

    collection_ids = set()
    count = 0
    for document in Document.objects.filter(pk__in=document_ids).select_related("collection"):
        services.analyse_document(document)
        collection_ids.add(document.collection_id)
        count += 1
    for collection in Collection.objects.filter(pk__in=collection_ids):
        services.find_near_duplicates(collection)
    return count


@shared_task
def find_near_duplicates(collection_id: int) -> int:
    from . import services

    collection = Collection.objects.filter(pk=collection_id).first()
    return services.find_near_duplicates(collection) if collection else 0


@shared_task
def destroy_destruction_list(list_id: int, user_id: int | None = None) -> str:
    """Destroy an approved list after its cooling-off period. Safe to run again."""
    from django.contrib.auth import get_user_model

    from . import services

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    dl = DestructionList.objects.get(pk=list_id)
    return services.destroy_destruction_list(dl, user).status
