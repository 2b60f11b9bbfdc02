"""Claims under real concurrency: threads with their own database connections.

Runs on SQLite (transaction_mode IMMEDIATE) and on PostgreSQL (DATABASE_URL=postgres://…).
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import pytest
from django.db import close_old_connections, connections

from talentbrug.accounts.constants import Role
from talentbrug.records.models import Collection, Document
from talentbrug.records.services import triage

from .factories import DocumentFactory

# On SQLite the threads share the in-memory test database (shared cache), which answers
# "table is locked" at once instead of waiting; claim_next_card retries that, and so do the
# test's own bookkeeping statements. The guarantee under test is the conditional UPDATE.
retry = triage.retry_when_locked
WORKERS = 4
ROUNDS = 5


def _claim_in_threads(collection_pk: int, users: list[Any], rounds: int) -> list[tuple[int, int]]:
    """Every user claims `rounds` cards, all threads released at the same moment."""
    barrier = threading.Barrier(len(users))
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(user: Any) -> None:
        try:
            collection = retry(lambda: Collection.objects.get(pk=collection_pk))
            for _ in range(rounds):
                barrier.wait(timeout=30)
                card = triage.claim_next_card(collection, user)
                if card is not None:
                    with lock:
                        results.append((user.pk, card.pk))
                    # Leave the card decided-free but release nothing: the next round must
                    # give this user a new card, so mark it 'doubt' (out of the queue).
                    retry(
                        lambda pk=card.pk: Document.objects.filter(pk=pk).update(decision="doubt")
                    )
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_people_claiming_at_the_same_moment_never_get_the_same_card(organisation, make_staff):
    users = [
        make_staff(organisation, Role.RECORDS_MANAGER, username=f"beoordelaar{i}")
        for i in range(WORKERS)
    ]
    collection = DocumentFactory.create_batch(
        WORKERS * ROUNDS + 3, collection__organisation=organisation
    )[0].collection
    Document.objects.update(collection=collection)
    close_old_connections()
    results = _claim_in_threads(collection.pk, users, ROUNDS)
    cards = Counter(card for _user, card in results)
    assert len(results) == WORKERS * ROUNDS  # everybody got a card every round …
    assert max(cards.values()) == 1, cards  # … and no card went to two people
    for user_pk, card_pk in results:
        assert Document.objects.get(pk=card_pk).claimed_by_id == user_pk


@pytest.mark.django_db(transaction=True)
def test_racing_for_the_last_card_gives_it_to_exactly_one_person(organisation, make_staff):
    users = [
        make_staff(organisation, Role.RECORDS_MANAGER, username=f"racer{i}") for i in range(WORKERS)
    ]
    doc = DocumentFactory(collection__organisation=organisation)
    for _ in range(3):
        Document.objects.filter(pk=doc.pk).update(
            decision="undecided", claimed_by=None, claimed_until=None
        )
        results = _claim_in_threads(doc.collection_id, users, 1)
        assert len(results) == 1, results
        winner = results[0][0]
        assert Document.objects.get(pk=doc.pk).claimed_by_id == winner
