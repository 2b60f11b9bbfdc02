"""No overbooking under real concurrency, on PostgreSQL (row locks, READ COMMITTED).

SQLite serialises writers, so there these tests prove little; they skip. The PostgreSQL step of
`.ci/run` (``DATABASE_URL=postgres://…  pytest -m "not integration"``) runs them, and so can you:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentbrug_h5 \\
        .venv/bin/pytest -p no:cacheprovider src/talentbrug/applications/tests/test_concurrency_pg.py
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from ..constants import Route
from ..models import Application, Booking, Slot
from ..services import booking, errors, submission
from .factories import ApplicationFactory, SlotFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")


def _race(workers):
    barrier = threading.Barrier(len(workers))
    results: list[str] = []
    lock = threading.Lock()

    def run(work):
        try:
            barrier.wait()
            outcome = work()
        except errors.SlotFull:
            outcome = "full"
        except Exception as exc:
            outcome = f"error: {exc!r}"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_twenty_people_apply_for_the_last_three_seats_at_once():
    slot = SlotFactory(capacity=3)
    vacancy = slot.day.vacancy

    def apply(n):
        def work():
            data = submission.ApplyData(
                route=Route.RECRUITMENT_DAY,
                name=f"Kandidaat {n}",
                email=f"kandidaat{n}@voorbeeld.nl",
                slot_id=slot.pk,
            )
            submission.apply(vacancy, data)
            return "ok"

        return work

    results = _race([apply(n) for n in range(20)])
    assert sorted(set(results)) == ["full", "ok"], results
    assert results.count("ok") == 3 and results.count("full") == 17
    slot.refresh_from_db()
    assert slot.booked_count == 3
    assert Booking.objects.filter(slot=slot, status="booked").count() == 3
    # "full" rolled back the whole application: nothing stored half.
    assert Application.objects.filter(vacancy=vacancy).count() == 3


def test_changing_slots_at_once_never_overbooks_and_frees_old_seats():
    first = SlotFactory(capacity=10)
    target = SlotFactory(day=first.day, capacity=2)
    applications = [ApplicationFactory(vacancy=first.day.vacancy) for _ in range(8)]
    for application in applications:
        booking.book_slot(application, first.pk)

    def move(application):
        def work():
            booking.change_slot(application, target.pk)
            return "ok"

        return work

    results = _race([move(a) for a in applications])
    assert results.count("ok") == 2 and results.count("full") == 6, results
    first.refresh_from_db()
    target.refresh_from_db()
    assert (first.booked_count, target.booked_count) == (6, 2)
    assert Booking.objects.filter(status="booked").count() == 8
    assert Slot.objects.filter(pk=target.pk, booked_count__lte=2).exists()
