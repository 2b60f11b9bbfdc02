"""No double booking under real concurrency, on PostgreSQL (row locks, READ COMMITTED).

SQLite serialises writers, so there this proves little; it skips. Run it with:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentbrug_iv \\
        .venv/bin/pytest -p no:cacheprovider src/talentbrug/interviews/tests/test_concurrency_pg.py
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from .. import services
from ..constants import InterviewStatus
from ..models import Interview
from .factories import interview_for, soon, staff_member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")


def test_six_candidates_choose_the_same_interviewer_time_at_once(organisation):
    interviewer = staff_member(organisation)
    start = soon(72)
    interviews = [
        interview_for(organisation, interviewers=[interviewer], starts=[start]) for _ in range(6)
    ]
    barrier = threading.Barrier(len(interviews))
    results: list[str] = []
    lock = threading.Lock()

    def run(interview):
        try:
            barrier.wait()
            services.choose_slot(
                interview, interview.slots.get().pk, interview.application.candidate
            )
            outcome = "ok"
        except services.InterviewError:
            outcome = "taken"
        except Exception as exc:
            outcome = f"error: {exc!r}"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in interviews]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results.count("ok") == 1 and results.count("taken") == 5, results
    assert Interview.objects.filter(status=InterviewStatus.PLANNED).count() == 1
