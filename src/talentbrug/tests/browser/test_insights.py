"""Insights dashboards in a browser: the programme team's rijksbreed view and an organisation's
view, every page with axe at 1280 and 320 px, the chart and the table behind its toggle."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in, open_link

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "insights:vacancies",
    "insights:applications",
    "insights:selection",
    "insights:onboarding",
    "insights:programmes",
]


def _data(organisation, other_organisation):
    for org, counts in ((organisation, (9, 6, 3)), (other_organisation, (12, 2, 0))):
        vacancy = PublishedVacancyFactory(organisation=org)
        for route, count in zip(("cv", "no_cv", "video"), counts, strict=True):
            ApplicationFactory.create_batch(count, vacancy=vacancy, route=route)


def test_the_programme_team_walks_every_dashboard(
    page, live_server, organisation, other_organisation
):
    _data(organisation, other_organisation)
    log_in(page, live_server, UserFactory(is_programme_team=True))
    page.goto(reverse("pages:home"))
    page.get_by_role("link", name="Inzicht").first.click()
    page.wait_for_url(f"**{reverse('insights:vacancies')}")
    for name in PAGES:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(reverse(name))
        assert "Cijfers van het hele Rijk" in page.locator("main").inner_text()
        assert_accessible(page)
        page.set_viewport_size({"width": 320, "height": 800})
        assert_no_horizontal_scroll(page)
        assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("insights:applications"))
    chart = page.locator("#sollicitaties-route svg[role=img]")
    assert "Sollicitaties per manier van solliciteren" in chart.locator("title").text_content()
    section = page.locator("#sollicitaties-route")
    table = section.locator("table")
    expect(table).to_be_hidden()
    section.get_by_text("Toon de tabel").click()
    table.wait_for(state="visible")
    assert "Totaal" in table.inner_text() and "32" in table.inner_text()
    section.get_by_text("Wat tellen we?").click()
    expect(section.get_by_text("Geteld: sollicitaties die in de gekozen periode")).to_be_visible()
    assert_accessible(page)

    # One organisation, chosen in the filter: its figures next to the Rijk.
    page.get_by_label("Organisatie").select_option(label=other_organisation.name)
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_url("**organisatie=*")
    assert (
        "Cijfers van Logius, naast het gemiddelde van het Rijk" in page.locator("main").inner_text()
    )
    assert "Op deze pagina zijn cijfers verborgen" in page.locator("main").inner_text()
    assert_accessible(page)


def test_an_organisation_sees_itself_next_to_the_rijk(
    page, live_server, make_staff, organisation, other_organisation
):
    _data(organisation, other_organisation)
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("pages:home"))
    page.locator("nav.tb-nav").get_by_role("link", name="Inzicht").click()
    page.wait_for_url(f"**{reverse('insights:vacancies')}")
    page.goto(reverse("insights:applications"))
    main = page.locator("main").inner_text()
    assert "Cijfers van Dienst ICT Uitvoering, naast het gemiddelde van het Rijk" in main
    section = page.locator("#sollicitaties-route")
    section.get_by_text("Toon de tabel").click()
    header = section.locator("thead")
    header.wait_for(state="visible")
    assert "Rijk: aandeel" in header.inner_text()
    assert page.get_by_label("Organisatie").count() == 0
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_programme_teams_own_menu_and_the_quarterly_report_archive(
    page, live_server, organisation
):
    from talentbrug.insights import report

    report.make_report(2026, 3)
    log_in(page, live_server, UserFactory(is_programme_team=True))
    page.goto("/medewerkers/")
    page.wait_for_url(f"**{reverse('insights:vacancies')}")
    nav = page.locator("nav.tb-nav")
    for label, name in (
        ("Lichtingen rijksbreed", "programmes:rijk_cohorts"),
        ("Leerplekken rijksbreed", "programmes:rijk_places"),
    ):
        nav.get_by_role("link", name=label).click()
        page.wait_for_url(f"**{reverse(name)}")
        expect(page.locator("h1")).to_contain_text("het hele Rijk")
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            assert_no_horizontal_scroll(page)
            assert_accessible(page)
        page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reverse("insights:vacancies"))
    page.get_by_role("link", name="Kwartaalrapporten").click()
    page.wait_for_url(f"**{reverse('insights:reports')}")
    expect(page.locator("main table")).to_contain_text("Kwartaal 3 2026")
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF kwartaal 3 2026").click()
    assert download.value.suggested_filename == "doelgroepen-in-cijfers-2026-K3.pdf"


def test_the_obstacle_question_in_arabic_on_a_phone(page, organisation):
    """The optional question at 3 months, right-to-left, at 320 px, errors only after sending."""
    from datetime import timedelta

    from django.utils import timezone

    from talentbrug.onboarding import tokens
    from talentbrug.onboarding.models import ObstacleSurvey
    from talentbrug.onboarding.tests.factories import make_plan

    plan = make_plan(
        organisation,
        start_date=timezone.localdate() - timedelta(days=95),
        preferred_language="ar",
        name="رامي",
    )
    page.set_viewport_size({"width": 320, "height": 800})
    url = reverse(
        "onboarding:portal_obstacles", kwargs={"token": tokens.make_token(plan), "moment": "3"}
    )
    open_link(page, url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator("[aria-invalid=true]").count() == 0
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.locator("input[name=obstacles][value=language]").check()
    page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda address: "wat-was-lastig" not in address)
    assert ObstacleSurvey.objects.get(plan=plan).obstacles == ["language"]
    assert_accessible(page)
