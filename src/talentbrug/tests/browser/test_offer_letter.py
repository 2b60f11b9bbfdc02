"""The offer letter in a real browser: the candidate reads it in the portal (Dutch at 1280 px,
Arabic right-to-left at 320 px), says yes with the keyboard, and the onboarding plan starts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.selection import offer_letter
from talentbrug.selection.constants import OfferStatus
from talentbrug.selection.models import Offer
from talentbrug.selection.tests.factories import application_in_pipeline
from talentbrug.vacancies.models import SalaryScale

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def _offer(organisation, hr, language):
    scale = SalaryScale.objects.create(
        year=2026, scale=7, minimum=Decimal("3000"), maximum=Decimal("4200")
    )
    candidate = CandidateFactory(preferred_language=language)
    progress = application_in_pipeline(organisation, candidate=candidate)
    today = timezone.localdate()
    return offer_letter.make_and_send(
        progress,
        hr,
        {Role.HR_ADVISER},
        answer_by=today + timedelta(days=7),
        right_to_work=True,
        salary_scale=scale,
        step=4,
        start_date=today + timedelta(days=40),
        hours=32,
        contract_type="permanent",
    )


def _as_candidate(page, live_server, candidate):
    client = portal_client(candidate)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_candidate_reads_the_offer_and_says_yes(
    page, live_server, organisation, make_staff, tmp_path
):
    hr = make_staff(organisation, Role.HR_ADVISER)
    offer = _offer(organisation, hr, "nl")
    application = offer.progress.application
    _as_candidate(page, live_server, application.candidate)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    with page.expect_navigation():
        page.get_by_role("link", name="Lees je aanbod").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanbod")
    expect(page.get_by_text("Schaal 7, trede 4")).to_be_visible()
    assert_accessible(page)
    keep_screenshot(page, tmp_path / "offer-nl.png")
    accept = page.get_by_role("button", name="Ja, ik neem het aanbod aan")
    accept.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Je hebt ja gezegd").first).to_be_visible()
    expect(page.get_by_role("button", name="Ja, ik neem het aanbod aan")).to_have_count(0)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    assert OnboardingPlan.objects.filter(application=application).exists()


def test_the_offer_in_arabic_on_a_phone(page, live_server, organisation, make_staff, tmp_path):
    hr = make_staff(organisation, Role.HR_ADVISER)
    offer = _offer(organisation, hr, "ar")
    _as_candidate(page, live_server, offer.progress.application.candidate)
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("selection:portal_offer", kwargs={"pk": offer.pk}))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    keep_screenshot(page, tmp_path / "offer-ar-320.png")
    # The page is in Arabic: find the decline form by what it sends, read the Arabic answer.
    decline = page.locator("form:has(input[name='answer'][value='decline'])")
    decline.locator("textarea").fill("Ik verhuis naar het buitenland.")
    with page.expect_navigation():
        decline.locator("button[type='submit']").click()
    with translation.override("ar"):
        said_no = gettext("Je hebt nee gezegd op dit aanbod.")
    assert said_no != "Je hebt nee gezegd op dit aanbod."  # translated
    expect(page.get_by_text(said_no).first).to_be_visible()
    assert Offer.objects.get(pk=offer.pk).decline_reason == "Ik verhuis naar het buitenland."
