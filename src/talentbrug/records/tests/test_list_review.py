"""Review as Open Archiefbeheer users know it: named reviewers, changes asked with a comment,
resubmission, the archivist role, comments, notifications, typed-name confirmation and the
declaration kept as a record of its own. One test per allowed move, each audited."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.records.constants import (
    Decision,
    ItemStatus,
    ListStatus,
    OverrideStatus,
    ReviewOutcome,
)
from talentbrug.records.models import DestructionList, Document
from talentbrug.records.retention import Refusal, document_verdict
from talentbrug.records.services import collections as collections_services
from talentbrug.records.services import destruction, overrides
from talentbrug.records.services import lists as lists_services
from talentbrug.records.services import review as review_services
from talentbrug.records.services import triage as triage_services

from .factories import DocumentFactory, with_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_list(collection, manager):
    for i in range(3):
        doc = with_file(DocumentFactory(collection=collection, path=f"Werving/{i}.txt"))
        triage_services.decide_document(doc, manager, Decision.DISCARD)
    return lists_services.create_destruction_list(collection, manager, name="Werving 2019 opruimen")


@pytest.fixture
def with_archivist(collection, manager):
    collections_services.update_records_settings(
        collection.organisation, manager, cooling_off_days=7, archivist_required=True
    )


def _events(dl, event_type):
    return AuditEvent.objects.filter(event_type=event_type, object_id=str(dl.pk)).count()


def _mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


# --- submit with named reviewers ---------------------------------------------------------


def test_submit_names_reviewers_mails_them_and_is_audited(
    new_list, manager, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        dl = lists_services.submit_destruction_list(new_list, manager, [reviewer])
    assert dl.status == ListStatus.IN_REVIEW
    assert list(dl.reviewers.all()) == [reviewer]
    assert _events(dl, "records.list_submitted") == 1
    [sent] = _mails_to(reviewer)
    assert "Werving 2019 opruimen" in sent.subject
    assert reverse("records:list_detail", args=[dl.pk]) in sent.body
    assert not _mails_to(manager)


def test_submit_refuses_no_reviewer_the_maker_and_someone_without_the_role(
    new_list, manager, make_staff
):
    hr = make_staff(new_list.organisation, Role.HR_ADVISER, username="hr")
    for chosen, message in (
        ([], "minstens één collega"),
        ([manager], "eigen lijst"),
        ([hr], "mag geen vernietigingslijsten beoordelen"),
    ):
        with pytest.raises(ValidationError, match=message):
            lists_services.submit_destruction_list(new_list, manager, chosen)
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.NEW and not new_list.reviewers.exists()


def test_only_a_named_reviewer_may_approve_or_ask_for_changes(
    new_list, manager, reviewer, make_staff
):
    other = make_staff(new_list.organisation, Role.RECORDS_MANAGER, username="ander")
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    with pytest.raises(ValidationError, match="gekozen beoordelaars"):
        review_services.approve_destruction_list(new_list, other)
    with pytest.raises(ValidationError, match="gekozen beoordelaars"):
        review_services.request_changes(new_list, other, "Graag anders")
    item = new_list.items.first()
    for move in (
        lambda: review_services.approve_item(item, other),
        lambda: review_services.exclude_item(item, other, "Nog nodig"),
    ):
        with pytest.raises(ValidationError, match="gekozen beoordelaars"):
            move()
    item.refresh_from_db()
    assert item.status == ItemStatus.PROPOSED
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.IN_REVIEW


# --- changes asked, processed, resubmitted -----------------------------------------------


def test_changes_requested_goes_back_to_the_maker_who_processes_and_resubmits(
    new_list, manager, reviewer, django_capture_on_commit_callbacks
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    first = new_list.items.order_by("pk").first()
    review_services.approve_item(first, reviewer)
    with pytest.raises(ValidationError, match="Schrijf wat er moet veranderen"):
        review_services.request_changes(new_list, reviewer, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        dl = review_services.request_changes(
            new_list, reviewer, "Werving/0.txt hoort bij een bezwaar."
        )
    assert dl.status == ListStatus.CHANGES_REQUESTED
    first.refresh_from_db()
    assert first.status == ItemStatus.PROPOSED and first.reviewed_by is None
    review = dl.reviews.get()
    assert review.outcome == ReviewOutcome.CHANGES_REQUESTED and "bezwaar" in review.comment
    assert _events(dl, "records.list_changes_requested") == 1
    [sent] = _mails_to(manager)
    assert "Wijzigingen gevraagd" in sent.subject and "bezwaar" in sent.body

    # The maker takes the document off (with a reason) and submits again.
    with pytest.raises(ValidationError):
        lists_services.remove_item(first, manager, "")
    lists_services.remove_item(first, manager, "Bezwaar loopt nog")
    first.refresh_from_db()
    assert first.status == ItemStatus.EXCLUDED
    assert Document.objects.get(pk=first.document_id).decision == Decision.UNDECIDED
    assert AuditEvent.objects.filter(event_type="records.item_removed").count() == 1
    dl = lists_services.submit_destruction_list(dl, manager, [reviewer])
    assert dl.status == ListStatus.IN_REVIEW
    event = AuditEvent.objects.filter(event_type="records.list_submitted").latest("pk")
    assert event.data["resubmitted"] is True
    dl = review_services.approve_destruction_list(dl, reviewer, "Nu goed.")
    assert dl.status == ListStatus.COOLING_OFF
    assert dl.items.filter(status=ItemStatus.APPROVED).count() == 2
    assert [r.outcome for r in dl.reviews.all()] == [
        ReviewOutcome.CHANGES_REQUESTED,
        ReviewOutcome.APPROVED,
    ]


def test_remove_item_only_while_the_list_is_editable(new_list, manager, reviewer):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    with pytest.raises(ValidationError, match="Dit kan niet bij een lijst met status"):
        lists_services.remove_item(new_list.items.first(), manager, "reden")


def test_a_list_with_changes_asked_can_be_put_back_to_new(new_list, manager, reviewer):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    review_services.request_changes(new_list, reviewer, "Opnieuw samenstellen")
    dl = lists_services.abort_destruction_list(new_list, manager, "Nieuwe opzet")
    assert dl.status == ListStatus.NEW


# --- approval with a comment, the archivist ------------------------------------------------


def test_approval_comment_is_kept_and_mailed_to_the_maker(
    new_list, manager, reviewer, django_capture_on_commit_callbacks
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    with django_capture_on_commit_callbacks(execute=True):
        dl = review_services.approve_destruction_list(
            new_list, reviewer, "Steekproef van 3 bekeken."
        )
    assert dl.reviews.get().comment == "Steekproef van 3 bekeken."
    [sent] = _mails_to(manager)
    assert "goedgekeurd" in sent.subject and "Steekproef van 3 bekeken." in sent.body


def test_archivist_is_a_role_of_its_own(
    new_list, manager, reviewer, archivist, with_archivist, django_capture_on_commit_callbacks
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    with django_capture_on_commit_callbacks(execute=True):
        dl = review_services.approve_destruction_list(new_list, reviewer)
    assert dl.status == ListStatus.APPROVED
    assert len(_mails_to(archivist)) == 1  # the archivist is told a list waits
    with pytest.raises(ValidationError, match="Alleen een archivaris"):
        review_services.approve_as_archivist(dl, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        dl = review_services.approve_as_archivist(dl, archivist, "Past bij de selectielijst.")
    assert dl.status == ListStatus.COOLING_OFF and dl.archivist == archivist
    assert dl.reviews.last().outcome == ReviewOutcome.ARCHIVIST_APPROVED
    assert any("archivaris" in m.subject for m in _mails_to(manager))


def test_archivist_may_send_the_list_back_with_a_comment(
    new_list, manager, reviewer, archivist, with_archivist
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    dl = review_services.approve_destruction_list(new_list, reviewer)
    with pytest.raises(ValidationError):
        review_services.archivist_request_changes(dl, archivist, "")
    dl = review_services.archivist_request_changes(dl, archivist, "Categorie 1.2 klopt niet.")
    assert dl.status == ListStatus.CHANGES_REQUESTED and dl.reviewed_by is None
    assert dl.reviews.last().outcome == ReviewOutcome.ARCHIVIST_CHANGES
    assert _events(dl, "records.list_changes_requested") == 1


# --- in-app notifications ----------------------------------------------------------------


def _attention(user):
    page = verified_client(user).get(reverse("pages:home"))
    return {item.title: item.count for item in page.context["attention_items"]}


def test_staff_home_shows_lists_for_the_named_reviewer_and_returned_lists_for_the_maker(
    new_list, manager, reviewer, make_staff
):
    other = make_staff(new_list.organisation, Role.RECORDS_MANAGER, username="ander")
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    assert _attention(reviewer)["Vernietigingslijsten ter beoordeling"] == 1
    lists_page = reverse("records:lists")
    assert "wacht op u" in verified_client(reviewer).get(lists_page).content.decode()
    assert "wacht op u" not in verified_client(other).get(lists_page).content.decode()
    assert _attention(other)["Vernietigingslijsten ter beoordeling"] == 0
    review_services.request_changes(new_list, reviewer, "Graag aanpassen")
    assert _attention(manager)["Uw vernietigingslijsten met gevraagde wijzigingen"] == 1
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    review_services.approve_destruction_list(new_list, reviewer)
    home = _attention(manager)
    assert home["Uw goedgekeurde vernietigingslijsten (wachttijd of archivaris)"] == 1
    assert "Uw vernietigingslijsten met gevraagde wijzigingen" not in home


# --- pages: submit, review, destroy with the typed name ----------------------------------


def test_list_page_submits_to_the_chosen_reviewer(new_list, manager, reviewer):
    client = verified_client(manager)
    page = client.get(reverse("records:list_detail", args=[new_list.pk]))
    assert str(reviewer) in page.content.decode()
    client.post(reverse("records:list_submit", args=[new_list.pk]), {"reviewers": [reviewer.pk]})
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.IN_REVIEW
    assert list(new_list.reviewers.all()) == [reviewer]


def test_reviewer_asks_for_changes_on_the_page_and_the_maker_reads_the_comment(
    new_list, manager, reviewer
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    verified_client(reviewer).post(
        reverse("records:list_changes", args=[new_list.pk]),
        {"comment": "Haal Werving/1.txt eraf, die is nog nodig."},
    )
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.CHANGES_REQUESTED
    text = verified_client(manager).get(reverse("records:list_detail", args=[new_list.pk]))
    body = text.content.decode()
    assert "Haal Werving/1.txt eraf, die is nog nodig." in body
    assert "Bied opnieuw aan" in body


def test_destruction_needs_the_list_name_typed(new_list, manager, reviewer):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    review_services.approve_destruction_list(new_list, reviewer)
    DestructionList.objects.filter(pk=new_list.pk).update(
        cooling_off_until=timezone.now() - timedelta(minutes=1)
    )
    client = verified_client(manager)
    url = reverse("records:list_destroy", args=[new_list.pk])
    response = client.post(url, {"name": "Werving 2019"}, follow=True)
    assert "De naam klopt niet" in response.content.decode()
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.COOLING_OFF
    assert not Document.objects.filter(destroyed_at__isnull=False).exists()
    client.post(url, {"name": " Werving 2019  opruimen "})
    new_list.refresh_from_db()
    assert new_list.status == ListStatus.DESTROYED


# --- the declaration as a record of its own ------------------------------------------------


def test_declaration_is_kept_as_a_record_that_no_list_can_destroy(
    new_list, collection, manager, reviewer
):
    lists_services.submit_destruction_list(new_list, manager, [reviewer])
    dl = review_services.approve_destruction_list(new_list, reviewer)
    DestructionList.objects.filter(pk=dl.pk).update(
        cooling_off_until=timezone.now() - timedelta(minutes=1)
    )
    dl = destruction.destroy_destruction_list(dl, manager)
    record = Document.objects.get(declaration_of=dl)
    assert record.collection == collection and record.decision == Decision.KEEP
    assert record.destroyed_at is None and record.document_date == timezone.localdate()
    with record.file.open("rb") as fh:
        rows = list(csv.reader(io.StringIO(fh.read().decode("utf-8-sig")), delimiter=";"))
    assert {r[6] for r in rows[1:]} == {"Werving/0.txt", "Werving/1.txt", "Werving/2.txt"}
    assert AuditEvent.objects.filter(event_type="records.declaration_stored").count() == 1
    # A re-run stores nothing twice.
    destruction.destroy_destruction_list(dl, manager)
    assert Document.objects.filter(declaration_of=dl).count() == 1

    assert document_verdict(record).refusal == Refusal.DECLARATION
    with pytest.raises(ValidationError, match="verklaring van vernietiging"):
        triage_services.decide_document(record, manager, Decision.DISCARD)
    with pytest.raises(ValidationError, match="Hier kan geen uitzondering"):
        overrides.request_override(record, manager, justification="x" * 40)
    with pytest.raises(ValidationError):
        triage_services.set_document_dates(
            record, manager, document_date=date(2000, 1, 1), trigger_date=None
        )
    page = verified_client(manager).get(reverse("records:list_detail", args=[dl.pk]))
    assert record.path in page.content.decode()


# --- pages of the guard (items 1 and 2) ----------------------------------------------------


def test_card_and_document_page_say_term_unknown_and_never_count_from_upload(collection, manager):
    collection.default_category.bewaartermijn_years = 5
    collection.default_category.save()
    doc = DocumentFactory(collection=collection, document_date=None)
    client = verified_client(manager)
    url = reverse("records:triage", args=[collection.pk])
    card = client.post(url, follow=True).content.decode()
    assert "onbekend" in card and "vul de datum in" in card
    assert "bewaren tot" not in card
    assert "termijn onbekend" in card
    assert "Voorstel: Weggooien" not in card
    page = client.get(reverse("records:document_detail", args=[doc.pk])).content.decode()
    assert "Termijn onbekend: de startdatum ontbreekt" in page

    client.post(
        reverse("records:document_dates", args=[doc.pk]), {"dates-document_date": "2019-04-01"}
    )
    doc.refresh_from_db()
    assert doc.document_date == date(2019, 4, 1) and doc.document_date_by_hand
    page = client.get(reverse("records:document_detail", args=[doc.pk])).content.decode()
    assert "Mag weg: de bewaartermijn liep af op 1 april 2024." in page


def test_collection_page_names_each_refused_document_and_why(collection, manager):
    doc = DocumentFactory(collection=collection, path="Werving/2026/brief.pdf")
    doc.document_date = timezone.localdate() - timedelta(days=10)
    doc.save()
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    page = verified_client(manager).get(reverse("records:collection_detail", args=[collection.pk]))
    body = page.content.decode()
    assert "Werving/2026/brief.pdf" in body
    assert "De bewaartermijn loopt nog tot" in body


def test_override_is_requested_and_approved_on_the_document_page(collection, manager, reviewer):
    doc = DocumentFactory(collection=collection, document_date=None)
    url = reverse("records:override_request", args=[doc.pk])
    verified_client(manager).post(
        url, {"override-justification": "Besluit archiefdienst 2026-117: dubbel exemplaar."}
    )
    override = doc.overrides.get()
    decide = reverse("records:override_decide", args=[doc.pk, override.pk])
    verified_client(manager).post(decide, {"outcome": "approve"})
    override.refresh_from_db()
    assert override.status == OverrideStatus.REQUESTED  # the asker cannot approve
    verified_client(reviewer).post(decide, {"outcome": "approve", "comment": "Akkoord"})
    override.refresh_from_db()
    assert override.status == OverrideStatus.APPROVED and override.decision_comment == "Akkoord"
