"""A candidate's magic link in a real browser: works once, a forwarded copy asks for a new
link, and the log-out button ends the session (issue 14, item 10)."""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.applications import tokens
from talentbrug.applications.tests.factories import CandidateFactory

from .conftest import assert_accessible, assert_no_horizontal_scroll, open_link


def test_link_works_once_and_logout_ends_the_session(page, browser, live_server):
    candidate = CandidateFactory(name="Amina Yusuf")
    link = reverse("applications:portal_login", args=[tokens.make_token(candidate)])
    # A mail scanner opens the link first (twice): that uses nothing.
    scanner = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    for _ in range(2):
        scanner.goto(link)
        expect(scanner.get_by_role("button", name="Open je persoonlijke pagina")).to_be_visible()
    scanner.context.close()

    # The person gets the page with one button, usable with the keyboard, axe clean.
    page.goto(link)
    button = page.get_by_role("button", name="Open je persoonlijke pagina")
    expect(button).to_be_visible()
    assert "Amina Yusuf" not in page.locator("main").inner_text()
    assert_accessible(page)
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{reverse('applications:portal')}")
    assert "Amina Yusuf" in page.locator("main").inner_text()

    forwarded = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    open_link(forwarded, link)
    text = forwarded.locator("main").inner_text()
    assert "Deze link is al een keer gebruikt" in text
    assert "Amina Yusuf" not in text
    assert_accessible(forwarded)
    forwarded.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(forwarded)
    forwarded.get_by_role("link", name="Stuur me een nieuwe link").click()
    forwarded.wait_for_url(f"{live_server.url}{reverse('applications:link_request')}")
    forwarded.context.close()

    page.get_by_role("button", name="Uitloggen").first.click()
    page.wait_for_url(f"{live_server.url}{reverse('applications:link_request')}")
    assert "Je bent uitgelogd" in page.locator("body").inner_text()
    page.goto(reverse("applications:portal"))
    page.wait_for_url(f"{live_server.url}{reverse('applications:link_request')}")
    assert "Amina Yusuf" not in page.locator("body").inner_text()


def test_the_confirm_page_in_arabic_on_a_phone(page, live_server):
    """The page a mailed link opens speaks the candidate's language, right to left, at 320 px."""
    candidate = CandidateFactory(preferred_language="ar")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("applications:portal_login", args=[tokens.make_token(candidate)]))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    with page.expect_navigation():
        page.locator("form:has(input[name='open_link']) button").click()
    page.wait_for_url(f"{live_server.url}{reverse('applications:portal')}")
