"""A known address in a real browser: the same "verstuurd" page, then the link from the e-mail
and the confirm button; HR sees the mail's status on the application page. axe at 360 and 1280
px; screenshots under var/shots/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Application, PendingApplication
from talentbrug.applications.tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    PublishedVacancyFactory,
)

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot, log_in
from .test_applying import _quick, fill_common, reveal, submit  # noqa: F401 - the fixture is used

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("var/shots")


def look(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((360, 800), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        keep_screenshot(page, str(SHOTS / f"{name}-{width}.png"), full_page=True)


def test_known_address_waits_for_the_link_then_hr_sees_the_mails(
    page, live_server, make_staff, organisation
):
    known = CandidateFactory(email="amira@voorbeeld.nl", name="Amira Haddad")
    ApplicationFactory(candidate=known)
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Servicedeskmedewerker")
    page.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "no_cv"}))
    fill_common(page, "Iemand Anders", "amira@voorbeeld.nl")
    reveal(page, "[name=experience_title]").fill("Monteur")
    reveal(page, "[name=can_do]").fill("Ik kan klanten helpen.")
    submit(page)
    assert "Je sollicitatie is verstuurd" in page.get_by_role("heading", level=1).inner_text()
    assert "bevestigen" in page.content()
    look(page, "known-address-done")
    assert not Application.objects.filter(vacancy=vacancy).exists()
    assert PendingApplication.objects.count() == 1

    [message] = [m for m in mail.outbox if m.to == ["amira@voorbeeld.nl"]]
    link = re.search(r"https?://\S+/solliciteren/bevestigen/\S+/", message.body).group(0)
    page.goto(urlsplit(link).path)
    expect(page.get_by_role("button", name="Ja, dit was ik")).to_be_visible()
    look(page, "known-address-confirm")
    page.get_by_role("button", name="Ja, dit was ik").click()
    page.wait_for_url("**/solliciteren/klaar/**")
    application = Application.objects.get(vacancy=vacancy)
    assert application.candidate == known
    assert not PendingApplication.objects.exists()

    page.context.clear_cookies()
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("applications:staff_detail", args=[application.pk]))
    section = page.locator("#e-mails")
    section.get_by_text("Nieuws").or_(section.get_by_text("Servicedeskmedewerker")).first.wait_for()
    assert "verzonden" in section.inner_text()
    section.scroll_into_view_if_needed()
    look(page, "staff-application-mails")
