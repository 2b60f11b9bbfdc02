"""Hostile files in a real browser: the apply form refuses them in Dutch and names the file;
a 1,000-character name is accepted (no bare "Bad Request"). Screenshots under var/shots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from talentbrug.applications.models import Document
from talentbrug.applications.tests.factories import PublishedVacancyFactory
from talentbrug.applications.tests.helpers import pdf_cv
from talentbrug.tests.hostile.samples import LONG_NAME

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot
from .test_applying import _quick  # noqa: F401 - autouse: files in tmp, no anti-bot wait

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("var/shots")
SIZES = ((1280, 900), (360, 800))


def _look(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        if width < 400:
            assert_no_horizontal_scroll(page)
        keep_screenshot(page, str(SHOTS / f"{name}-{width}.png"), full_page=False)


def _fill(page) -> None:
    """Step 1 of the apply form: who you are (the form shows one step at a time)."""
    page.locator("[name=name]").fill("Jan Jansen")
    page.locator("[name=email]").fill("jan.jansen@voorbeeld.nl")
    page.locator("#id_right_to_work_0").check()
    page.locator("[data-step]:not([hidden]) [data-step-next]").click()


def _submit(page, file: dict) -> None:
    """On the step with the CV: choose the file, walk to the last step, agree and send."""
    page.locator("[name=cv]").set_input_files(file)
    while page.locator("[data-step]:not([hidden]) [data-step-next]").count():
        page.locator("[data-step]:not([hidden]) [data-step-next]").click()
    if not page.locator("#id_privacy").is_checked():
        page.locator("#id_privacy").check()
    page.locator("button[type=submit][data-submit-once]").click()


def test_a_script_image_is_refused_in_dutch_and_a_long_name_is_accepted(page):
    vacancy = PublishedVacancyFactory()
    page.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"}))
    _fill(page)
    _submit(
        page,
        {
            "name": "foto.svg",
            "mimeType": "image/svg+xml",
            "buffer": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        },
    )
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert "We nemen ‘foto.svg’ niet aan" in summary.inner_text()
    assert "Stuur een PDF" in summary.inner_text()
    _look(page, "apply-refused-svg")
    assert not Document.objects.exists()

    _submit(page, {"name": LONG_NAME, "mimeType": "application/pdf", "buffer": pdf_cv()})
    page.wait_for_url("**/solliciteren/klaar/**")
    document = Document.objects.get()
    assert document.original_name.endswith(".pdf") and len(document.original_name) <= 150


def test_the_bad_request_page_is_dutch_and_says_what_to_do(page):
    """Part headers over the 8 KB bound (a 9,000-character name): a Dutch page, not Django's."""
    vacancy = PublishedVacancyFactory()
    page.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"}))
    _fill(page)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        _submit(
            page, {"name": "x" * 9000 + ".pdf", "mimeType": "application/pdf", "buffer": pdf_cv()}
        )
    assert answer.value.status == 400
    heading = page.get_by_role("heading", level=1)
    heading.wait_for()
    assert heading.inner_text() == "Dit konden we niet lezen"
    assert "kortere naam" in page.content() and "Bad Request" not in page.content()
    assert not Document.objects.exists()
    _look(page, "bad-request")
