"""The lawful destruction flow: every allowed and forbidden move, four eyes, legal hold,
cooling-off, idempotent destruction and the declaration."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.access import users_who_can
from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import MembershipFactory
from talentbrug.audit.models import AuditEvent
from talentbrug.records import declarations
from talentbrug.records.constants import Decision, ItemStatus, ListStatus
from talentbrug.records.models import DestructionList, Document
from talentbrug.records.services import collections as collections_services
from talentbrug.records.services import destruction as destruction_services
from talentbrug.records.services import lists, review, triage

from .factories import DocumentFactory, with_file

pytestmark = pytest.mark.django_db

ALL = list(ListStatus)


def discarded(collection, manager, n=3):
    docs = []
    for i in range(n):
        doc = with_file(DocumentFactory(collection=collection), f"inhoud {i}".encode())
        triage.decide_document(doc, manager, Decision.DISCARD)
        docs.append(doc)
    return docs


@pytest.fixture
def new_list(collection, manager):
    discarded(collection, manager)
    return lists.create_destruction_list(collection, manager)


def in_review(dl, manager, *reviewers):
    """Submit with the given reviewers, or with every other records manager."""
    if not reviewers:
        reviewers = list(
            users_who_can(dl.organisation, "records.review").exclude(pk=dl.created_by_id)
        ) or [MembershipFactory(organisation=dl.organisation, role=Role.RECORDS_MANAGER).user]
    return lists.submit_destruction_list(dl, manager, reviewers)


def cooling(dl, manager, reviewer):
    in_review(dl, manager)
    return review.approve_destruction_list(dl, reviewer)


def set_status(dl, status):
    DestructionList.objects.filter(pk=dl.pk).update(status=status)
    dl.refresh_from_db()
    return dl


# --- allowed moves ---------------------------------------------------------------------


def test_full_flow_from_new_to_destroyed_with_declaration(new_list, manager, reviewer):
    files = [i.document.file.name for i in new_list.items.all()]
    assert new_list.status == ListStatus.NEW
    dl = in_review(new_list, manager)
    assert dl.status == ListStatus.IN_REVIEW
    dl = review.approve_destruction_list(dl, reviewer)
    assert dl.status == ListStatus.COOLING_OFF
    assert dl.cooling_off_until - timezone.now() > timedelta(days=6, hours=23)
    with freeze_time(timezone.now() + timedelta(days=8)):
        dl = destruction_services.destroy_destruction_list(dl, manager)
    assert dl.status == ListStatus.DESTROYED
    for name in files:
        assert not default_storage.exists(name)
    for doc in Document.objects.filter(destruction_items__destruction_list=dl):
        assert doc.destroyed_at and not doc.file and doc.extracted_text == ""
        assert doc.sha256 and doc.path  # minimal metadata stays
    rows = list(
        csv.reader(io.StringIO(declarations.declaration_csv(dl).decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][0] == "categorie"
    assert sorted(r[6] for r in rows[1:]) == sorted(i.record_path for i in dl.items.all())


def test_archivist_step_when_the_organisation_wants_it(new_list, manager, reviewer, archivist):
    collections_services.update_records_settings(
        new_list.organisation, manager, cooling_off_days=3, archivist_required=True
    )
    in_review(new_list, manager)
    dl = review.approve_destruction_list(new_list, reviewer)
    assert dl.status == ListStatus.APPROVED
    with pytest.raises(ValidationError):
        review.approve_as_archivist(dl, reviewer)  # not the same person as the reviewer
    with pytest.raises(ValidationError):
        review.start_cooling_off(dl, manager)  # archivist first
    dl = review.approve_as_archivist(dl, archivist)
    assert dl.status == ListStatus.COOLING_OFF
    assert dl.archivist == archivist
    assert (dl.cooling_off_until - timezone.now()).days == 2  # 3 days minus a moment


def test_archivist_step_refused_when_not_configured(new_list, manager, reviewer, archivist):
    in_review(new_list, manager)
    dl = set_status(new_list, ListStatus.APPROVED)
    with pytest.raises(ValidationError):
        review.approve_as_archivist(dl, archivist)
    dl = review.start_cooling_off(dl, manager)
    assert dl.status == ListStatus.COOLING_OFF


@pytest.mark.parametrize(
    "status",
    [
        ListStatus.IN_REVIEW,
        ListStatus.APPROVED,
        ListStatus.ARCHIVIST_APPROVED,
        ListStatus.COOLING_OFF,
    ],
)
def test_abort_returns_to_new_and_clears_approvals(new_list, manager, reviewer, status):
    in_review(new_list, manager)
    for item in new_list.items.all():
        item.status = ItemStatus.APPROVED
        item.reviewed_by = reviewer
        item.save()
    dl = set_status(new_list, status)
    dl = lists.abort_destruction_list(dl, manager, "Verkeerde categorie")
    assert dl.status == ListStatus.NEW
    assert dl.cooling_off_until is None and dl.reviewed_by is None
    assert set(dl.items.values_list("status", flat=True)) == {ItemStatus.PROPOSED}
    assert AuditEvent.objects.filter(event_type="records.list_aborted").count() == 1


def test_abort_needs_a_reason(new_list, manager):
    in_review(new_list, manager)
    with pytest.raises(ValidationError):
        lists.abort_destruction_list(new_list, manager, "  ")


# Allowed and forbidden moves are derived from the workflow table: test_list_workflow.py.


def test_submit_needs_items(collection, manager, reviewer):
    discarded(collection, manager, 1)
    dl = lists.create_destruction_list(collection, manager)
    dl.items.all().delete()
    with pytest.raises(ValidationError, match="geen documenten"):
        lists.submit_destruction_list(dl, manager, [reviewer])


def test_create_list_needs_discarded_documents(collection, manager):
    with pytest.raises(ValidationError):
        lists.create_destruction_list(collection, manager)


def test_document_is_on_one_active_list_only(new_list, collection, manager):
    with pytest.raises(ValidationError):
        lists.create_destruction_list(collection, manager)


# --- four eyes ---------------------------------------------------------------------------


def test_the_author_cannot_approve_their_own_list(new_list, manager):
    in_review(new_list, manager)
    with pytest.raises(ValidationError, match="zelf opgesteld"):
        review.approve_destruction_list(new_list, manager)
    with pytest.raises(ValidationError):
        review.approve_item(new_list.items.first(), manager)


def test_the_person_who_discarded_cannot_approve_that_document(
    collection, manager, reviewer, make_staff
):
    second = make_staff(collection.organisation, Role.RECORDS_MANAGER, username="second")
    doc = with_file(DocumentFactory(collection=collection))
    triage.decide_document(doc, reviewer, Decision.DISCARD)  # reviewer swiped it
    dl = lists.create_destruction_list(collection, manager)
    in_review(dl, manager, reviewer, second)
    with pytest.raises(ValidationError, match="zelf weggegooid"):
        review.approve_item(dl.items.get(), reviewer)
    with pytest.raises(ValidationError, match="zelf weggegooid"):
        review.approve_destruction_list(dl, reviewer)
    dl.refresh_from_db()
    assert dl.status == ListStatus.IN_REVIEW
    assert review.approve_destruction_list(dl, second).status == ListStatus.COOLING_OFF


def test_exclusion_needs_a_reason_and_returns_the_card(new_list, manager, reviewer):
    in_review(new_list, manager)
    item = new_list.items.first()
    with pytest.raises(ValidationError):
        review.exclude_item(item, reviewer, "")
    review.exclude_item(item, reviewer, "Woo-verzoek loopt nog")
    item.refresh_from_db()
    assert item.status == ItemStatus.EXCLUDED and item.reason == "Woo-verzoek loopt nog"
    assert item.document.decision == Decision.UNDECIDED
    dl = review.approve_destruction_list(new_list, reviewer)
    assert dl.items.filter(status=ItemStatus.APPROVED).count() == 2


def test_approving_a_list_with_every_item_excluded_is_refused(new_list, manager, reviewer):
    in_review(new_list, manager)
    for item in new_list.items.all():
        review.exclude_item(item, reviewer, "nog nodig")
    with pytest.raises(ValidationError, match="uitgezonderd"):
        review.approve_destruction_list(new_list, reviewer)


# --- legal hold --------------------------------------------------------------------------


def test_legal_hold_blocks_discarding(collection, manager):
    doc = DocumentFactory(collection=collection)
    with pytest.raises(ValidationError):
        triage.set_legal_hold(doc, manager, hold=True, reference="")
    triage.set_legal_hold(doc, manager, hold=True, reference="Woo-2026-014")
    with pytest.raises(ValidationError, match="juridische blokkade"):
        triage.decide_document(doc, manager, Decision.DISCARD)
    triage.decide_document(doc, manager, Decision.KEEP)


def test_legal_hold_set_after_approval_blocks_destruction(new_list, manager, reviewer):
    dl = cooling(new_list, manager, reviewer)
    held = dl.items.first()
    triage.set_legal_hold(held.document, manager, hold=True, reference="Geschil 7")
    with freeze_time(timezone.now() + timedelta(days=8)):
        dl = destruction_services.destroy_destruction_list(dl, manager)
    held.refresh_from_db()
    assert held.status == ItemStatus.HELD
    assert held.document.destroyed_at is None and held.document.file
    assert default_storage.exists(held.document.file.name)
    rows = declarations.declaration_rows(dl)
    assert held.record_path not in [r.path for r in rows]
    assert len(rows) == 2


def test_held_documents_are_left_off_new_lists(collection, manager):
    docs = discarded(collection, manager, 2)
    triage.set_legal_hold(docs[0], manager, hold=True, reference="Woo-1")
    dl = lists.create_destruction_list(collection, manager)
    assert list(dl.items.values_list("document_id", flat=True)) == [docs[1].pk]


# --- cooling-off ---------------------------------------------------------------------------


def test_destruction_waits_for_the_cooling_off_period(new_list, manager, reviewer):
    start = timezone.now()
    with freeze_time(start):
        dl = cooling(new_list, manager, reviewer)
    almost = start + timedelta(days=6, hours=23)
    with freeze_time(almost), pytest.raises(ValidationError, match="wachttijd"):
        destruction_services.destroy_destruction_list(dl, manager)
    dl.refresh_from_db()
    assert dl.status == ListStatus.COOLING_OFF
    with freeze_time(start + timedelta(days=7, minutes=1)):
        assert (
            destruction_services.destroy_destruction_list(dl, manager).status
            == ListStatus.DESTROYED
        )


def test_restore_during_cooling_off_keeps_the_document(new_list, manager, reviewer):
    dl = cooling(new_list, manager, reviewer)
    item = dl.items.first()
    with pytest.raises(ValidationError):
        lists.restore_item(item, manager, "")
    lists.restore_item(item, manager, "Toch nodig voor bezwaar")
    item.refresh_from_db()
    assert item.status == ItemStatus.RESTORED
    with freeze_time(timezone.now() + timedelta(days=8)):
        destruction_services.destroy_destruction_list(dl, manager)
    item.document.refresh_from_db()
    assert item.document.destroyed_at is None
    assert item.document.decision == Decision.UNDECIDED


def test_cooling_off_days_come_from_the_organisation_setting(new_list, manager, reviewer):
    collections_services.update_records_settings(
        new_list.organisation, manager, cooling_off_days=14, archivist_required=False
    )
    dl = cooling(new_list, manager, reviewer)
    assert (dl.cooling_off_until - timezone.now()).days == 13
    with pytest.raises(ValidationError):
        collections_services.update_records_settings(
            new_list.organisation, manager, cooling_off_days=0, archivist_required=False
        )


# --- idempotent destruction ------------------------------------------------------------------


def test_destruction_resumes_after_a_crash_halfway(collection, manager, reviewer):
    discarded(collection, manager, 5)
    dl = lists.create_destruction_list(collection, manager)
    dl = cooling(dl, manager, reviewer)
    real_erase = destruction_services._erase_file
    calls = {"n": 0}

    def crash_on_third(name):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("worker killed")
        real_erase(name)

    later = timezone.now() + timedelta(days=8)
    with (
        freeze_time(later),
        mock.patch.object(destruction_services, "_erase_file", crash_on_third),
        pytest.raises(RuntimeError),
    ):
        destruction_services.destroy_destruction_list(dl, manager)
    dl.refresh_from_db()
    assert dl.status == ListStatus.DESTROYING
    assert dl.items.filter(status=ItemStatus.DESTROYED).count() == 2
    with freeze_time(later):
        dl = destruction_services.destroy_destruction_list(dl, manager)  # re-run
        again = destruction_services.destroy_destruction_list(dl, manager)  # and once more: no-op
    assert again.status == ListStatus.DESTROYED
    assert dl.items.filter(status=ItemStatus.DESTROYED).count() == 5
    events = AuditEvent.objects.filter(event_type="records.document_destroyed")
    assert events.count() == 5  # each document once
    assert AuditEvent.objects.filter(event_type="records.list_destroyed").count() == 1
    assert len(declarations.declaration_rows(dl)) == 5


def test_destruction_tolerates_a_file_that_is_already_gone(new_list, manager, reviewer):
    dl = cooling(new_list, manager, reviewer)
    item = dl.items.first()
    default_storage.delete(item.document.file.name)  # crash after deleting, before commit
    with freeze_time(timezone.now() + timedelta(days=8)):
        assert (
            destruction_services.destroy_destruction_list(dl, manager).status
            == ListStatus.DESTROYED
        )


def test_destroy_task_runs_in_process(new_list, manager, reviewer):
    from talentbrug.records.tasks import destroy_destruction_list

    dl = cooling(new_list, manager, reviewer)
    with freeze_time(timezone.now() + timedelta(days=8)):
        assert destroy_destruction_list.delay(dl.pk, manager.pk).get() == ListStatus.DESTROYED


# --- declaration ---------------------------------------------------------------------------


def test_declaration_lists_exactly_the_destroyed_records(collection, manager, reviewer):
    docs = discarded(collection, manager, 4)
    dl = lists.create_destruction_list(collection, manager)
    in_review(dl, manager)
    excluded = dl.items.get(document=docs[0])
    review.exclude_item(excluded, reviewer, "Nog in gebruik")
    dl = review.approve_destruction_list(dl, reviewer)
    restored = dl.items.get(document=docs[1])
    lists.restore_item(restored, manager, "Toch bewaren")
    with pytest.raises(ValidationError):
        declarations.declaration_csv(dl)
    with freeze_time(timezone.now() + timedelta(days=8)):
        dl = destruction_services.destroy_destruction_list(dl, manager)
    expected = {docs[2].path, docs[3].path}
    rows = declarations.declaration_rows(dl)
    assert {r.path for r in rows} == expected
    assert all(r.approved_by == str(reviewer) for r in rows)
    assert all(r.category_code == "1.2" and r.waardering == "V" for r in rows)
    pdf = declarations.declaration_pdf(dl, manager)
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for path in expected:
        assert path.rsplit("/", 1)[-1] in text
    for other in (docs[0].path, docs[1].path):
        assert other.rsplit("/", 1)[-1] not in text
