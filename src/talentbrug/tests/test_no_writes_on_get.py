"""Nothing is written on GET: every staff page of the authorisation table only reads.

Rows are made when the event that needs them happens (an organisation, a vacancy or an
application is made; a collection is uploaded), never when a page is viewed. The test walks
every staff GET URL of the url-case tables (``*/tests/url_cases.py``, collected as in
``test_authorisation``) as a user with every role, with the objects of that URL made first,
captures every SQL statement the request runs and fails on any INSERT, UPDATE or DELETE
(a changed row is a write too: records triage claimed a card on GET with an UPDATE, which a
row count never sees). Allowed: the one access-log audit event of the pages in
``ACCESS_LOGGED`` and the session row (figure pages store nothing: snapshots come from the job).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talentbrug.audit.models import AuditEvent
from talentbrug.records.tests.conftest import private_media  # noqa: F401 - files in tmp_path

from .authz import STAFF
from .test_authorisation import URL_TABLE

pytestmark = pytest.mark.django_db

# Reading personal data or records is itself logged (AVG, BIO: who saw or downloaded what).
# These pages write exactly that one audit event and nothing else.
ACCESS_LOGGED: dict[str, str] = {
    "applications:staff_detail": "application.identity_viewed",
    "applications:staff_document": "application.document_downloaded",
    "records:document_download": "records.document_downloaded",
    "records:declaration_csv": "records.declaration_downloaded",
    "records:declaration_xlsx": "records.declaration_downloaded",
    "records:declaration_pdf": "records.declaration_downloaded",
    "selection:offer_pdf": "selection.offer_letter_downloaded",
    "talentpool:profile": "talentpool.profile_viewed",
    "privacy:access_download": "privacy.export_made",
    "insights:export": "insights.exported",
    "audit:export": "audit.exported",
}

# Session and log-in bookkeeping of the framework: not a change of the product's state.
BOOKKEEPING_TABLES = {"django_session"}
WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?',
    re.IGNORECASE,
)

GET_CASES = [case for case in URL_TABLE.values() if case.kind == STAFF and case.method == "get"]


def writes(statements: list[str], allowed: set[str]) -> list[str]:
    """The statements that write a table outside ``allowed``."""
    found = []
    for sql in statements:
        match = WRITE.match(sql)
        if match and match.group(1).lower() not in allowed:
            found.append(sql[:160])
    return found


def _allowed_tables(audited: bool) -> set[str]:
    tables = set(BOOKKEEPING_TABLES)
    if audited:
        tables.add(AuditEvent._meta.db_table)
    return tables


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("talentbrug.")
    }


@pytest.mark.parametrize("case", GET_CASES, ids=lambda c: c.name)
def test_a_staff_page_writes_nothing(staff_client, organisation, case: Any):
    from talentbrug.accounts.constants import Role

    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    client = staff_client(organisation, *Role.values)
    before = _row_counts()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(case.name, kwargs=kwargs or None), case.data)
    assert response.status_code < 500, (case.name, response.status_code)
    after = _row_counts()
    written = list(
        AuditEvent.objects.filter(pk__gt=last_event).values_list("event_type", flat=True)
    )
    expected = [ACCESS_LOGGED[case.name]] if case.name in ACCESS_LOGGED else []
    assert written == expected, f"{case.name} wrote audit events on GET: {written}"
    changed = {
        label: (before[label], after[label])
        for label in before
        if before[label] != after[label] and not (expected and label == "audit.AuditEvent")
    }
    assert not changed, f"{case.name} wrote rows on GET: {changed}"
    statements = [query["sql"] for query in queries.captured_queries]
    found = writes(statements, _allowed_tables(bool(expected)))
    assert not found, f"{case.name} wrote on GET:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("sql", "written"),
    [
        ('UPDATE "records_document" SET "claimed_by_id" = 3 WHERE id = 1', True),
        ('DELETE FROM "accounts_usedlink" WHERE "expires_at" < x', True),
        ('INSERT INTO "audit_auditevent" ("event_type") VALUES (x)', True),
        ('INSERT OR IGNORE INTO "records_claim" VALUES (1)', True),
        ('UPDATE "django_session" SET "session_data" = x', False),
        ('SELECT "records_document"."id" FROM "records_document" FOR UPDATE', False),
    ],
)
def test_the_check_sees_updates_and_deletes(sql, written):
    assert bool(writes([sql], BOOKKEEPING_TABLES)) is written


def test_the_walk_covers_the_selection_and_records_pages():
    names = {case.name for case in GET_CASES}
    for name in (
        "selection:board",
        "selection:list",
        "selection:application",
        "selection:stages",
        "selection:reasons",
        "records:list_detail",
        "records:settings",
    ):
        assert name in names, name
