"""The careers site in a real browser: search, filter, open a vacancy, channel link, axe, RTL."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

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
    assert page.get_by_text(
        "Nederlands spreken: niveau B1 – we helpen je dit te leren"
    ).is_visible()
    posting = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert jsonld.problems(posting) == []
    assert page.locator("#apply").is_visible()
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
    assert apply.is_visible()
    href = apply.get_attribute("href")
    assert href.startswith(("/", "mailto:"))
    channel.refresh_from_db()
    assert channel.visit_count == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_careers_pages_in_other_languages_are_accessible(page, careers, language):
    page.goto(reverse("publishing:list"))
    page.select_option("#tb-language", language)
    page.locator("form.tb-lang button").click()
    page.wait_for_load_state()
    assert page.evaluate("() => document.documentElement.lang") == language
    expected_dir = "rtl" if language == "ar" else "ltr"
    assert page.evaluate("() => document.documentElement.dir") == expected_dir
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    page.goto(reverse("publishing:vacancy_redirect", kwargs={"pk": careers["bbl"].pk}))
    assert page.evaluate("() => document.documentElement.dir") == expected_dir
    assert_accessible(page)
