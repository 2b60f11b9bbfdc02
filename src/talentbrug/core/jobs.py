"""Shared rules for long background jobs that must survive a killed worker.

A job that reads files (records analysis, CV extraction) marks its rows "pending" and is
queued. If the worker dies mid-job the message is gone and the rows would stay pending for
ever; the periodic jobs ``records.resume_stale_analysis`` and
``applications.resume_stale_extractions`` queue such rows again (each start counts as an
attempt) and, after :func:`max_attempts` starts, give up with a status staff can see.
Every job writes its result only while the row is still pending, so running it twice is
harmless.

:func:`hold_point` is a test-only hook: the kill tests in ``.ci/run`` use it to stop a job at a
known point, so they can kill the worker while the job is provably in progress.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone

HOLD_POLL_SECONDS = 0.05
HOLD_MAX_SECONDS = 300


def stale_before(now: datetime | None = None) -> datetime:
    """Work queued before this moment and still pending is taken to be lost."""
    minutes = settings.TALENTBRUG_JOB_STALE_MINUTES
    return (now or timezone.now()) - timedelta(minutes=minutes)


def max_attempts() -> int:
    """How many times a job is started before its work is marked failed."""
    return int(settings.TALENTBRUG_JOB_MAX_ATTEMPTS)


def claim_stale(
    pending: QuerySet[Any], *, attempts: str, queued_at: str, now: datetime | None = None
) -> tuple[list[int], list[int]]:
    """Split the stale rows of ``pending`` into (give up, start again).

    Stale: queued before :func:`stale_before`. Rows that were started :func:`max_attempts`
    times are given up (the caller marks them failed); the others get one more attempt and a
    new queue time here (the caller queues them). ``attempts`` and ``queued_at`` name the
    model's counter and time fields.
    """
    now = now or timezone.now()
    stale = pending.filter(**{f"{queued_at}__lte": stale_before(now)})
    limit = max_attempts()
    give_up = list(stale.filter(**{f"{attempts}__gte": limit}).values_list("pk", flat=True))
    retry = list(stale.filter(**{f"{attempts}__lt": limit}).values_list("pk", flat=True))
    pending.filter(pk__in=retry).update(**{attempts: F(attempts) + 1, queued_at: now})
    return give_up, retry


def hold_point(name: str) -> None:
    """Test-only: wait here while ``<TALENTBRUG_JOB_HOLD_DIR>/<name>.hold`` exists.

    Off unless the setting is set (only ``conf.test`` reads it from the environment). On
    arrival the job writes ``<name>.started`` so a test can wait for that file instead of for
    a length of time; the wait ends when the test removes the ``.hold`` file (or kills us).
    """
    folder = getattr(settings, "TALENTBRUG_JOB_HOLD_DIR", "")
    if not folder:
        return
    hold = Path(folder) / f"{name}.hold"
    if not hold.exists():
        return
    (Path(folder) / f"{name}.started").touch()
    deadline = time.monotonic() + HOLD_MAX_SECONDS
    while hold.exists() and time.monotonic() < deadline:
        time.sleep(HOLD_POLL_SECONDS)
