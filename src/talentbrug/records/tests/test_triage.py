"""Triage: decisions, claims, undo, suggestions (rules and the learned classifier)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.records.constants import Decision, ListStatus, Waardering
from talentbrug.records.learning import NaiveBayes, tokens
from talentbrug.records.models import DecisionLog, Document
from talentbrug.records.services import lists
from talentbrug.records.services import triage as triage_services
from talentbrug.records.suggestions import suggest, term_reason

from .factories import CategoryFactory, DocumentFactory, with_file

pytestmark = pytest.mark.django_db


def test_keep_needs_a_category_and_uses_the_default(collection, manager):
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.KEEP)
    doc.refresh_from_db()
    assert doc.category == collection.default_category
    assert doc.decided_by == manager
    collection.default_category = None
    collection.save()
    other = DocumentFactory(collection=collection)
    with pytest.raises(ValidationError, match="categorie"):
        triage_services.decide_document(other, manager, Decision.KEEP)


def test_category_of_another_organisation_is_refused(collection, manager, other_organisation):
    doc = DocumentFactory(collection=collection)
    foreign = CategoryFactory(organisation=other_organisation)
    with pytest.raises(ValidationError):
        triage_services.decide_document(doc, manager, Decision.KEEP, category=foreign)


def test_decision_is_locked_while_on_a_list_in_review(collection, manager, reviewer):
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    lists.submit_destruction_list(dl, manager, [reviewer])
    with pytest.raises(ValidationError, match="vernietigingslijst"):
        triage_services.decide_document(doc, manager, Decision.KEEP)


def test_changing_a_discard_takes_it_off_a_new_list(collection, manager):
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    assert dl.status == ListStatus.NEW
    triage_services.decide_document(doc, manager, Decision.KEEP)
    assert not dl.items.exists()


# --- claims --------------------------------------------------------------------------------


def test_two_people_never_get_the_same_card(collection, manager, reviewer):
    DocumentFactory.create_batch(3, collection=collection)
    first = triage_services.claim_next_card(collection, manager)
    second = triage_services.claim_next_card(collection, reviewer)
    assert first and second and first != second
    assert triage_services.claim_next_card(collection, manager) == first  # reload: same card


def test_claims_expire(collection, manager, reviewer):
    DocumentFactory(collection=collection)
    start = timezone.now()
    with freeze_time(start):
        card = triage_services.claim_next_card(collection, manager)
        assert triage_services.claim_next_card(collection, reviewer) is None
    with freeze_time(start + timedelta(minutes=triage_services.CLAIM_MINUTES + 1)):
        assert triage_services.claim_next_card(collection, reviewer) == card


def test_undecided_cards_come_before_later_and_doubt_leaves_the_queue(collection, manager):
    a = DocumentFactory(collection=collection, path="a.txt")
    b = DocumentFactory(collection=collection, path="b.txt")
    c = DocumentFactory(collection=collection, path="c.txt")
    triage_services.decide_document(a, manager, Decision.LATER)
    triage_services.decide_document(b, manager, Decision.DOUBT)
    assert triage_services.claim_next_card(collection, manager) == c
    triage_services.decide_document(c, manager, Decision.KEEP)
    assert triage_services.claim_next_card(collection, manager) == a
    triage_services.decide_document(a, manager, Decision.KEEP)
    assert triage_services.claim_next_card(collection, manager) is None


# --- undo ------------------------------------------------------------------------------------


def test_undo_restores_the_previous_state_up_to_ten_times(collection, manager):
    docs = [DocumentFactory(collection=collection, path=f"d{i:02}.txt") for i in range(12)]
    for doc in docs:
        triage_services.decide_document(doc, manager, Decision.DISCARD, note="weg")
    for expected in reversed(docs[2:]):
        undone = triage_services.undo_last_decision(collection, manager)
        assert undone == expected
        assert undone.decision == Decision.UNDECIDED and undone.note == ""
        assert undone.claimed_by == manager  # it comes back as the next card
    with pytest.raises(ValidationError, match="tien"):
        triage_services.undo_last_decision(collection, manager)
    assert DecisionLog.objects.filter(undone_at__isnull=False).count() == 10


def test_undo_is_per_person_and_refuses_when_someone_else_changed_it(collection, manager, reviewer):
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.KEEP)
    with pytest.raises(ValidationError):
        triage_services.undo_last_decision(collection, reviewer)
    triage_services.decide_document(doc, reviewer, Decision.DISCARD)
    with pytest.raises(ValidationError, match="Iemand anders"):
        triage_services.undo_last_decision(collection, manager)


def test_undo_of_a_discard_takes_it_off_a_new_list(collection, manager):
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    triage_services.undo_last_decision(collection, manager)
    assert not dl.items.exists()


def test_apply_decision_to_exact_duplicates(collection, manager):
    original = DocumentFactory(collection=collection, sha256="a" * 64)
    copies = DocumentFactory.create_batch(2, collection=collection, sha256="a" * 64)
    held = DocumentFactory(collection=collection, sha256="a" * 64, legal_hold=True)
    triage_services.decide_document(original, manager, Decision.DISCARD)
    assert triage_services.apply_decision_to_duplicates(original, manager) == 2
    for copy in copies:
        copy.refresh_from_db()
        assert copy.decision == Decision.DISCARD
    held.refresh_from_db()
    assert held.decision == Decision.UNDECIDED


# --- suggestions -------------------------------------------------------------------------------


def test_term_reason_in_words():
    v5 = CategoryFactory.build(
        waardering=Waardering.VERNIETIGEN, bewaartermijn_years=5, trigger="na afloop"
    )
    assert term_reason(v5, date(2019, 6, 1), date(2026, 1, 1)) == (
        Decision.DISCARD,
        "V, 5 jaar na afloop — verlopen in 2024",
    )
    decision, reason = term_reason(v5, date(2023, 6, 1), date(2026, 1, 1))
    assert decision == Decision.KEEP and reason.endswith("bewaren tot 01-06-2028")
    b = CategoryFactory.build(code="1.3", waardering=Waardering.BEWAREN, bewaartermijn_years=None)
    assert term_reason(b, date(2019, 6, 1), date(2026, 1, 1))[0] == Decision.KEEP


def test_suggestions_give_reasons_but_never_decide(collection, manager):
    collection.default_category.bewaartermijn_years = 5
    collection.default_category.save()
    kept = DocumentFactory(collection=collection, sha256="b" * 64, document_date=date(2023, 1, 1))
    triage_services.decide_document(kept, manager, Decision.KEEP)
    copy = DocumentFactory(collection=collection, sha256="b" * 64, document_date=date(2020, 1, 1))
    old_pii = DocumentFactory(collection=collection, document_date=date(2019, 3, 1), has_bsn=True)
    temp = DocumentFactory(collection=collection, empty_or_temporary_reason="Office lock file")
    with freeze_time("2026-02-01"):
        s_copy = suggest(copy)
        s_old = suggest(old_pii)
        s_temp = suggest(temp)
    assert s_copy.decision == Decision.DISCARD
    assert any("Exacte kopie van een bewaard document" in r for r in s_copy.reasons)
    assert s_old.decision == Decision.DISCARD
    assert "V, 5 jaar na afloop van de procedure — verlopen in 2024" in s_old.reasons
    assert "Bevat persoonsgegevens en de termijn is verlopen" in s_old.reasons
    assert s_temp.decision == Decision.DISCARD and "Leeg of tijdelijk" in s_temp.reasons[0]
    for doc in (copy, old_pii, temp):
        doc.refresh_from_db()
        assert doc.decision == Decision.UNDECIDED


def test_b_category_is_never_suggested_for_discard(collection, manager):
    b = CategoryFactory(
        organisation=collection.organisation,
        code="9.9",
        waardering=Waardering.BEWAREN,
        bewaartermijn_years=None,
    )
    doc = DocumentFactory(collection=collection, category=b, empty_or_temporary_reason="leeg")
    assert suggest(doc).decision == Decision.KEEP


def test_naive_bayes_learns_from_examples():
    model = NaiveBayes.train(
        [
            ("planning gesprekken zaal dinsdag", "discard"),
            ("planning gesprekken donderdag zaal", "discard"),
            ("wervingsbeleid visie strategie", "keep"),
            ("beleid strategie arbeidsmarkt visie", "keep"),
        ]
    )
    prediction = model.predict("planning zaal vrijdag")
    assert prediction.label == "discard" and prediction.confidence > 0.7
    assert "planning" in prediction.words or "zaal" in prediction.words
    assert NaiveBayes.train([("a b c", "keep")]).predict("abc") is None
    assert tokens("Één Beleidsnota, 2024!") == ["beleidsnota"]  # "een" is a stop word


def test_learned_suggestion_is_retrained_as_decisions_come_in(collection, manager):
    def doc(text):
        return DocumentFactory(collection=collection, extracted_text=text, sha256="")

    target = doc("planning gesprekken zaal vier dinsdag")
    assert suggest(target).learned is None
    for text in ("planning gesprekken zaal twee", "planning gesprekken zaal drie"):
        triage_services.decide_document(doc(text), manager, Decision.DISCARD)
    for text in ("wervingsbeleid visie strategie", "beleid arbeidsmarkt strategie visie"):
        triage_services.decide_document(doc(text), manager, Decision.KEEP)
    learned = suggest(target)
    assert learned.learned.label == Decision.DISCARD
    assert "weggooien" in learned.learned_text and "zeker" not in learned.learned_text
    assert "nog te weinig beslissingen" in learned.learned_text


# --- views without JavaScript -----------------------------------------------------------------


def test_triage_works_with_plain_form_posts(collection, manager):
    client = verified_client(manager)
    a = with_file(DocumentFactory(collection=collection, path="a.txt"))
    b = DocumentFactory(collection=collection, path="b.txt")
    url = reverse("records:triage", args=[collection.pk])
    # GET only reads: no card is claimed, the page offers a start button (a POST).
    page = client.get(url)
    assert page.status_code == 200 and page.context["document"] is None
    assert b'id="rc-start"' in page.content
    assert client.post(url).url == url
    page = client.get(url)
    assert page.context["document"] == a
    assert b'name="decision" value="keep"' in page.content
    assert b"records/triage.js" in page.content and b'nonce="' in page.content
    response = client.post(
        reverse("records:decide", args=[collection.pk, a.pk]),
        {"decision": "discard", "note": "dubbel"},
    )
    assert response.status_code == 302 and response.url == url
    a.refresh_from_db()
    assert a.decision == Decision.DISCARD and a.note == "dubbel"
    assert client.get(url).context["document"] == b
    client.post(reverse("records:undo", args=[collection.pk]))
    a.refresh_from_db()
    assert a.decision == Decision.UNDECIDED
    assert client.get(url).context["document"] == a


def test_undo_by_fetch_returns_the_undone_card_without_a_reload(collection, manager):
    """triage.js undoes with a fetch: the answer carries the undone card, the progress and
    whether more can be undone, so the screen keeps focus on the card (no page load)."""
    client = verified_client(manager)
    a = DocumentFactory(collection=collection, path="a.txt", title="Verslag A")
    DocumentFactory(collection=collection, path="b.txt", title="Verslag B")
    triage_services.decide_document(a, manager, Decision.DISCARD)
    undo = reverse("records:undo", args=[collection.pk])
    response = client.post(undo, HTTP_X_RECORDS_FETCH="1")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["can_undo"] is False
    assert "Ongedaan gemaakt: a.txt" in body["message"]
    assert 'id="rc-card-title">Verslag A</h2>' in body["card"]
    assert f'data-document="{a.pk}"' in body["card"]
    assert "0 van 2 beslist" in body["progress"]
    a.refresh_from_db()
    assert a.decision == Decision.UNDECIDED and a.claimed_by == manager
    # Nothing left to undo: the screen reloads and shows the message.
    again = client.post(undo, HTTP_X_RECORDS_FETCH="1")
    assert again.status_code == 409 and again.json() == {"ok": False}


def test_decide_by_fetch_says_whether_undo_is_possible(collection, manager):
    client = verified_client(manager)
    a = DocumentFactory(collection=collection, path="a.txt")
    response = client.post(
        reverse("records:decide", args=[collection.pk, a.pk]),
        {"decision": "later"},
        HTTP_X_RECORDS_FETCH="1",
    )
    assert response.json()["can_undo"] is True


def test_hr_adviser_triages_but_cannot_manage(collection, make_staff, organisation):
    hr = verified_client(make_staff(organisation, Role.HR_ADVISER))
    DocumentFactory(collection=collection)
    assert hr.get(reverse("records:triage", args=[collection.pk])).status_code == 200
    assert hr.get(reverse("records:collection_create")).status_code == 403


def test_staff_home_shows_records_attention(collection, manager, reviewer):
    DocumentFactory.create_batch(2, collection=collection)
    doc = DocumentFactory(collection=collection)
    triage_services.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    lists.submit_destruction_list(dl, manager, [reviewer])
    page = verified_client(reviewer).get(reverse("pages:home"))
    titles = {item.title: item.count for item in page.context["attention_items"]}
    assert titles["Vernietigingslijsten ter beoordeling"] == 1
    assert titles["Documenten om te beoordelen"] == 2
    own = verified_client(manager).get(reverse("pages:home"))
    assert {i.title: i.count for i in own.context["attention_items"]}[
        "Vernietigingslijsten ter beoordeling"
    ] == 0
    assert b"Bewaren of weggooien" in page.content  # menu item


def test_upload_view_imports_and_reports(collection, manager):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = verified_client(manager)
    response = client.post(
        reverse("records:collection_upload", args=[collection.pk]),
        {
            "files": [
                SimpleUploadedFile("a.txt", b"Tekst a"),
                SimpleUploadedFile("b.txt", b"Tekst b"),
            ]
        },
        follow=True,
    )
    assert "2 documenten toegevoegd" in response.content.decode()
    assert Document.objects.filter(collection=collection).count() == 2
    bad = client.post(
        reverse("records:collection_upload", args=[collection.pk]),
        {"archive": SimpleUploadedFile("x.zip", b"geen zip")},
        follow=True,
    )
    assert "geen geldig ZIP-bestand" in bad.content.decode()


def test_opening_the_triage_page_claims_nothing(collection, manager, reviewer):
    """A GET (a person opening the page, a link checker, a prefetching browser) never claims
    a card: two information managers still never get the same card, because claims are taken
    by POST (start button, decision, triage.js's card fetch) with a conditional update."""
    a, b = (DocumentFactory(collection=collection, path=f"{x}.txt") for x in "ab")
    url = reverse("records:triage", args=[collection.pk])
    first, second = verified_client(manager), verified_client(reviewer)
    for _ in range(2):
        assert first.get(url).status_code == 200
        assert second.get(url).status_code == 200
    assert not Document.objects.filter(claimed_by__isnull=False).exists()
    # Claiming is a POST; both press start at once: each gets another card.
    first.post(url)
    second.post(url)
    assert first.get(url).context["document"] == a
    assert second.get(url).context["document"] == b
    a.refresh_from_db()
    claimed_until = a.claimed_until
    first.get(url)  # a reload shows the same card and does not extend the claim
    a.refresh_from_db()
    assert a.claimed_until == claimed_until
    # The card fragment (triage.js) is a POST too.
    assert first.get(reverse("records:triage_card", args=[collection.pk])).status_code == 405
