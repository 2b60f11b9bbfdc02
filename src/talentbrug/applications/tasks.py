"""Background work: read documents, find skills, send e-mails (eager without a broker)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def extract_document(document_id: int) -> None:
    from .services import extract_document_text

    extract_document_text(document_id)


@shared_task
def resume_stale_extractions() -> dict[str, int]:
    """Periodic job: read again what a killed worker left pending; give up after N starts."""
    from .services import resume_stale_extractions as resume

    return resume()


@shared_task
def extract_text(candidate_id: int, text: str, application_id: int | None = None) -> None:
    from .services import extract_text_skills

    extract_text_skills(candidate_id, text, application_id)


@shared_task
def send_candidate_email(
    candidate_id: int, event: str, application_id: int | None = None, booking_id: int | None = None
) -> None:
    from .emails import build_email
    from .models import Application, Booking, Candidate

    candidate = Candidate.objects.filter(pk=candidate_id).first()
    if candidate is None:
        return
    application = Application.objects.filter(pk=application_id).first() if application_id else None
    booking = (
        Booking.objects.select_related("slot__day").filter(pk=booking_id).first()
        if booking_id
        else None
    )
    build_email(candidate, event, application, booking).send()
