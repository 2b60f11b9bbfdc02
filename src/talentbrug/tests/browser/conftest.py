"""Browser tests: Debian's Chromium driven by Playwright, with axe-core on every visited page."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("TALENTBRUG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make browser` installs Debian's chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Upper bounds, never waits: every wait is on a condition and returns as soon as it holds. CI
# runs on a loaded two-core machine where a page with axe can take seconds, so the bounds are
# generous (Playwright's own expect() bound is 5 s, too tight there).
BROWSER_TIMEOUT_MS = 30_000


def _generous_expect() -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=BROWSER_TIMEOUT_MS)


_generous_expect()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def assert_accessible(page: Any) -> None:
    """Run axe-core on the current page: zero WCAG 2.1 A/AA violations."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error as PlaywrightError

    # A click on a link starts a navigation that may still be under way: wait for the new
    # document, and run axe again when the old one went away underneath it.
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            break
        except PlaywrightError:
            if attempt == 2:
                raise
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_no_horizontal_scroll(page: Any) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways at 320px"


def log_in(page: Any, live_server: Any, user: Any) -> None:
    """Put a session cookie of a verified staff session into the browser."""
    from talentbrug.conftest import verified_client

    client = verified_client(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def keep_screenshot(page: Any, path: Any, *, full_page: bool = True) -> bool:
    """Keep a screenshot for a person to open. A screenshot is never an assertion: on a loaded
    machine Chromium sometimes refuses a capture ("Unable to capture screenshot") right after a
    resize. Wait until the page has the viewport's width, try twice, then warn and go on."""
    import warnings

    from playwright.sync_api import Error as PlaywrightError

    width = (page.viewport_size or {}).get("width")
    for attempt in range(2):
        try:
            if width:
                page.wait_for_function("w => window.innerWidth === w", arg=width)
            page.screenshot(path=str(path), full_page=full_page)
            return True
        except PlaywrightError as error:
            if attempt:
                warnings.warn(f"no screenshot {path}: {error}", stacklevel=2)
                return False
            page.wait_for_load_state("load")
    return False


def open_link(page: Any, url: str) -> None:
    """Open a mailed single-use link as a person does: the link shows a page with one button
    (a mail scanner's GET uses nothing); the person presses it (a POST opens the session)."""
    page.goto(url)
    button = page.locator("form:has(input[name='open_link']) button[type='submit']")
    if button.count():
        with page.expect_navigation():
            button.click()
