"""Background work of matching (eager without a broker)."""

from __future__ import annotations

from celery import shared_task


@shared_task  # type: ignore[untyped-decorator]
def compute_vacancy_vector(vacancy_id: int) -> bool:
    """Store the e5 vector of the vacancy's current text (queued after a vacancy is saved);
    does nothing when the stored vector is of the current text. True when one is stored."""
    # local import: textvectors loads the reader and the models (kept out of worker start-up)
    from .textvectors import store_vacancy_vector

    return store_vacancy_vector(vacancy_id) is not None
