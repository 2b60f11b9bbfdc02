"""Selection in a real browser: move a card on the board with the keyboard only, open the blind
review page. Axe at 1280 and 320 px."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.selection.constants import StageKind
from talentbrug.selection.models import ApplicationProgress
from talentbrug.selection.tests.factories import application_in_pipeline, vacancy_with_requirements

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def check_both_widths(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_keyboard_move_on_the_board_and_blind_review(page, live_server, make_staff, organisation):
    hr = make_staff(organisation, Role.HR_ADVISER)
    vacancy = vacancy_with_requirements(organisation)
    candidate = CandidateFactory(name="Fatima El Amrani")
    progress = application_in_pipeline(
        organisation,
        vacancy=vacancy,
        candidate=candidate,
        motivation="Ik ben Fatima. Bel me op 06-12345678. Ik werkte vijf jaar op een helpdesk.",
    )
    log_in(page, live_server, hr)

    page.goto(reverse("selection:board", kwargs={"pk": vacancy.pk}))
    check_both_widths(page)
    assert "Fatima" not in page.content()
    card = page.locator(f"[data-testid='card-{progress.pk}']")
    select = card.get_by_label(f"Verplaats {progress.pseudonym} naar")
    select.focus()
    page.keyboard.press("ArrowDown")  # Eerste beoordeling → Opdracht of wervingsdag
    page.keyboard.press("ArrowUp")  # back to Eerste beoordeling
    select.select_option(label="Eerste beoordeling")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Verplaatst naar fase ‘Eerste beoordeling’.")
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.SCREENING
    check_both_widths(page)

    page.get_by_role("link", name=progress.pseudonym).first.click()
    page.wait_for_selector(f"h1:has-text('{progress.pseudonym}')")
    body = page.content()
    assert "Fatima" not in body and "06-12345678" not in body
    assert "helpdesk" in body
    assert "De naam tonen kan pas in een fase die niet anoniem is." in body
    check_both_widths(page)
    assert ApplicationProgress.objects.get(pk=progress.pk).identity_revealed_at is None

    # The scorecard (blind: pseudonym only), the stages and the fairness figures.
    page.get_by_role("link", name="Beoordeel", exact=True).click()
    page.wait_for_selector("h1:has-text('Beoordelingsformulier')")
    assert "Fatima" not in page.content()
    check_both_widths(page)
    for name in ("stages", "fairness", "list"):
        page.goto(reverse(f"selection:{name}", kwargs={"pk": vacancy.pk}))
        check_both_widths(page)


def test_drag_a_card_to_another_stage_goes_through_the_message_preview(
    page, live_server, make_staff, organisation
):
    """Issue 18: drag-and-drop on the board posts the card's own move form, so the drop shows
    the candidate's message first (nothing moved yet) and the move happens on send or hold."""
    hr = make_staff(organisation, Role.HR_ADVISER)
    vacancy = vacancy_with_requirements(organisation)
    progress = application_in_pipeline(organisation, vacancy=vacancy)
    assessment = vacancy.stages.get(kind=StageKind.ASSESSMENT)
    rejected = vacancy.stages.get(kind=StageKind.REJECTED)
    log_in(page, live_server, hr)

    page.goto(reverse("selection:board", kwargs={"pk": vacancy.pk}))
    card = page.locator(f"[data-testid='card-{progress.pk}']")
    expect(card).to_have_attribute("draggable", "true")  # the script ran
    assert card.locator("[data-fact='score']").inner_text() == "0 beoordelingen"
    assert card.locator("[data-fact='days']").inner_text() == "0 dagen in deze fase"
    check_both_widths(page)

    # A column the card may not go to (rejecting needs a reason) takes no drop.
    card.drag_to(page.locator(f"[data-stage='{rejected.pk}']"))
    expect(card).not_to_have_attribute("aria-busy", "true")
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.NEW

    card.drag_to(page.locator(f"[data-stage='{assessment.pk}']"))
    expect(page.get_by_role("heading", name="Bericht aan de kandidaat")).to_be_visible()
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.NEW  # the preview: nothing moved yet
    assert_accessible(page)
    page.get_by_role("button", name="Verplaats zonder bericht").click()
    expect(page.get_by_text("Verplaatst naar fase ‘Opdracht of wervingsdag’.")).to_be_visible()
    progress.refresh_from_db()
    assert progress.stage_id == assessment.pk
    expect(
        page.locator(f"[data-stage='{assessment.pk}'] [data-testid='card-{progress.pk}']")
    ).to_be_visible()
