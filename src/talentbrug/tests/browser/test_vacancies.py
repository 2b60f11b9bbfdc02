"""Draft, check, fix, justify, review and publish a vacancy in a real browser, with axe."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.vacancies.models import Vacancy
from talentbrug.vacancies.tests.factories import SkillFactory

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_hr_adviser_drafts_checks_fixes_justifies_and_publishes(
    page, live_server, make_staff, organisation
):
    SkillFactory(
        label_nl="ICT-gebruikers ondersteunen",
        label_en="support ICT users",
        search_text="ict-gebruikers ondersteunen\nsupport ict users",
    )
    author = make_staff(organisation, Role.HR_ADVISER, Role.HIRING_MANAGER)
    log_in(page, live_server, author)

    page.goto(reverse("vacancies:list"))
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe vacature").click()
    page.get_by_label("Functienaam", exact=True).fill("Servicedeskmedewerker")
    page.locator("#id_tasks_text").fill(
        "Je helpt collega's met vragen over hun laptop. Je komt in een jong team."
    )
    page.locator("#id_requirements_text").fill("Je bent native speaker Engels.")
    page.locator("#id_offer_text").fill("Je werkt 32 tot 36 uur per week.")
    # The live check (htmx, debounced) shows the blocking findings while typing.
    page.wait_for_selector("#live-check .tb-mark--blokkerend")
    assert "native speaker" in page.locator("#live-check").inner_text()
    assert_accessible(page)
    page.get_by_label("Uren per week, minimaal").fill("32")
    page.get_by_label("Uren per week, maximaal").fill("36")
    page.get_by_label("Sluitingsdatum").fill("2099-12-31")
    page.get_by_role("button", name="Sla vacature op").click()
    page.wait_for_selector("#vacancy-status")
    vacancy = Vacancy.objects.get(title="Servicedeskmedewerker")
    assert page.locator("#vacancy-status").inner_text() == "Concept"
    assert page.locator(".tb-finding--blokkerend").count() >= 2
    assert_accessible(page)

    # Fix one problem: no more "jong team".
    page.get_by_role("link", name="Bewerk tekst en gegevens").click()
    page.locator("#id_tasks_text").fill("Je helpt collega's met vragen over hun laptop.")
    page.get_by_role("button", name="Sla vacature op").click()
    page.wait_for_selector("#vacancy-status")
    assert "jong team" not in page.locator(".tb-check").inner_text()

    # Add a competence from ESCO by searching (keyboard: type and press Enter).
    page.get_by_label("Zoek een vaardigheid (Nederlands of Engels)").fill("gebruikers onder")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    results = page.locator("#skill-results")
    results.get_by_role("listitem").filter(has_text="ICT-gebruikers ondersteunen").get_by_role(
        "button", name="Eis bij de start"
    ).click()
    page.wait_for_selector("text=De eis is toegevoegd.")
    assert vacancy.requirements.count() == 1

    # Submit; four eyes: the author cannot approve, a colleague does.
    page.get_by_role("button", name="Bied aan ter beoordeling").click()
    page.wait_for_selector("text=wacht op de beoordeling van een andere HR-adviseur")
    assert page.get_by_role("button", name="Keur goed").count() == 0
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.reload()
    page.get_by_role("button", name="Keur goed").click()
    page.wait_for_selector("text=Status is nu: Goedgekeurd.")
    # Publishing is refused while a blocking finding is unjustified.
    log_in(page, live_server, author)
    page.reload()
    page.get_by_role("button", name="Publiceer vacature").click()
    assert "blokkerende punten" in page.locator("#transition-errors").inner_text()
    assert_accessible(page)

    page.get_by_label("Onderbouwing").fill(
        "Het team ondersteunt alleen internationale collega's in het Engels."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Leg onderbouwing vast").click()
    page.get_by_role("button", name="Publiceer vacature").click()
    page.wait_for_selector("text=Status is nu: Gepubliceerd.")
    vacancy.refresh_from_db()
    assert vacancy.status == "published"
    assert AuditEvent.objects.filter(
        event_type="vacancy.findings_justified", object_id=str(vacancy.pk)
    ).exists()

    page.set_viewport_size({"width": 320, "height": 900})
    page.reload()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_carving_page_is_accessible_and_warns(page, live_server, make_staff, organisation):
    from talentbrug.vacancies.tests.factories import VacancyFactory

    source = VacancyFactory(organisation=organisation, title="Beheerder netwerken")
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("vacancies:carve", kwargs={"source": "vacature", "source_pk": source.pk}))
    assert_accessible(page)
    page.get_by_role("checkbox", name="Je zet laptops klaar.").check()
    page.get_by_role("button", name="Controleer de rol").click()
    assert "minder dan 3" in page.locator("#carve-warnings").inner_text()
    page.get_by_label("Functienaam van de nieuwe rol").fill("Medewerker werkplekken")
    page.get_by_role("button", name="Maak nieuwe rol").click()
    page.wait_for_selector("#vacancy-status")
    assert Vacancy.objects.get(title="Medewerker werkplekken").carved_from == source
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(reverse("vacancies:carve", kwargs={"source": "vacature", "source_pk": source.pk}))
    assert_no_horizontal_scroll(page)
