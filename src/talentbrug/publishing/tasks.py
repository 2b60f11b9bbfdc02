"""Background work of publishing (Celery shared tasks; in-process without a broker)."""

from __future__ import annotations

from celery import shared_task

from talentbrug.vacancies.services import close_expired


@shared_task(name="publishing.close_expired_vacancies")
def close_expired_vacancies() -> int:
    """Close published vacancies whose closing date has passed. Audited; actor: the system."""

    return len(close_expired())
