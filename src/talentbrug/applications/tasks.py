"""Background work: read documents, find skills (eager without a broker).

E-mails go through the outbox (``services.queue_candidate_email``)."""

from __future__ import annotations

from celery import shared_task


@shared_task  # type: ignore[untyped-decorator]
def extract_document(document_id: int) -> None:
    # local import: applications.services imports applications.tasks at load time (cycle)
    from .services.extraction import extract_document_text

    extract_document_text(document_id)


@shared_task  # type: ignore[untyped-decorator]
def resume_stale_extractions() -> dict[str, int]:
    """Periodic job: read again what a killed worker left pending; give up after N starts."""
    # local import: applications.services imports applications.tasks at load time (cycle)
    from .services.extraction import resume_stale_extractions as resume

    return resume()


@shared_task  # type: ignore[untyped-decorator]
def extract_text(candidate_id: int, text: str, application_id: int | None = None) -> None:
    # local import: applications.services imports applications.tasks at load time (cycle)
    from .services.extraction import extract_text_skills

    extract_text_skills(candidate_id, text, application_id)


@shared_task(name="applications.purge_pending")  # type: ignore[untyped-decorator]
def purge_pending_applications() -> int:
    """The retention job for applications whose confirmation link was never followed."""
    # local import: applications.services imports applications.tasks at load time (cycle)
    from .services.pending import purge_pending_applications as purge

    return purge()
