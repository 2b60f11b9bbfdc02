"""Background work of the selection: the candidate's e-mail after a move (eager without a broker)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_stage_email(progress_id: int, version: int) -> bool:
    """Tell the candidate about their new step, in their own language. Skipped if moved again."""
    from .emails import build_stage_email
    from .models import ApplicationProgress

    progress = (
        ApplicationProgress.objects.select_related(
            "stage", "vacancy", "application__candidate", "rejection_reason"
        )
        .filter(pk=progress_id, version=version)
        .first()
    )
    if progress is None:
        return False
    message = build_stage_email(progress)
    if message is None:
        return False
    message.send()
    return True
