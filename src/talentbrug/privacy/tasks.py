"""The daily retention job (Celery beat, or ``manage.py run_periodic_jobs`` from cron)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.utils import timezone

from .models import RetentionRun
from .services.purge import purge_expired as run


@shared_task(name="privacy.purge_expired")  # type: ignore[untyped-decorator]
def purge_expired(force: bool = False) -> dict[str, Any]:
    """Run once a day: the periodic-jobs command may call it every hour, it skips then."""

    today = timezone.localdate()
    if (
        not force
        and RetentionRun.objects.filter(finished_at__isnull=False, started_at__date=today).exists()
    ):
        return {"skipped": "already ran today"}
    return run()


@shared_task(name="privacy.remove_orphan_files")  # type: ignore[untyped-decorator]
def remove_orphan_files() -> int:
    """Remove stored files that no row refers to (left by a killed import); see orphans.py."""
    # local import: the name run means something else at module level
    from .orphans import remove_orphan_files as run

    return run()


@shared_task(name="privacy.close_unheld_requests")  # type: ignore[untyped-decorator]
def close_unheld_requests() -> dict[str, int]:
    """Old portal deletion requests that nobody can act on: wipe the person, close them."""
    # local import: the name means the task at module level
    from .services.erasure import close_unheld_requests as run

    return run()
