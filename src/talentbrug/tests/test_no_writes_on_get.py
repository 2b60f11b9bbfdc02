"""Nothing is written on GET: every staff page of the authorisation table only reads, and so
does every page a candidate, a new hire or a supporter opens (the CANDIDATE cases, below).

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

from talentbrug.accounts import magiclinks
from talentbrug.audit.models import AuditEvent
from talentbrug.records.tests.conftest import private_media  # noqa: F401 - files in tmp_path

from .authz import CANDIDATE, STAFF
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


# --------------------------------------------------------------------------- candidate pages
#
# The same walk for the pages a candidate, a new hire or a supporter opens (CANDIDATE cases of
# the url tables): each in the session or with the link it needs, as the person the object
# belongs to. Every CANDIDATE GET case is in PERSON_CLIENTS or in NOT_A_PAGE with a reason.

# Downloading one's own data is logged like the staff downloads (who downloaded what, when);
# the event names ids only.
PERSON_ACCESS_LOGGED: dict[str, str] = {
    "applications:portal_export": "candidate.export_downloaded",
}

NOT_A_PAGE: dict[str, str] = {
    "onboarding:portal_task_done": "POST only (405 on GET)",
    "onboarding:supporter_task_done": "POST only (405 on GET)",
}

CANDIDATE_GET_CASES = [
    case for case in URL_TABLE.values() if case.kind == CANDIDATE and case.method == "get"
]
# The walk itself: the pages (NOT_A_PAGE is filtered out here, not skipped at run time).
CANDIDATE_PAGE_CASES = [case for case in CANDIDATE_GET_CASES if case.name not in NOT_A_PAGE]
NOT_A_PAGE_CASES = [case for case in CANDIDATE_GET_CASES if case.name in NOT_A_PAGE]


def _owner_of(name: str, kwargs: dict[str, Any]) -> Any:
    """The candidate whose object the URL shows (a fresh one for pages without an object)."""
    # local import: models of every app, only for this walk's set-up
    from talentbrug.applications.models import Application, Document, Question
    from talentbrug.applications.tests.factories import ApplicationFactory
    from talentbrug.interviews.models import Interview
    from talentbrug.selection.models import Offer

    pk = kwargs.get("pk")
    if name.startswith("interviews:"):
        return Interview.objects.get(pk=pk).application.candidate
    if name.startswith("selection:"):
        return Offer.objects.get(pk=pk).progress.application.candidate
    if name == "applications:portal_document":
        return Document.objects.get(pk=pk).candidate
    if name == "applications:portal_question":
        return Question.objects.get(pk=pk).application.candidate
    if pk is not None:
        return Application.objects.get(pk=pk).candidate
    return ApplicationFactory().candidate


def _new_hire(organisation: Any, name: str) -> tuple[Any, dict[str, Any]]:
    # local import: onboarding's test factories, only for this walk's set-up
    from talentbrug.onboarding import tokens
    from talentbrug.onboarding.constants import OwnerRole
    from talentbrug.onboarding.models import PlanTask
    from talentbrug.onboarding.tests.factories import make_plan

    plan = make_plan(
        organisation,
        name="Zakaria Haddad",
        language_coach={"name": "Ingrid Taalhuis", "email": "coach@example.org"},
    )
    task = {"task_pk": PlanTask.objects.filter(plan=plan).order_by("pk").first().pk}
    if name in ("onboarding:supporter_portal", "onboarding:supporter_task_done"):
        coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
        token = {"token": tokens.make_supporter_token(coach)}
        return None, token | task if name.endswith("_task_done") else token
    kwargs: dict[str, Any] = {"token": tokens.make_token(plan)}
    if name == "onboarding:portal_task_done":
        kwargs.update(task)
    if name in ("onboarding:portal_evaluation", "onboarding:portal_obstacles"):
        kwargs["moment"] = "3"
    return None, kwargs


ANONYMOUS_PAGES = {
    "applications:apply",
    "applications:apply_route",
    "applications:done",
    "applications:confirm",
    "applications:portal_login",
    "applications:assignment_attachment",
}


def _person_request(organisation: Any, name: str, case: Any) -> tuple[Any, str]:
    # local import: the portal session helper of applications' tests
    from django.test import Client

    from talentbrug.applications.tests.helpers import portal_client
    from talentbrug.talentpool.tests.url_cases import answer_kwargs

    if name.startswith("onboarding:") or name == "talentpool:answer":
        # A magic link is opened with a POST (a mail scanner's GET uses nothing); the walk
        # then reads the page itself with a GET, in the session that opened it.
        if name == "talentpool:answer":
            kwargs = answer_kwargs(organisation)
        else:
            _none, kwargs = _new_hire(organisation, name)
        client, url = Client(), reverse(name, kwargs=kwargs)
        client.post(url, {magiclinks.OPEN_FIELD: "1"})
        return client, url
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    url = reverse(name, kwargs=kwargs or None)
    if name in ANONYMOUS_PAGES:
        return Client(), url
    return portal_client(_owner_of(name, kwargs)), url


@pytest.mark.parametrize("case", CANDIDATE_PAGE_CASES, ids=lambda c: c.name)
def test_a_candidate_page_writes_nothing(organisation, case: Any):
    client, url = _person_request(organisation, case.name, case)
    before = _row_counts()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, case.data)
    assert response.status_code < 400, (case.name, response.status_code)
    written = list(
        AuditEvent.objects.filter(pk__gt=last_event).values_list("event_type", flat=True)
    )
    expected = [PERSON_ACCESS_LOGGED[case.name]] if case.name in PERSON_ACCESS_LOGGED else []
    assert written == expected, f"{case.name} wrote audit events on GET: {written}"
    after = _row_counts()
    changed = {
        label: (before[label], after[label])
        for label in before
        if before[label] != after[label] and not (expected and label == "audit.AuditEvent")
    }
    assert not changed, f"{case.name} wrote rows on GET: {changed}"
    statements = [query["sql"] for query in queries.captured_queries]
    found = writes(statements, _allowed_tables(bool(expected)))
    assert not found, f"{case.name} wrote on GET:\n" + "\n".join(found)


@pytest.mark.parametrize("case", NOT_A_PAGE_CASES, ids=lambda c: c.name)
def test_what_is_not_a_page_refuses_a_get_and_writes_nothing(organisation, case: Any):
    """The reason the walk leaves these out holds: a GET is refused (405) before any work."""
    client, url = _person_request(organisation, case.name, case)
    before = _row_counts()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, case.data)
    assert response.status_code == 405, (case.name, response.status_code)
    assert "POST" in response["Allow"]
    assert _row_counts() == before
    found = writes([query["sql"] for query in queries.captured_queries], _allowed_tables(False))
    assert not found, f"{case.name} wrote on GET:\n" + "\n".join(found)


def test_the_candidate_walk_covers_every_portal_page():
    names = {case.name for case in CANDIDATE_GET_CASES}
    for name in (
        "applications:portal",
        "applications:portal_application",
        "applications:portal_delete",
        "onboarding:portal",
        "onboarding:supporter_portal",
        "interviews:portal_interview",
        "selection:portal_offer",
        "assessments:portal_book",
    ):
        assert name in names, name
    assert set(NOT_A_PAGE) <= names
    walked = {case.name for case in CANDIDATE_PAGE_CASES}
    assert walked == names - set(NOT_A_PAGE) and not walked & set(NOT_A_PAGE)
