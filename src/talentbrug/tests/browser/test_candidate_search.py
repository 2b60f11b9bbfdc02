"""Candidate search for HR in the browser (issue 18, "Search and board"): typed into the box on
the applications list, submitted with the keyboard, results read; axe clean at 1280 and 320 px;
blind review kept for a hiring manager."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.selection.tests.factories import application_in_pipeline

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_hr_searches_by_name_and_a_manager_finds_no_hidden_person(
    page, live_server, organisation, make_staff
):
    progress = application_in_pipeline(
        organisation, candidate__name="Samira Haddad", candidate__email="samira@voorbeeld.nl"
    )
    hr = make_staff(organisation, Role.HR_ADVISER)
    log_in(page, live_server, hr)
    page.goto(reverse("applications:staff_list"))
    box = page.get_by_label("Zoek een kandidaat (naam, e-mailadres, vaardigheid of vacature)")
    box.fill("haddad")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kandidaten zoeken")
    expect(page.get_by_role("heading", name="1 sollicitatie gevonden")).to_be_visible()
    expect(page.get_by_role("link", name="Samira Haddad")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_function("() => window.innerWidth === 320")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The hiring manager: the first stage is blind, the name finds nobody...
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, make_staff(organisation, Role.HIRING_MANAGER))
    page.goto(reverse("applications:staff_search") + "?zoek=haddad")
    expect(page.get_by_role("heading", name="0 sollicitaties gevonden")).to_be_visible()
    # ...the vacancy finds the application under its pseudonym.
    search = page.get_by_label("Naam, e-mailadres, vaardigheid of vacature")
    search.fill(progress.vacancy.title)
    with page.expect_navigation():
        page.get_by_role("button", name="Zoek").click()
    expect(page.get_by_role("link", name=progress.pseudonym)).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Samira")
    assert_accessible(page)
