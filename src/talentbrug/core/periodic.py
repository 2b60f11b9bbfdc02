"""A small registry of periodic jobs, run together by ``manage.py run_periodic_jobs``.

Any app may add its own job in its ``AppConfig.ready()``::

    from talentbrug.core import periodic
    periodic.register("privacy.purge_expired", tasks.purge_expired)

A job is a callable without arguments (a Celery task object is fine: calling it runs it
in-process). On one machine, cron or a systemd timer runs the command, say every hour; with
Celery beat, schedule the tasks themselves instead. Jobs must be safe to run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .failures import describe

logger = logging.getLogger(__name__)

PERIODIC_JOBS: dict[str, Callable[[], Any]] = {}


def register(name: str, job: Callable[[], Any]) -> Callable[[], Any]:
    existing = PERIODIC_JOBS.get(name)
    if existing is not None and existing is not job:
        raise ValueError(f"Periodic job {name!r} registered twice")
    PERIODIC_JOBS[name] = job
    return job


def run_all(names: list[str] | None = None) -> dict[str, Any]:
    """Run the jobs (all, or the named ones) in-process; one failing job does not stop the rest.

    Returns {name: result}; a failed job's result is the exception. A failure is logged with
    the job's name, the error type and where it happened, never the message or a traceback.
    """
    unknown = set(names or []) - set(PERIODIC_JOBS)
    if unknown:
        raise KeyError(f"Unknown periodic jobs: {sorted(unknown)}")
    results: dict[str, Any] = {}
    for name in sorted(names or PERIODIC_JOBS):
        try:
            results[name] = PERIODIC_JOBS[name]()
        except Exception as exc:
            # No traceback: its message and lines may quote a person's data (see failures).
            logger.error("Periodic job %s failed: %s", name, describe(exc))
            results[name] = exc
    return results
