"""The triage fits the screen: 30 cards at 1280 × 900 (laptop) and 360 × 800 (phone).

After every decision, by keys and by clicks, the next card's title, its suggestion and the four
decision buttons are inside the viewport without scrolling. Undo keeps focus on the card
without a page load, and the keys work while a checkbox of the card has focus.

Set TALENTBRUG_SHOTS=var/shots to write screenshots of every state for people to look at.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot, log_in

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = [(1280, 900), (360, 800)]
CARDS = 30
BUTTONS = ("Bewaren", "Weggooien", "Later", "Twijfel")
KEYS = {"ArrowLeft": "keep", "ArrowRight": "discard", "ArrowUp": "doubt", "ArrowDown": "later"}
PREVIEW = (
    "Verslag van het wervingsoverleg van het team Werving en selectie. Aanwezig: de "
    "recruiter, de leidinggevende en twee collega's van de afdeling. Besproken: de vacature "
    "voor een junior ontwikkelaar, de planning van de gesprekken en de terugkoppeling aan de "
    "kandidaten. Afspraak: de recruiter stuurt de uitnodigingen voor vrijdag.\n"
) * 6


def shot(page, name: str) -> None:
    folder = os.environ.get("TALENTBRUG_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        size = page.viewport_size
        keep_screenshot(
            page, str(Path(folder) / f"triage-{size['width']}-{name}.png"), full_page=False
        )


@pytest.fixture
def fit_setup(settings, tmp_path, make_staff, organisation):
    """A collection of 30 full cards: long titles and paths, a preview, personal data, a
    suggestion with reasons, an author, attachments, an exact copy and unreadable cards."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    from talentbrug.records.services import limits
    from talentbrug.records.tests.factories import (
        CategoryFactory,
        CollectionFactory,
        DocumentFactory,
    )

    user = make_staff(organisation, Role.RECORDS_MANAGER, username="joost")
    category = CategoryFactory(organisation=organisation, code="1.1", bewaartermijn_years=1)

    def collection(label: str):
        made = CollectionFactory(
            organisation=organisation,
            owner=user,
            default_category=category,
            name=f"Gedeelde schijf team Werving en selectie {label}",
        )
        for n in range(CARDS):
            unreadable = n % 7 == 3
            DocumentFactory(
                collection=made,
                path=f"Werving en selectie/2019/Procedures/Junior ontwikkelaar/verslag-{n:02d}.docx",
                title=f"Verslag wervingsoverleg junior ontwikkelaar, ronde {n} (concept, definitief)",
                author="Recruiter Team Werving",
                document_date=date(2019, 3, 1 + n % 28),
                detected_type="docx",
                size=48_000 + n,
                preview="" if unreadable else PREVIEW,
                has_email=True,
                has_phone=n % 2 == 0,
                attachments=[{"name": "bijlage-cv.pdf", "type": "pdf", "size": 1000}],
                sha256=hashlib.sha256(f"{label}-{n if n > 1 else 0}".encode()).hexdigest(),
                analysis_status="unreadable" if unreadable else "done",
                unreadable_reason=limits.encrypted_reason() if unreadable else "",
            )
        return made

    return user, {1280: collection("laptop"), 360: collection("telefoon")}


def card_title(page) -> str:
    return page.locator("#rc-card-title").inner_text()


def assert_in_view(page, what: str, locator) -> None:
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None, f"{what} is not shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (
        f"{what} is outside the viewport ({size['width']}×{size['height']}): {box}"
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (
        f"{what} is outside the viewport ({size['width']}×{size['height']}): {box}"
    )
    # Not hidden behind anything else (such as the buttons that stay at the bottom).
    for fy in (0.1, 0.9):
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * fy
        assert locator.evaluate(
            "(el, [x, y]) => { const hit = document.elementFromPoint(x, y);"
            " return !!hit && (el === hit || el.contains(hit)); }",
            [x, y],
        ), f"{what} is covered at ({x:.0f}, {y:.0f})"


def assert_card_fits(page) -> None:
    """Title, suggestion and the four buttons of the card on screen are in the viewport."""
    assert_in_view(page, "the title", page.locator("#rc-card-title"))
    assert_in_view(page, "the suggestion", page.locator("#rc-suggestion-title"))
    assert_in_view(page, "the first reason", page.locator(".rc-suggestion li").first)
    for name in BUTTONS:
        assert_in_view(
            page,
            f"button {name}",
            page.locator(f"#rc-decide button[name=decision]:has-text('{name}')"),
        )


def wait_for_next(page, before: str) -> None:
    """Wait (on conditions only) until the next card is shown and the decision is saved."""
    page.wait_for_function(
        "t => { const el = document.getElementById('rc-card-title');"
        " return !el || el.innerText !== t; }",
        arg=before,
    )
    # Also the prefetch of the card after it: the test reads the database next, and SQLite's
    # shared in-memory test database refuses a read while the server writes a claim.
    idle(page)


def idle(page) -> None:
    """Wait until no decision, undo or prefetch of the triage screen is under way (so that
    the test ends, or leaves the page, without a request still running on the server)."""
    page.wait_for_selector("#rc-slot:not([aria-busy]):not([data-loading])", state="attached")


def open_triage(page, live_server, fit_setup, width: int, height: int):
    """Log in, size the window and open the triage of this size's collection."""
    user, collections = fit_setup
    log_in(page, live_server, user)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(reverse("records:triage", args=[collections[width].pk]))
    idle(page)
    return collections[width]


def wait_for_undo(page, title: str) -> None:
    """Wait until the undone card is back and saved, and check that no page load happened."""
    page.wait_for_function(
        "t => document.getElementById('rc-card-title').innerText === t", arg=title
    )
    idle(page)
    assert page.evaluate("() => window.rcNoReload") is True, "undo reloaded the page"
    assert page.evaluate("() => document.activeElement.id") == "rc-card-title"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_thirty_cards_fit_the_screen_by_keys_and_clicks(
    page, live_server, fit_setup, width, height
):
    collection = open_triage(page, live_server, fit_setup, width, height)
    shot(page, "1-first-card")
    assert_card_fits(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    decided: dict[str, str] = {}
    for n in range(CARDS):
        assert_card_fits(page)
        title = card_title(page)
        if n < CARDS // 2:
            key = list(KEYS)[n % 4]
            page.keyboard.press(key)
            decided[title] = KEYS[key]
        else:
            name = BUTTONS[n % 4]
            page.locator(f"#rc-decide button[name=decision]:has-text('{name}')").click()
            decided[title] = dict(zip(BUTTONS, ("keep", "discard", "later", "doubt"), strict=True))[
                name
            ]
        wait_for_next(page, title)
        if n == 0:
            shot(page, "2-after-key")
        if n == CARDS // 2:
            shot(page, "3-after-click")
        if page.locator("#rc-card-title").count():
            assert_card_fits(page)
            # Focus is on the new card's title, so a screen reader reads it first.
            assert page.evaluate("() => document.activeElement.id") == "rc-card-title"

    # 'Later' cards come back at the end of the queue: decide those too.
    while page.locator("#rc-card-title").count():
        assert_card_fits(page)
        title = card_title(page)
        page.keyboard.press("ArrowLeft")
        decided[title] = "keep"
        wait_for_next(page, title)
    expect(page.locator("#rc-empty")).to_be_visible()
    idle(page)
    shot(page, "4-done")

    by_title = {d.title: d.decision for d in collection.documents.all()}
    assert by_title == decided
    assert len(by_title) == CARDS


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_undo_keeps_focus_on_the_card_and_keys_work_from_a_checkbox(
    page, live_server, fit_setup, width, height
):
    collection = open_triage(page, live_server, fit_setup, width, height)
    first = card_title(page)

    # The first card has an exact copy: the card shows a checkbox. With focus on it, the
    # arrow keys still decide.
    page.locator("#id_duplicates").focus()
    page.keyboard.press("ArrowRight")
    wait_for_next(page, first)
    assert collection.documents.get(title=first).decision == "discard"
    second = card_title(page)
    shot(page, "5-before-undo")

    # Undo without a page load: the undone card comes back with focus on its title.
    page.evaluate("() => { window.rcNoReload = true; }")
    page.keyboard.press("z")
    wait_for_undo(page, first)
    assert collection.documents.get(title=first).decision == "undecided"
    assert "Ongedaan gemaakt" in page.locator("#rc-announce").inner_text()
    assert_card_fits(page)
    assert_accessible(page)
    shot(page, "6-after-undo")

    # The undo button (by click) works the same way, and the queue goes on from there.
    page.keyboard.press("ArrowLeft")
    wait_for_next(page, first)
    assert card_title(page) == second
    page.get_by_role("button", name="ongedaan").click()
    wait_for_undo(page, first)
    assert collection.documents.get(title=first).decision == "undecided"
    page.keyboard.press("ArrowDown")
    wait_for_next(page, first)
    assert card_title(page) == second
    assert collection.documents.get(title=first).decision == "later"
    idle(page)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_errors_take_focus_and_the_upload_result_names_each_file(
    page, live_server, fit_setup, width, height, tmp_path
):
    """The legal-hold kenmerk: the error summary takes focus and the error is at the field.
    An upload with an empty file: the batch goes in and the result names the empty file."""
    collection = open_triage(page, live_server, fit_setup, width, height)
    document = collection.documents.order_by("pk").first()
    page.goto(reverse("records:document_detail", args=[document.pk]))
    page.get_by_role("button", name="Zet blokkade").click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert "Vul het kenmerk" in page.locator("#id_reference-error").inner_text()
    assert_in_view(page, "the error summary", page.locator("#error-summary"))
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    shot(page, "7-legal-hold-error")
    page.locator("#error-summary a").click()
    page.wait_for_function("() => document.activeElement.id === 'id_reference'")
    page.locator("#id_reference").fill("WOO-2026-0142")
    page.get_by_role("button", name="Zet blokkade").click()
    page.wait_for_selector("text=Dit document mag niet vernietigd worden (WOO-2026-0142).")

    page.goto(reverse("records:collection_detail", args=[collection.pk]))
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    full = tmp_path / "verslag.txt"
    full.write_bytes(b"Verslag van het overleg.")
    page.locator("#id_files").set_input_files([str(empty), str(full)])
    page.get_by_role("button", name="Voeg toe").click()
    page.wait_for_selector("#import-report")
    report = page.locator("#import-report").inner_text()
    assert "2 documenten toegevoegd; 0 kunnen niet gelezen worden." in report
    assert "leeg.txt: Leeg bestand (0 bytes)" in report
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    shot(page, "8-upload-result")
