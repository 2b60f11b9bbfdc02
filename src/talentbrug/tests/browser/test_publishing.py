"""The careers site in a real browser: search, filter, open a vacancy, channel link, axe, RTL."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from talentbrug.publishing import jsonld
from talentbrug.publishing.tests.factories import ChannelFactory, OpenVacancyFactory
from talentbrug.vacancies.constants import ContractType
from talentbrug.vacancies.models import LanguageRequirement, SalaryScale

from .conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def careers(organisation, other_organisation):
    year = timezone.localdate().year
    SalaryScale.objects.create(year=year, scale=6, minimum=Decimal(2600), maximum=Decimal(3550))
    SalaryScale.objects.create(year=year, scale=8, minimum=Decimal(2950), maximum=Decimal(4450))
    bbl = OpenVacancyFactory(
        organisation=organisation,
        title="Medewerker netwerkbeheer (BBL)",
        contract_type=ContractType.BBL,
        tasks_text="<ul><li>Je helpt bij het beheer van netwerken.</li></ul>",
        target_groups=["mbo", "newcomers"],
    )
    LanguageRequirement.objects.create(
        vacancy=bbl, language="nl", skill="speaking", level="B1", timing="with_coach"
    )
    OpenVacancyFactory(
        organisation=other_organisation,
        title="Beheerder netwerken",
        contract_type=ContractType.PERMANENT,
    )
    OpenVacancyFactory(organisation=organisation, title="Servicedeskmedewerker ICT")
    channel = ChannelFactory(vacancy=bbl, name="ROC Rijnland ICT")
    return {"bbl": bbl, "channel": channel}


def _result_titles(page):
    return [t.strip() for t in page.locator(".tb-result h3 a").all_inner_texts()]


def test_visitor_finds_a_bbl_vacancy_by_search_and_filters_and_opens_it(page, careers):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("publishing:list"))
    assert len(_result_titles(page)) == 3
    assert_accessible(page)
    page.get_by_label("Zoek op woord").fill("netwerk")
    page.get_by_label("Soort contract").select_option("bbl")
    page.get_by_label("Nederlands als tweede taal welkom").check()
    page.get_by_role("button", name="Zoek", exact=True).click()
    page.wait_for_url("**/vacatures/?*")
    assert "contract=bbl" in page.url and "q=netwerk" in page.url
    assert _result_titles(page) == ["Medewerker netwerkbeheer (BBL)"]
    assert_accessible(page)
    page.get_by_role("link", name="Medewerker netwerkbeheer (BBL)").click()
    page.wait_for_selector("h1#vacancy-title")
    assert page.get_by_role("heading", level=1).inner_text() == "Medewerker netwerkbeheer (BBL)"
    expect(
        page.get_by_text("Nederlands spreken: niveau B1 – we helpen je dit te leren")
    ).to_be_visible()
    posting = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert jsonld.problems(posting) == []
    expect(page.locator("#apply")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_list_fits_320px(page, careers):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("publishing:list") + "?contract=bbl")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_tracked_channel_link_leads_to_the_vacancy_and_the_apply_step(page, careers):
    channel = careers["channel"]
    page.goto(f"/v/{channel.code}")
    page.wait_for_selector("h1#vacancy-title")
    assert page.get_by_role("heading", level=1).inner_text() == "Medewerker netwerkbeheer (BBL)"
    apply = page.locator("#apply")
    expect(apply).to_be_visible()
    href = apply.get_attribute("href")
    assert href.startswith(("/", "mailto:"))
    channel.refresh_from_db()
    assert channel.visit_count == 1


def test_done_when_filter_bbl_open_json_ld_tracked_link_apply_step(page, careers):
    """Issue 4, "Done when", in one visit: a BBL vacancy found by filters, its page with valid
    JSON-LD, then the tracked channel link, which leads (via the cached page) to the apply step.
    The list and the vacancy page are visited twice, so the second time comes from the cache."""
    bbl, channel = careers["bbl"], careers["channel"]
    for _round in range(2):
        page.goto(reverse("publishing:list"))
        page.get_by_label("Soort contract").select_option("bbl")
        page.get_by_label("Voor wie").select_option("mbo")
        page.get_by_role("button", name="Zoek", exact=True).click()
        page.wait_for_url("**/vacatures/?*contract=bbl*")
        assert _result_titles(page) == ["Medewerker netwerkbeheer (BBL)"]
        assert_accessible(page)
        page.get_by_role("link", name="Medewerker netwerkbeheer (BBL)").click()
        page.wait_for_selector("h1#vacancy-title")
        posting = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        assert jsonld.problems(posting) == []
        assert posting["title"] == "Medewerker netwerkbeheer (BBL)"
        assert_accessible(page)
    page.goto(f"/v/{channel.code}")
    page.wait_for_selector("h1#vacancy-title")
    page.locator("#apply").click()
    page.wait_for_url(f"**{reverse('applications:apply', kwargs={'pk': bbl.pk})}*")
    assert (
        "Solliciteren: Medewerker netwerkbeheer (BBL)"
        in page.get_by_role("heading", level=1).inner_text()
    )
    assert_accessible(page)
    channel.refresh_from_db()
    assert channel.visit_count == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_careers_pages_in_other_languages_are_accessible(page, careers, language):
    page.goto(reverse("publishing:list"))
    page.locator(f"form.tb-lang button[value='{language}']").click()
    page.wait_for_function(f"() => document.documentElement.lang === '{language}'")
    assert page.evaluate("() => document.documentElement.lang") == language
    expected_dir = "rtl" if language == "ar" else "ltr"
    assert page.evaluate("() => document.documentElement.dir") == expected_dir
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    page.goto(reverse("publishing:vacancy_redirect", kwargs={"pk": careers["bbl"].pk}))
    assert page.evaluate("() => document.documentElement.dir") == expected_dir
    assert_accessible(page)


def test_staff_channel_pages_pass_axe_and_fit_320px(
    page, live_server, make_staff, organisation, careers
):
    from talentbrug.accounts.constants import Role

    from .conftest import log_in

    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    vacancy, channel = careers["bbl"], careers["channel"]
    pages = [
        reverse("publishing:overview"),
        reverse("publishing:channels", kwargs={"pk": vacancy.pk}),
        reverse("publishing:flyer", kwargs={"pk": vacancy.pk, "channel_pk": channel.pk}),
    ]
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for url in pages:
            page.goto(url)
            assert page.get_by_role("heading", level=1).count() == 1
            assert_accessible(page)
            if width == 320:
                assert_no_horizontal_scroll(page)
    page.goto(reverse("publishing:channels", kwargs={"pk": vacancy.pk}))
    page.get_by_label("Naam van het kanaal").fill("Refugee Talent Hub")
    page.get_by_label("Soort kanaal").select_option("refugee_org")
    page.get_by_role("button", name="Maak kanaal").click()
    page.wait_for_selector("text=Kanaal 'Refugee Talent Hub' is aangemaakt.")
    assert_accessible(page)
