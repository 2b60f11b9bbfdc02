"""Prefetched next card, server-folder import page, declaration as XLSX, the periodic
destruction job and near-duplicate linking once per import."""

from __future__ import annotations

import csv
import io
import os
from datetime import timedelta
from unittest import mock

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.core import periodic
from talentbrug.records import declarations, tasks
from talentbrug.records.constants import Decision, ItemStatus, ListStatus
from talentbrug.records.models import Document
from talentbrug.records.services import analysis, imports, lists, uploads
from talentbrug.records.services import destruction as destruction_services
from talentbrug.records.services import review as review_services
from talentbrug.records.services import triage as triage_services

from .factories import DocumentFactory, with_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(manager):
    return verified_client(manager)


# --- prefetching the next card ---------------------------------------------------------------


def test_card_fragment_claims_the_card_after_the_one_on_screen(collection, manager, reviewer):
    a, b, c = (DocumentFactory(collection=collection, path=f"{x}.txt") for x in "abc")
    client = verified_client(manager)
    page = client.post(reverse("records:triage", args=[collection.pk]), follow=True)
    assert page.context["document"] == a
    fragment = client.post(reverse("records:triage_card", args=[collection.pk]) + f"?na={a.pk}")
    assert fragment.status_code == 200
    assert fragment["Cache-Control"] == "no-store"
    html = fragment.content.decode()
    assert 'id="rc-card"' in html and f'data-document="{b.pk}"' in html
    assert "<html" not in html  # a fragment, not a page
    # Both are claimed for this person: a colleague gets c.
    assert triage_services.claim_next_card(collection, reviewer) == c
    # A reload shows the card that was on screen, not the prefetched one.
    assert client.get(reverse("records:triage", args=[collection.pk])).context["document"] == a


def test_decision_by_fetch_returns_json_and_the_prefetched_card_stays_claimed(collection, manager):
    a, b = (DocumentFactory(collection=collection, path=f"{x}.txt") for x in "ab")
    client = verified_client(manager)
    client.post(reverse("records:triage", args=[collection.pk]))
    client.post(reverse("records:triage_card", args=[collection.pk]) + f"?na={a.pk}")
    response = client.post(
        reverse("records:decide", args=[collection.pk, a.pk]),
        {"decision": "discard"},
        HTTP_X_RECORDS_FETCH="1",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] and "a.txt" in data["message"]
    assert 'id="rc-progress"' in data["progress"] and "1 van 2" in data["progress"]
    a.refresh_from_db()
    assert a.decision == Decision.DISCARD
    # No flash message is left behind for the next full page.
    page = client.get(reverse("records:triage", args=[collection.pk]))
    assert page.context["document"] == b
    assert not list(page.context["messages"])


def test_decision_without_javascript_still_redirects(collection, manager, client):
    doc = DocumentFactory(collection=collection)
    response = client.post(
        reverse("records:decide", args=[collection.pk, doc.pk]), {"decision": "keep"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("records:triage", args=[collection.pk])


def test_a_refused_decision_by_fetch_asks_the_screen_to_reload(collection, manager, client):
    doc = DocumentFactory(collection=collection, legal_hold=True, legal_hold_reference="Woo-1")
    response = client.post(
        reverse("records:decide", args=[collection.pk, doc.pk]),
        {"decision": "discard"},
        HTTP_X_RECORDS_FETCH="1",
    )
    assert response.status_code == 409
    assert response.json() == {"ok": False}
    page = client.get(reverse("records:triage", args=[collection.pk]))
    assert any("blokkade" in str(m) for m in page.context["messages"])


def test_the_fragment_says_when_there_are_no_cards_left(collection, client):
    response = client.post(reverse("records:triage_card", args=[collection.pk]))
    assert response.status_code == 200
    assert 'id="rc-empty"' in response.content.decode()


def test_claim_next_card_skips_excluded_cards(collection, manager):
    a, b = (DocumentFactory(collection=collection, path=f"{x}.txt") for x in "ab")
    assert triage_services.claim_next_card(collection, manager) == a
    assert triage_services.claim_next_card(collection, manager, exclude=[a.pk]) == b
    assert triage_services.claim_next_card(collection, manager, exclude=[a.pk, b.pk]) is None
    assert triage_services.claim_next_card(collection, manager) == a  # queue order, not claim time


# --- near-duplicates once per import -----------------------------------------------------------


def test_near_duplicates_are_linked_once_per_import_not_per_batch(collection, manager, monkeypatch):
    monkeypatch.setattr(uploads, "ANALYSIS_BATCH", 2)
    text = " ".join(f"woord{i}" for i in range(80))
    files = [ContentFile(f"{text} einde {n}".encode(), name=f"{n}.txt") for n in range(5)]
    with mock.patch.object(
        analysis, "find_near_duplicates", wraps=analysis.find_near_duplicates
    ) as spy:
        uploads.import_files(collection, manager, files)
    assert spy.call_count == 1  # three batches, one pass at the end
    linked = Document.objects.filter(collection=collection, near_duplicate_of__isnull=False)
    assert linked.count() == 5


def test_near_duplicate_links_are_only_rewritten_when_they_change(collection, manager):
    text = " ".join(f"woord{i}" for i in range(80))
    files = [ContentFile(f"{text} einde {n}".encode(), name=f"{n}.txt") for n in range(3)]
    uploads.import_files(collection, manager, files)
    assert analysis.find_near_duplicates(collection) == 3
    first = Document.objects.get(collection=collection, name="0.txt")
    first.signature = ""
    first.save()
    analysis.find_near_duplicates(collection)
    first.refresh_from_db()
    assert first.near_duplicate_of is None  # no stale link without a signature


# --- server folder import page ---------------------------------------------------------------


@pytest.fixture
def share(settings, tmp_path):
    root = tmp_path / "share"
    (root / "Werving" / "2019").mkdir(parents=True)
    (root / "Werving" / "2019" / "notitie.txt").write_text("Notitie over werving")
    (root / "Beleid").mkdir()
    (root / "Beleid" / "beleid.txt").write_text("Beleid")
    outside = tmp_path / "geheim"
    outside.mkdir()
    (outside / "wachtwoorden.txt").write_text("geheim")
    os.symlink(outside, root / "Werving" / "link")
    settings.RECORDS_IMPORT_ROOTS = ["share=" + str(root), "leeg="]
    return root


def test_import_roots_come_from_name_is_folder_entries(share):
    assert imports.import_roots() == {"share": str(share)}


def test_folder_page_lists_only_the_allowed_roots(collection, client, share):
    response = client.get(reverse("records:collection_import_folder", args=[collection.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="share"' in html
    assert str(share) not in html  # the server path itself is never shown


def test_folder_page_imports_a_sub_folder(collection, client, share):
    response = client.post(
        reverse("records:collection_import_folder", args=[collection.pk]),
        {"root": "share", "subpath": "Werving/2019"},
    )
    assert response.status_code == 302
    assert list(collection.documents.values_list("path", flat=True)) == ["notitie.txt"]


@pytest.mark.parametrize(
    ("root", "subpath"),
    [
        ("share", "../geheim"),
        ("share", "Werving/../../geheim"),
        ("share", "/etc"),
        ("share", "Werving/link"),  # a symbolic link to a folder outside the root
        ("andere", ""),
        ("share", "bestaat-niet"),
    ],
)
def test_folder_page_refuses_traversal_links_and_unknown_roots(
    collection, client, share, root, subpath
):
    response = client.post(
        reverse("records:collection_import_folder", args=[collection.pk]),
        {"root": root, "subpath": subpath},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not collection.documents.exists()


def test_service_refuses_a_symlinked_sub_folder(collection, manager, share):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="koppeling"):
        imports.import_folder(collection, manager, "share", "Werving/link")


def test_folder_page_without_roots_explains_the_setting(collection, client, settings):
    settings.RECORDS_IMPORT_ROOTS = []
    response = client.get(reverse("records:collection_import_folder", args=[collection.pk]))
    assert "RECORDS_IMPORT_ROOTS" in response.content.decode()


def test_hr_adviser_may_not_import_a_folder(collection, organisation, make_staff, share):
    adviser = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = adviser.post(
        reverse("records:collection_import_folder", args=[collection.pk]),
        {"root": "share", "subpath": ""},
    )
    assert response.status_code == 403
    assert not collection.documents.exists()


# --- declaration as XLSX and the periodic destruction job -------------------------------------


def _cooling_list(collection, manager, reviewer, n=3):
    docs = []
    for i in range(n):
        doc = with_file(
            DocumentFactory(collection=collection, path=f"Werving/{i}.txt"), f"inhoud {i}".encode()
        )
        triage_services.decide_document(doc, manager, Decision.DISCARD)
        docs.append(doc)
    dl = lists.create_destruction_list(collection, manager)
    lists.submit_destruction_list(dl, manager, [reviewer])
    return review_services.approve_destruction_list(dl, reviewer), docs


def test_declaration_xlsx_lists_exactly_the_destroyed_records(collection, manager, reviewer):
    dl, docs = _cooling_list(collection, manager, reviewer, n=4)
    restored = dl.items.get(document=docs[0])
    lists.restore_item(restored, manager, "Nog nodig")
    held = docs[1]
    triage_services.set_legal_hold(held, manager, hold=True, reference="Woo-2026-7")
    with freeze_time(timezone.now() + timedelta(days=8)):
        dl = destruction_services.destroy_destruction_list(dl, manager)
    assert dl.status == ListStatus.DESTROYED
    workbook = openpyxl.load_workbook(io.BytesIO(declarations.declaration_xlsx(dl, manager)))
    rows = [
        [("" if c is None else c) for c in row]
        for row in workbook.active.iter_rows(values_only=True)
    ]
    assert rows[0] == declarations.CSV_HEADER
    destroyed = {i.record_path for i in dl.items.filter(status=ItemStatus.DESTROYED)}
    assert {r[6] for r in rows[1:]} == destroyed == {"Werving/2.txt", "Werving/3.txt"}
    assert len(rows) - 1 == len(destroyed)
    # The same rows as the CSV.
    csv_rows = list(
        csv.reader(io.StringIO(declarations.declaration_csv(dl).decode("utf-8-sig")), delimiter=";")
    )
    assert [[str(c) for c in r] for r in rows] == csv_rows


def test_declaration_xlsx_view(collection, manager, reviewer, client):
    dl, _docs = _cooling_list(collection, manager, reviewer, n=1)
    with freeze_time(timezone.now() + timedelta(days=8)):
        destruction_services.destroy_destruction_list(dl, manager)
    response = client.get(reverse("records:declaration_xlsx", args=[dl.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == declarations.XLSX_CONTENT_TYPE
    assert openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row == 2


@pytest.mark.parametrize(
    "hostile",
    ["=SOM(A1).txt", "+31612345678.txt", "-2+3+cmd|' /C calc'!A0", "@SUM(1).txt", "\t=1.txt"],
)
def test_declaration_downloads_neutralise_formula_like_text(
    collection, manager, reviewer, client, hostile
):
    doc = with_file(DocumentFactory(collection=collection, path=hostile, name=hostile))
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    lists.submit_destruction_list(dl, manager, [reviewer])
    review_services.approve_destruction_list(dl, reviewer)
    with freeze_time(timezone.now() + timedelta(days=8)):
        dl = destruction_services.destroy_destruction_list(dl, manager)
    response = client.get(reverse("records:declaration_xlsx", args=[dl.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    for column in (6, 7):  # naam, pad
        cell = sheet.cell(row=2, column=column)
        assert cell.value == "'" + hostile
        assert cell.data_type == "s"
    response = client.get(reverse("records:declaration_csv", args=[dl.pk]))
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert rows[1][5] == rows[1][6] == "'" + hostile


def test_periodic_job_is_registered():
    assert periodic.PERIODIC_JOBS["records.destroy_due_lists"] is tasks.destroy_due_lists


def test_periodic_job_destroys_only_lists_past_their_cooling_off(
    collection, manager, reviewer, organisation
):
    due, due_docs = _cooling_list(collection, manager, reviewer, n=2)
    with freeze_time(timezone.now() + timedelta(days=3)):
        later, _later_docs = _cooling_list(collection, manager, reviewer, n=1)
    # Not yet: nothing happens.
    assert tasks.destroy_due_lists() == {"destroyed": 0, "failed": 0}
    due.refresh_from_db()
    assert due.status == ListStatus.COOLING_OFF
    with freeze_time(timezone.now() + timedelta(days=8)):
        assert tasks.destroy_due_lists() == {"destroyed": 1, "failed": 0}
        # Idempotent: a second run destroys nothing twice.
        assert tasks.destroy_due_lists() == {"destroyed": 0, "failed": 0}
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == ListStatus.DESTROYED and due.destroyed_by is None
    assert later.status == ListStatus.COOLING_OFF
    for doc in due_docs:
        doc.refresh_from_db()
        assert doc.destroyed_at and not doc.file
    assert len(declarations.declaration_rows(due)) == 2
    assert periodic.run_all(["records.destroy_due_lists"])["records.destroy_due_lists"] == {
        "destroyed": 0,
        "failed": 0,
    }


def test_periodic_job_leaves_lists_that_are_not_approved(collection, manager, reviewer):
    doc = with_file(DocumentFactory(collection=collection))
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    lists.submit_destruction_list(dl, manager, [reviewer])  # in review, not approved
    with freeze_time(timezone.now() + timedelta(days=30)):
        assert tasks.destroy_due_lists() == {"destroyed": 0, "failed": 0}
    dl.refresh_from_db()
    assert dl.status == ListStatus.IN_REVIEW


def test_periodic_job_finishes_a_destruction_that_crashed(collection, manager, reviewer):
    dl, _docs = _cooling_list(collection, manager, reviewer, n=3)
    real = destruction_services._erase_file
    calls = {"n": 0}

    def crash_on_second(name):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("stroomstoring")
        real(name)

    with freeze_time(timezone.now() + timedelta(days=8)):
        with mock.patch.object(destruction_services, "_erase_file", crash_on_second):
            assert tasks.destroy_due_lists() == {"destroyed": 0, "failed": 1}
        dl.refresh_from_db()
        assert dl.status == ListStatus.DESTROYING
        assert tasks.destroy_due_lists() == {"destroyed": 1, "failed": 0}
    dl.refresh_from_db()
    assert dl.status == ListStatus.DESTROYED
    assert dl.items.filter(status=ItemStatus.DESTROYED).count() == 3


def test_a_large_learned_model_is_not_retrained_for_every_single_decision(
    collection, manager, monkeypatch
):
    from talentbrug.records import suggestions

    monkeypatch.setattr(suggestions, "THROTTLE_FROM", 4)
    for i in range(4):
        text = "planning zaal" if i % 2 else "beleid visie"
        triage_services.decide_document(
            DocumentFactory(collection=collection, extracted_text=text, sha256=""),
            manager,
            Decision.DISCARD if i % 2 else Decision.KEEP,
        )
    with mock.patch.object(suggestions, "_train", wraps=suggestions._train) as train:
        suggestions.learned_model(collection)
        triage_services.decide_document(
            DocumentFactory(collection=collection), manager, Decision.KEEP
        )
        suggestions.learned_model(collection)  # one decision later: reused
        assert train.call_count == 1
        for _ in range(suggestions.RETRAIN_EVERY):
            triage_services.decide_document(
                DocumentFactory(collection=collection), manager, Decision.KEEP
            )
        suggestions.learned_model(collection)  # ten decisions later: retrained
        assert train.call_count == 2
