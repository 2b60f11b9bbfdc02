"""The destruction flow in a real browser: refused documents, the date on the document, named
reviewers, changes asked, and destruction confirmed by typing the list's name.

Every page is checked with axe and for sideways scrolling at 360 px; screenshots of each page
at 1280 × 900 and 360 × 800 go to var/shots/records-destruction/ for people to look at.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot, log_in

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("var/shots/records-destruction")
SIZES = {"1280": (1280, 900), "360": (360, 800)}


@pytest.fixture
def setup(settings, tmp_path, make_staff, organisation):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    from talentbrug.records.constants import Decision, Waardering
    from talentbrug.records.services import collections as collections_services
    from talentbrug.records.services import triage as triage_services
    from talentbrug.records.tests.factories import CategoryFactory, DocumentFactory, with_file

    maker = make_staff(organisation, Role.RECORDS_MANAGER, username="joost")
    reviewer = make_staff(organisation, Role.RECORDS_MANAGER, username="noor")
    v1 = CategoryFactory(organisation=organisation, code="1.2", bewaartermijn_years=1)
    b = CategoryFactory(
        organisation=organisation,
        code="1.3",
        name="Vaststelling beleid",
        waardering=Waardering.BEWAREN,
        bewaartermijn_years=None,
    )
    collection = collections_services.create_collection(
        organisation, maker, name="Gedeelde schijf team Werving", default_category=v1
    )
    today = timezone.localdate()
    docs = {
        "expired": DocumentFactory(collection=collection, path="Werving/2019/sollicitatie-a.pdf"),
        "expired2": DocumentFactory(collection=collection, path="Werving/2019/sollicitatie-b.pdf"),
        "b": DocumentFactory(collection=collection, path="Beleid/werving-2019.docx", category=b),
        "running": DocumentFactory(
            collection=collection,
            path="Werving/2026/sollicitatie-c.pdf",
            document_date=today - timedelta(days=17),
        ),
        "undated": DocumentFactory(
            collection=collection, path="Werving/onbekend/notitie.txt", document_date=None
        ),
    }
    for doc in docs.values():
        with_file(doc)
        triage_services.decide_document(doc, maker, Decision.DISCARD)
    return maker, reviewer, collection, docs


def look(page, name):
    """Check the page at both sizes and keep a screenshot of each for a person to open."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        keep_screenshot(page, str(SHOTS / f"{name}-{label}.png"), full_page=True)
        if label == "360":
            assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)


def test_only_lawful_documents_reach_the_list_and_review_goes_round(page, live_server, setup):
    from talentbrug.records.constants import ListStatus
    from talentbrug.records.models import DestructionList, Document

    maker, reviewer, collection, docs = setup
    log_in(page, live_server, maker)

    # The collection names the refused documents and why.
    page.goto(reverse("records:collection_detail", args=[collection.pk]))
    refused = page.locator("#geweigerd-documenten")
    assert "3 weggegooide documenten mogen (nog) niet weg" in refused.inner_text()
    assert "waardering B" in refused.inner_text()
    assert "Termijn onbekend" in refused.inner_text()
    look(page, "collection")

    # The undated document: "termijn onbekend", then the date is set on the document.
    page.goto(reverse("records:document_detail", args=[docs["undated"].pk]))
    assert "Termijn onbekend" in page.locator("#rc-verdict").inner_text()
    look(page, "document-undated")
    page.fill("#id_dates-document_date", "2019-04-01")
    page.get_by_role("button", name="Sla datums op").click()
    page.wait_for_selector("text=Mag weg: de bewaartermijn liep af op 1 april 2020.")

    # The list holds the three lawful documents only.
    page.goto(reverse("records:collection_detail", args=[collection.pk]))
    page.get_by_role("button", name="Stel vernietigingslijst op").click()
    page.wait_for_selector("#list-status")
    dl = DestructionList.objects.get()
    paths = set(dl.items.values_list("record_path", flat=True))
    assert paths == {
        "Werving/2019/sollicitatie-a.pdf",
        "Werving/2019/sollicitatie-b.pdf",
        "Werving/onbekend/notitie.txt",
    }
    look(page, "list-new")

    # Submit to a named reviewer.
    page.get_by_label(str(reviewer)).check()
    page.get_by_role("button", name="Bied aan ter beoordeling").click()
    page.wait_for_selector("#list-reviewers")
    assert page.locator("#list-status").inner_text() == "Ter beoordeling"

    # The reviewer asks for changes with a comment.
    log_in(page, live_server, reviewer)
    page.goto(reverse("records:lists"))
    assert "wacht op u" in page.locator("main").inner_text()
    look(page, "lists")
    page.goto(reverse("records:list_detail", args=[dl.pk]))
    look(page, "list-review")
    page.fill("#review-comment", "Werving/onbekend/notitie.txt: datum graag eerst nakijken.")
    page.get_by_role("button", name="Vraag om wijzigingen").click()
    page.wait_for_selector("#changes-requested")

    # The maker reads it, takes the document off and submits again.
    log_in(page, live_server, maker)
    page.goto(reverse("records:list_detail", args=[dl.pk]))
    assert "datum graag eerst nakijken" in page.locator(".rc-reviews").inner_text()
    look(page, "list-changes-requested")
    item = dl.items.get(record_path="Werving/onbekend/notitie.txt")
    row = page.locator(f"#item-{item.pk}")
    row.locator("summary").click()
    row.locator("textarea").fill("Datum wordt nagekeken")
    row.get_by_role("button", name="Haal van de lijst").click()
    page.wait_for_selector(f"#item-{item.pk} >> text=Uitgezonderd")
    page.get_by_label(str(reviewer)).check()
    page.get_by_role("button", name="Bied opnieuw aan").click()
    page.wait_for_selector("text=Ter beoordeling")

    log_in(page, live_server, reviewer)
    page.goto(reverse("records:list_detail", args=[dl.pk]))
    page.fill("#review-comment", "Nu in orde.")
    page.get_by_role("button", name="Keur lijst goed").click()
    page.wait_for_selector("#list-status:has-text('Wachttijd')")

    # After the cooling-off period: destruction needs the typed name.
    DestructionList.objects.filter(pk=dl.pk).update(
        cooling_off_until=timezone.now() - timedelta(minutes=1)
    )
    log_in(page, live_server, maker)
    page.goto(reverse("records:list_detail", args=[dl.pk]))
    look(page, "list-destroy")
    page.fill("#id_name", "verkeerde naam")
    page.get_by_role("button", name="Vernietig na de wachttijd").click()
    page.wait_for_selector("text=De naam klopt niet")
    assert DestructionList.objects.get(pk=dl.pk).status == ListStatus.COOLING_OFF
    page.fill("#id_name", dl.name)
    page.get_by_role("button", name="Vernietig na de wachttijd").click()
    page.wait_for_selector("#declaration-record")
    look(page, "list-destroyed")

    destroyed = set(
        Document.objects.filter(destroyed_at__isnull=False).values_list("path", flat=True)
    )
    assert destroyed == {"Werving/2019/sollicitatie-a.pdf", "Werving/2019/sollicitatie-b.pdf"}
    assert Document.objects.get(pk=docs["b"].pk).destroyed_at is None
    assert Document.objects.get(pk=docs["running"].pk).destroyed_at is None
    assert Document.objects.get(pk=docs["undated"].pk).document_date == date(2019, 4, 1)


def test_triage_card_without_a_date_links_to_setting_it(page, live_server, setup):
    from talentbrug.records.tests.factories import DocumentFactory

    maker, _reviewer, collection, _docs = setup
    DocumentFactory(collection=collection, path="Werving/zonder-datum.txt", document_date=None)
    log_in(page, live_server, maker)
    page.goto(reverse("records:triage", args=[collection.pk]))
    card = page.locator("#rc-card")
    assert "vul de datum in" in card.inner_text()
    assert "bewaren tot" not in card.inner_text()
    look(page, "card-undated")

    page.goto(reverse("records:categories"))
    page.select_option("#id_start_date_rule", "trigger_date")
    assert "telt vanaf: de documentdatum" in page.locator("main").inner_text()
    look(page, "categories")
