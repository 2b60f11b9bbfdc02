"""Bewaren of weggooien in a real browser: swipe, keys and buttons (with undo), axe, 320 px."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def triage_setup(settings, tmp_path, make_staff, organisation):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    from django.core.files.base import ContentFile

    from talentbrug.records.services import collections as collections_services
    from talentbrug.records.services import uploads
    from talentbrug.records.tests.factories import CategoryFactory

    user = make_staff(organisation, Role.RECORDS_MANAGER, username="joost")
    category = CategoryFactory(organisation=organisation, code="1.1", bewaartermijn_years=5)
    collection = collections_services.create_collection(
        organisation, user, name="Gedeelde schijf team Werving", default_category=category
    )
    files = [
        ContentFile(
            f"Document {letter}: verslag van het wervingsoverleg.".encode(), name=f"{letter}.txt"
        )
        for letter in "abcdefg"
    ]
    uploads.import_files(collection, user, files)
    return user, collection


def decision_of(collection, name):
    return collection.documents.get(name=name).decision


def saved(page):
    """With JavaScript a decision is posted in the background and the prefetched next card
    is shown at once (no page load): wait until the post has been saved and the card after
    it prefetched (no request still running when the test ends)."""
    page.wait_for_selector("#rc-slot:not([aria-busy]):not([data-loading])", state="attached")


def swipe(page, dx):
    box = page.locator("#rc-card").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 40
    before = card_title(page)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx / 2, y, steps=5)
    page.mouse.move(x + dx, y, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "t => (document.getElementById('rc-card-title') || {}).innerText !== t", arg=before
    )
    saved(page)


def press(page, key):
    before = card_title(page)
    page.keyboard.press(key)
    page.wait_for_function(
        "t => (document.getElementById('rc-card-title') || {}).innerText !== t", arg=before
    )
    saved(page)


def card_title(page):
    return page.locator("#rc-card-title").inner_text()


def test_triage_by_swipe_keys_and_buttons_with_undo(page, live_server, triage_setup):
    user, collection = triage_setup
    log_in(page, live_server, user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("records:triage", args=[collection.pk]))
    assert card_title(page) == "a.txt"
    assert_accessible(page)

    # A short drag does nothing: below the threshold the card snaps back.
    box = page.locator("#rc-card").bounding_box()
    page.mouse.move(box["x"] + 100, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=4)
    page.mouse.up()
    assert card_title(page) == "a.txt"

    swipe(page, -250)  # left = bewaren
    assert decision_of(collection, "a.txt") == "keep"
    assert card_title(page) == "b.txt"
    swipe(page, 250)  # right = weggooien
    assert decision_of(collection, "b.txt") == "discard"

    press(page, "ArrowRight")
    assert decision_of(collection, "c.txt") == "discard"
    press(page, "ArrowUp")
    assert decision_of(collection, "d.txt") == "doubt"
    press(page, "ArrowLeft")
    assert decision_of(collection, "e.txt") == "keep"

    # Undo brings the card back without a page load (see test_records_triage_fit.py).
    page.keyboard.press("z")
    page.wait_for_function("() => document.getElementById('rc-card-title').innerText === 'e.txt'")
    saved(page)
    assert decision_of(collection, "e.txt") == "undecided"
    assert "Ongedaan gemaakt" in page.locator("#rc-announce").inner_text()

    page.get_by_role("button", name="Weggooien").click()
    page.wait_for_function("() => document.getElementById('rc-card-title').innerText !== 'e.txt'")
    saved(page)
    assert decision_of(collection, "e.txt") == "discard"
    # The next card was prefetched: it appeared without a page load.
    assert card_title(page) == "f.txt"
    assert "e.txt" in page.locator("#rc-announce").inner_text()
    page.get_by_role("button", name="Later").click()
    page.wait_for_function("() => document.getElementById('rc-card-title').innerText !== 'f.txt'")
    saved(page)
    assert decision_of(collection, "f.txt") == "later"
    page.get_by_role("button", name="ongedaan").click()
    page.wait_for_function("() => document.getElementById('rc-card-title').innerText === 'f.txt'")
    saved(page)
    assert decision_of(collection, "f.txt") == "undecided"
    assert card_title(page) == "f.txt"

    # Typing in the note does not trigger shortcuts.
    page.get_by_label("Notitie").fill("Zeker weten")
    assert card_title(page) == "f.txt"
    assert_accessible(page)

    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    swipe(page, -200)
    assert decision_of(collection, "f.txt") == "keep"


def test_records_pages_pass_axe_at_320_and_1280(page, live_server, triage_setup):
    user, collection = triage_setup
    from talentbrug.records.services import lists as lists_services
    from talentbrug.records.services import triage as triage_services

    doc = collection.documents.get(name="a.txt")
    # A plain text file has no date of its own: without one it may not go on a list.
    triage_services.set_document_dates(doc, user, document_date=date(2019, 1, 1), trigger_date=None)
    triage_services.decide_document(doc, user, "discard")
    dl = lists_services.create_destruction_list(collection, user)
    log_in(page, live_server, user)
    urls = [
        reverse("records:index"),
        reverse("records:collection_detail", args=[collection.pk]),
        reverse("records:document_detail", args=[doc.pk]),
        reverse("records:list_detail", args=[dl.pk]),
        reverse("records:lists"),
        reverse("records:categories"),
        reverse("records:settings"),
        reverse("records:collection_create"),
    ]
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(url)
            assert page.get_by_role("heading", level=1).count() == 1
            assert_accessible(page)
            if width == 320:
                assert_no_horizontal_scroll(page)
