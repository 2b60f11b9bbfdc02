"""The fast paths of import and triage keep the behaviour: chunked writes, the text cap,
the indexed claim and the SQLite settings."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from talentbrug.core.db import tune_sqlite
from talentbrug.records.constants import AnalysisStatus, Decision
from talentbrug.records.models import MAX_TEXT_CHARS, Document
from talentbrug.records.services import analysis, uploads
from talentbrug.records.services import triage as triage_services

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_results_are_written_in_chunks_and_counted_once(collection, manager, monkeypatch):
    monkeypatch.setattr(analysis, "ANALYSIS_WRITE_CHUNK", 2)
    files = [
        ContentFile(f"Notitie {n}, bel 06-1234567{n}.".encode(), name=f"{n}.txt") for n in range(5)
    ]
    uploads.import_files(collection, manager, files)
    collection.refresh_from_db()
    assert collection.analysis_done == collection.analysis_total == 5
    documents = list(Document.objects.filter(collection=collection))
    assert {d.analysis_status for d in documents} == {AnalysisStatus.DONE}
    assert all(d.has_phone and d.sha256 for d in documents)
    # Read again (a retried task): nothing is read or counted twice.
    assert analysis.analyse_documents(documents) == 0
    collection.refresh_from_db()
    assert collection.analysis_done == 5


def test_a_pending_document_read_twice_is_counted_once(collection, manager, monkeypatch):
    monkeypatch.setattr(uploads, "_start_analysis", lambda documents: None)
    uploads.import_files(collection, manager, [ContentFile(b"Notitie", name="a.txt")])
    stale = Document.objects.get(collection=collection)
    copy = Document.objects.get(pk=stale.pk)
    assert analysis.analyse_documents([stale]) == 1
    assert analysis.analyse_documents([copy]) == 1  # the copy still says 'pending' ...
    collection.refresh_from_db()
    assert collection.analysis_done == 1  # ... but the guarded write counts it once


def test_huge_plain_text_is_read_up_to_the_cap_and_hashed_whole(collection, manager):
    line = "Regel met woorden over werving en selectie.\n"
    data = (line * (3 * MAX_TEXT_CHARS // len(line))).encode() + b"Mail jan@example.org\n"
    uploads.import_files(collection, manager, [ContentFile(data, name="export.log")])
    document = Document.objects.get(collection=collection)
    assert document.analysis_status == AnalysisStatus.DONE
    assert len(document.extracted_text) == MAX_TEXT_CHARS
    assert document.sha256 == hashlib.sha256(data).hexdigest() and document.size == len(data)
    assert document.signature  # near-duplicates still work on the stored text
    assert not document.has_email  # documented: signs are looked for in the stored text only


def test_fresh_claim_takes_the_first_free_card_in_queue_order(collection, manager, make_staff):
    other = make_staff(collection.organisation, "records_manager", username="sanne")
    a, b, c = (DocumentFactory(collection=collection, path=f"{x}.txt") for x in "abc")
    DocumentFactory(collection=collection, path="0.txt", decision=Decision.KEEP)
    Document.objects.filter(pk=a.pk).update(
        claimed_by=other, claimed_until=timezone.now() + timezone.timedelta(minutes=5)
    )
    assert triage_services.claim_next_card(collection, manager) == b
    assert triage_services.claim_next_card(collection, manager, exclude=[b.pk]) == c
    b.refresh_from_db()
    assert b.claimed_by == manager and b.claimed_until > timezone.now()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite query plan")
def test_the_next_card_queries_use_the_triage_indexes(collection, manager):
    now = timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=manager)
    open_docs = Document.objects.filter(collection=collection, destroyed_at__isnull=True)
    queries = {
        "records_doc_triage_queue": open_docs.filter(free, decision=Decision.UNDECIDED)
        .order_by("path", "pk")
        .values_list("pk", flat=True)[:1],
        "records_doc_claims": triage_services._queue_order(
            open_docs.filter(claimed_by=manager, claimed_until__gt=now)
        )[:1],
        "records_doc_copies": Document.objects.filter(
            collection__organisation=collection.organisation,
            sha256="ab" * 32,
            decision=Decision.KEEP,
        )[:1],
    }
    for index, qs in queries.items():
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert index in plan, plan


class _Cursor:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def __enter__(self) -> _Cursor:
        return self

    def __exit__(self, *args: Any) -> None:
        return None

    def execute(self, sql: str) -> None:
        self.log.append(sql)


class _Connection:
    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.log: list[str] = []

    def cursor(self) -> _Cursor:
        return _Cursor(self.log)


def test_sqlite_gets_wal_and_normal_sync_and_postgresql_nothing():
    sqlite, postgres = _Connection("sqlite"), _Connection("postgresql")
    tune_sqlite(None, sqlite)
    tune_sqlite(None, postgres)
    assert sqlite.log == ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"]
    assert postgres.log == []
