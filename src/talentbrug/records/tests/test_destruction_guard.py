"""Nothing the selectielijst says must stay can be destroyed without an approved override.

The guard works twice: when a document is put on a list, and inside the destruction itself,
per document right before erasure. Property tests walk dates, categories (B, V with terms),
start-date rules and missing dates.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentbrug.audit.models import AuditEvent
from talentbrug.records import declarations
from talentbrug.records.constants import (
    Decision,
    ItemStatus,
    ListStatus,
    OverrideStatus,
    StartDateRule,
    Waardering,
)
from talentbrug.records.models import DestructionList, DestructionListItem, Document
from talentbrug.records.retention import Refusal, evaluate, term_end
from talentbrug.records.services import destruction as destruction_services
from talentbrug.records.services import lists, review, triage
from talentbrug.records.services import overrides as overrides_services

from .factories import CategoryFactory, DocumentFactory, with_file

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


def _discard(doc, user):
    return triage.decide_document(doc, user, Decision.DISCARD)


def _through_cooling_off(dl, manager, reviewer):
    lists.submit_destruction_list(dl, manager, reviewers=[reviewer])
    review.approve_destruction_list(dl, reviewer)
    DestructionList.objects.filter(pk=dl.pk).update(
        cooling_off_until=timezone.now() - timedelta(minutes=1)
    )
    dl.refresh_from_db()
    return dl


@pytest.fixture
def mixed(collection, manager):
    """B records, unexpired V records, records without a date and expired V records."""
    org = collection.organisation
    b = CategoryFactory(organisation=org, code="1.3", waardering=Waardering.BEWAREN)
    b.bewaartermijn_years = None
    b.save()
    v1 = collection.default_category  # V, 1 year, from the document date
    v_trigger = CategoryFactory(
        organisation=org,
        code="2.1",
        bewaartermijn_years=2,
        start_date_rule=StartDateRule.TRIGGER_DATE,
    )
    today = timezone.localdate()
    docs = {
        "b_old": DocumentFactory(collection=collection, category=b, document_date=date(2001, 1, 1)),
        "v_running": DocumentFactory(
            collection=collection, category=v1, document_date=today - timedelta(days=17)
        ),
        "v_no_date": DocumentFactory(collection=collection, category=v1, document_date=None),
        "v_trigger_missing": DocumentFactory(
            collection=collection, category=v_trigger, document_date=date(2015, 1, 1)
        ),
        "v_expired": DocumentFactory(
            collection=collection, category=v1, document_date=date(2019, 5, 1)
        ),
        "v_trigger_expired": DocumentFactory(
            collection=collection,
            category=v_trigger,
            document_date=None,
            trigger_date=date(2020, 6, 30),
        ),
    }
    for doc in docs.values():
        with_file(doc, f"inhoud {doc.path}".encode())
        _discard(doc, manager)
    return docs


def test_only_expired_v_records_reach_the_list_and_destruction(
    mixed, collection, manager, reviewer
):
    allowed, refused = lists.destruction_candidates(collection)
    assert {d.pk for d in allowed} == {mixed["v_expired"].pk, mixed["v_trigger_expired"].pk}
    reasons = {doc.pk: verdict.reason for doc, verdict in refused}
    assert "waardering B: blijvend bewaren" in reasons[mixed["b_old"].pk]
    assert "De bewaartermijn loopt nog tot" in reasons[mixed["v_running"].pk]
    assert reasons[mixed["v_no_date"].pk].startswith("Termijn onbekend")
    assert reasons[mixed["v_trigger_missing"].pk].startswith("Termijn onbekend")

    dl = lists.create_destruction_list(collection, manager)
    on_list = set(dl.items.values_list("document_id", flat=True))
    assert on_list == {mixed["v_expired"].pk, mixed["v_trigger_expired"].pk}
    created = AuditEvent.objects.get(event_type="records.list_created", object_id=str(dl.pk))
    assert created.data["refused"] == 4

    destruction_services.destroy_destruction_list(
        _through_cooling_off(dl, manager, reviewer), reviewer
    )
    destroyed = set(
        Document.objects.filter(destroyed_at__isnull=False).values_list("pk", flat=True)
    )
    assert destroyed == on_list
    for key in ("b_old", "v_running", "v_no_date", "v_trigger_missing"):
        doc = Document.objects.get(pk=mixed[key].pk)
        assert doc.file and default_storage.exists(doc.file.name)
    names = {row.path for row in declarations.declaration_rows(dl)}
    assert names == {mixed["v_expired"].path, mixed["v_trigger_expired"].path}


def test_nothing_refused_means_a_clear_message(collection, manager):
    doc = DocumentFactory(collection=collection, document_date=None)
    _discard(doc, manager)
    with pytest.raises(ValidationError, match="1 documenten zijn geweigerd"):
        lists.create_destruction_list(collection, manager)
    assert not DestructionList.objects.exists()


def test_destruction_guard_refuses_a_document_whose_category_became_b(
    collection, manager, reviewer
):
    """The second guard: a category changed to B after approval stops erasure of that record."""
    doc = with_file(DocumentFactory(collection=collection))
    _discard(doc, manager)
    other = with_file(
        DocumentFactory(
            collection=collection,
            category=CategoryFactory(
                organisation=collection.organisation, code="1.9", bewaartermijn_years=1
            ),
        )
    )
    _discard(other, manager)
    dl = _through_cooling_off(lists.create_destruction_list(collection, manager), manager, reviewer)
    category = collection.default_category
    category.waardering = Waardering.BEWAREN
    category.bewaartermijn_years = None
    category.save()

    dl = destruction_services.destroy_destruction_list(dl, reviewer)

    assert dl.status == ListStatus.DESTROYED
    item = DestructionListItem.objects.get(destruction_list=dl, document=doc)
    assert item.status == ItemStatus.REFUSED
    assert "waardering B" in item.reason
    doc.refresh_from_db()
    assert doc.destroyed_at is None and default_storage.exists(doc.file.name)
    assert Document.objects.get(pk=other.pk).destroyed_at is not None
    event = AuditEvent.objects.get(event_type="records.item_refused")
    assert event.data["refusal"] == Refusal.KEEP_PERMANENTLY
    assert [r.path for r in declarations.declaration_rows(dl)] == [other.path]


def test_destruction_guard_refuses_when_the_date_was_removed(collection, manager, reviewer):
    doc = with_file(DocumentFactory(collection=collection))
    _discard(doc, manager)
    dl = _through_cooling_off(lists.create_destruction_list(collection, manager), manager, reviewer)
    Document.objects.filter(pk=doc.pk).update(document_date=None)
    destruction_services.destroy_destruction_list(dl, reviewer)
    item = dl.items.get()
    assert item.status == ItemStatus.REFUSED and item.reason.startswith("Termijn onbekend")
    assert Document.objects.get(pk=doc.pk).destroyed_at is None


# --- overrides: written justification, a second person, audited -------------------------


def test_override_needs_a_second_person_and_then_lets_the_record_go(
    mixed, collection, manager, reviewer
):
    b_doc = mixed["b_old"]
    with pytest.raises(ValidationError, match="minstens 20 tekens"):
        overrides_services.request_override(b_doc, manager, justification="mag weg")
    override = overrides_services.request_override(
        b_doc,
        manager,
        justification="Besluit archiefdienst: dit dossier is een dubbel van het hoofddossier.",
        reference="NA-2026-117",
    )
    assert override.status == OverrideStatus.REQUESTED
    assert "waardering B" in override.refusal
    # Asked but not approved: still refused.
    allowed, _refused = lists.destruction_candidates(collection)
    assert b_doc.pk not in {d.pk for d in allowed}
    with pytest.raises(ValidationError, match="zelf aangevraagd"):
        overrides_services.approve_override(override, manager)
    override.refresh_from_db()
    assert override.status == OverrideStatus.REQUESTED

    overrides_services.approve_override(override, reviewer, "Gezien, akkoord.")
    override.refresh_from_db()
    assert override.status == OverrideStatus.APPROVED and override.decided_by == reviewer
    dl = lists.create_destruction_list(collection, manager)
    assert b_doc.pk in set(dl.items.values_list("document_id", flat=True))
    destruction_services.destroy_destruction_list(
        _through_cooling_off(dl, manager, reviewer), reviewer
    )
    assert Document.objects.get(pk=b_doc.pk).destroyed_at is not None
    destroyed = AuditEvent.objects.get(
        event_type="records.document_destroyed", object_id=str(b_doc.pk)
    )
    assert destroyed.data["override"] is True
    assert list(
        AuditEvent.objects.filter(
            object_id=str(override.pk), event_type__startswith="records.override"
        )
        .order_by("pk")
        .values_list("event_type", flat=True)
    ) == ["records.override_requested", "records.override_approved"]


def test_rejected_override_keeps_the_record(mixed, manager, reviewer):
    doc = mixed["v_running"]
    override = overrides_services.request_override(
        doc, manager, justification="De procedure is eerder geëindigd dan gedacht, zie besluit."
    )
    with pytest.raises(ValidationError, match="reden"):
        overrides_services.reject_override(override, reviewer, "")
    overrides_services.reject_override(override, reviewer, "Geen besluit gevonden.")
    override.refresh_from_db()
    assert override.status == OverrideStatus.REJECTED
    with pytest.raises(ValidationError, match="al beslist"):
        overrides_services.approve_override(override, reviewer)
    assert AuditEvent.objects.filter(event_type="records.override_rejected").count() == 1


def test_no_override_for_a_legal_hold_or_for_what_may_already_go(mixed, manager):
    expired = mixed["v_expired"]
    with pytest.raises(ValidationError, match="al weg"):
        overrides_services.request_override(expired, manager, justification="x" * 30)
    held = mixed["b_old"]
    Document.objects.filter(pk=held.pk).update(legal_hold=True, legal_hold_reference="Woo-12")
    held.refresh_from_db()
    with pytest.raises(ValidationError, match="Juridische blokkade: Woo-12"):
        overrides_services.request_override(held, manager, justification="x" * 30)


# --- the date by hand (item 2) ---------------------------------------------------------


def test_setting_the_date_lets_a_record_without_date_onto_the_list(collection, manager):
    doc = DocumentFactory(collection=collection, document_date=None)
    _discard(doc, manager)
    with pytest.raises(ValidationError):
        lists.create_destruction_list(collection, manager)
    with pytest.raises(ValidationError, match="toekomst"):
        triage.set_document_dates(
            doc, manager, document_date=timezone.localdate() + timedelta(days=1), trigger_date=None
        )
    triage.set_document_dates(doc, manager, document_date=date(2018, 2, 3), trigger_date=None)
    doc.refresh_from_db()
    assert doc.document_date == date(2018, 2, 3) and doc.document_date_by_hand
    dl = lists.create_destruction_list(collection, manager)
    assert dl.items.get().record_date == date(2018, 2, 3)
    assert AuditEvent.objects.filter(event_type="records.document_dates_set").count() == 1


def test_term_date_is_never_the_upload_day(collection):
    doc = DocumentFactory(collection=collection, document_date=None)
    assert doc.imported_at is not None
    assert doc.term_date is None


# --- property tests ----------------------------------------------------------------------

dates = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)))
waarderingen = st.sampled_from([None, "", Waardering.BEWAREN, Waardering.VERNIETIGEN])
years = st.one_of(st.none(), st.integers(min_value=0, max_value=120))


@settings(max_examples=500, deadline=None)
@given(waardering=waarderingen, term=years, start=dates, today=dates.filter(bool))
def test_evaluate_allows_only_v_with_a_known_start_and_an_expired_term(
    waardering, term, start, today
):
    verdict = evaluate(waardering=waardering, years=term, start=start, today=today)
    expected = (
        waardering == Waardering.VERNIETIGEN
        and bool(term)
        and start is not None
        and term_end(start, term) < today
    )
    assert verdict.destroyable is expected
    assert bool(verdict.reason) is not expected
    if waardering == Waardering.BEWAREN:
        assert verdict.refusal == Refusal.KEEP_PERMANENTLY
    if waardering == Waardering.VERNIETIGEN and term and start is None:
        assert verdict.refusal == Refusal.UNKNOWN_DATE


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    waardering=st.sampled_from([Waardering.BEWAREN, Waardering.VERNIETIGEN]),
    term=st.integers(min_value=1, max_value=30),
    rule=st.sampled_from(list(StartDateRule)),
    document_date=dates,
    trigger_date=dates,
    approved_override=st.booleans(),
)
def test_no_b_unknown_or_running_record_is_ever_destroyed_without_an_approved_override(
    collection,
    manager,
    reviewer,
    waardering,
    term,
    rule,
    document_date,
    trigger_date,
    approved_override,
):
    """Both guards, end to end, on one document per example (rolled back afterwards)."""
    with transaction.atomic():
        category = CategoryFactory(
            organisation=collection.organisation,
            waardering=waardering,
            bewaartermijn_years=term,
            start_date_rule=rule,
        )
        doc = with_file(
            DocumentFactory(
                collection=collection,
                category=category,
                document_date=document_date,
                trigger_date=trigger_date,
            )
        )
        _discard(doc, manager)
        start = trigger_date if rule == StartDateRule.TRIGGER_DATE else document_date
        today = timezone.localdate()
        lawful = (
            waardering == Waardering.VERNIETIGEN
            and start is not None
            and term_end(start, term) < today
        )
        if approved_override and not lawful:
            override = overrides_services.request_override(
                doc, manager, justification="Later besluit van de archiefdienst, kenmerk 42."
            )
            overrides_services.approve_override(override, reviewer)

        # Guard 1: the list.
        allowed, _refused = lists.destruction_candidates(collection)
        assert (doc.pk in {d.pk for d in allowed}) is (lawful or approved_override)

        # Guard 2: the erasure, even for an item that bypassed the list (e.g. old data).
        dl = DestructionList.objects.create(
            organisation=collection.organisation,
            collection=collection,
            name="Rechtstreeks",
            created_by=manager,
            status=ListStatus.COOLING_OFF,
            cooling_off_until=timezone.now() - timedelta(minutes=1),
        )
        DestructionListItem.objects.create(
            destruction_list=dl,
            document=doc,
            status=ItemStatus.APPROVED,
            record_name=doc.name,
            record_path=doc.path,
        )
        destruction_services.destroy_destruction_list(dl, reviewer)
        doc.refresh_from_db()
        assert (doc.destroyed_at is not None) is (lawful or approved_override)
        transaction.set_rollback(True)


def test_the_admin_cannot_delete_a_collection_past_the_guard(rf, admin_user):
    from django.contrib import admin

    from talentbrug.records.models import Collection

    request = rf.get("/")
    request.user = admin_user
    assert admin.site._registry[Collection].has_delete_permission(request) is False
    assert admin.site._registry[Document].has_delete_permission(request) is False


@pytest.mark.parametrize("decided", [OverrideStatus.APPROVED, OverrideStatus.REJECTED])
def test_a_decided_override_cannot_be_decided_again(mixed, manager, reviewer, decided):
    override = overrides_services.request_override(
        mixed["v_no_date"], manager, justification="Besluit archiefdienst, kenmerk 2026-9."
    )
    if decided == OverrideStatus.APPROVED:
        overrides_services.approve_override(override, reviewer)
    else:
        overrides_services.reject_override(override, reviewer, "Geen besluit")
    for move in (
        lambda: overrides_services.approve_override(override, reviewer),
        lambda: overrides_services.reject_override(override, reviewer, "reden"),
    ):
        with pytest.raises(ValidationError, match="al beslist"):
            move()
    override.refresh_from_db()
    assert override.status == decided
    if decided == OverrideStatus.APPROVED:
        with pytest.raises(ValidationError, match="loopt al"):
            overrides_services.request_override(mixed["v_no_date"], manager, justification="y" * 30)
    else:  # after a refusal a new request (with a new justification) may be made
        again = overrides_services.request_override(
            mixed["v_no_date"], manager, justification="y" * 30
        )
        assert again.status == OverrideStatus.REQUESTED


def test_candidates_are_judged_in_a_fixed_number_of_queries(
    collection, manager, django_assert_max_num_queries
):
    for _i in range(30):
        _discard(DocumentFactory(collection=collection, document_date=None), manager)
    with django_assert_max_num_queries(3):
        allowed, refused = lists.destruction_candidates(collection)
    assert not allowed and len(refused) == 30


def test_the_last_day_of_the_term_is_still_inside_the_term():
    """A one-year term from 20-11-2025 runs to and including 20-11-2026: destruction may start
    the day after, never on the last day itself."""
    start = date(2025, 11, 20)
    on_last_day = evaluate(
        waardering=Waardering.VERNIETIGEN, years=1, start=start, today=date(2026, 11, 20)
    )
    assert on_last_day.refusal == Refusal.NOT_EXPIRED
    assert "20-11-2026" in str(on_last_day.reason)
    day_after = evaluate(
        waardering=Waardering.VERNIETIGEN, years=1, start=start, today=date(2026, 11, 21)
    )
    assert day_after.refusal == Refusal.NONE
