"""One truth on the work-sample and recruitment-day routes (issue #18, items 3, 4 and 9).

HR sets both routes up on the vacancy's own pages in the browser (no /beheer/); the careers
page then offers them. One candidate (nl) applies with the assignment, one (ar, right-to-left)
picks a time on the recruitment day, reading date, time and place in Arabic. After each step
the test reads the portal, the HR list, the board, HR's bell and the mail that went out; axe
runs on every page read.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Application, Booking
from talentbrug.applications.services import extraction as application_extraction
from talentbrug.applications.tests.conftest import fake_extract_skills
from talentbrug.publishing.facts import public_url
from talentbrug.selection.constants import CANDIDATE_STEP_TEXT, StageKind
from talentbrug.selection.tests.factories import vacancy_with_requirements
from talentbrug.vacancies.constants import VacancyStatus

from .conftest import assert_accessible
from .test_applying import fill_common, reveal, submit
from .test_one_truth import (
    NAV,
    as_candidate,
    as_staff,
    board_column,
    hr_row,
    in_language,
    move_on_application_page,
    portal_step,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick(settings, monkeypatch, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    monkeypatch.setattr(application_extraction, "extract_skills", fake_extract_skills)
    from django.core.cache import cache

    cache.clear()


def bell_count(page) -> str:
    page.goto(reverse("pages:home"))
    count = page.locator("#bell-count")
    count.wait_for(timeout=NAV)
    return count.inner_text().strip()


def test_work_sample_and_recruitment_day_routes_one_truth(
    page, live_server, make_staff, organisation
):
    page.set_viewport_size({"width": 1280, "height": 900})
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Hanna")
    vacancy = vacancy_with_requirements(
        organisation,
        created_by=hr,
        contact_email="werving@dictu.example",
        status=VacancyStatus.PUBLISHED,
        apply_routes=["cv", "work_sample", "recruitment_day"],
    )
    day = timezone.localdate() + timedelta(days=21)

    # Before: the careers page does not promise what cannot be used.
    page.goto(public_url(vacancy))
    page.wait_for_load_state("load")
    expect(page.locator("main")).not_to_contain_text("Met een opdracht")
    expect(page.locator("main")).not_to_contain_text("Op een wervingsdag")

    # HR sets up the assignment on the vacancy's pages.
    as_staff(page, live_server, hr)
    page.goto(reverse("vacancies:detail", args=[vacancy.pk]))
    page.get_by_role("link", name="Stel opdracht en wervingsdagen in").click()
    page.wait_for_url(f"**/medewerkers/vacatures/{vacancy.pk}/manieren/", timeout=NAV)
    assert_accessible(page)
    page.get_by_role("link", name="Maak een opdracht").click()
    page.wait_for_url("**/manieren/opdracht/", timeout=NAV)
    page.get_by_label("Titel van de opdracht").fill("Los een storingsmelding op")
    page.get_by_label("Wat moet de kandidaat doen?").fill("Lees de melding. Schrijf wat je doet.")
    page.get_by_label("Waar letten de beoordelaars op?").fill("Je stelt de goede vragen")
    page.get_by_label("Inleveren voor (datum)").fill(day.isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Sla de opdracht op").click()
    page.wait_for_url(f"**/medewerkers/vacatures/{vacancy.pk}/manieren/", timeout=NAV)
    expect(page.locator("[data-route=work_sample]")).to_contain_text("aangeboden")
    expect(page.locator("[data-route=recruitment_day]")).to_contain_text("niet aangeboden")

    # ... and a recruitment day with one time.
    page.get_by_role("link", name="Maak een wervingsdag").click()
    page.wait_for_url("**/wervingsdag/nieuw/", timeout=NAV)
    page.get_by_label("Naam van de wervingsdag").fill("Wervingsdag servicedesk")
    page.get_by_label("Plaats en hoe je er komt").fill("Apeldoorn, Kennedylaan 2\nBel aan.")
    page.get_by_role("button", name="Sla de wervingsdag op").click()
    page.wait_for_url(re.compile(r".*/manieren/wervingsdag/\d+/$"), timeout=NAV)
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("12:00")
    page.get_by_label("Aantal plaatsen").fill("3")
    page.get_by_role("button", name="Voeg de tijd toe").click()
    expect(page.locator("#slot-table")).to_contain_text("10:00–12:00 · Apeldoorn, Kennedylaan 2")
    assert_accessible(page)

    # Now the careers page and the apply page offer both.
    page.context.clear_cookies()
    page.goto(public_url(vacancy))
    expect(page.locator("main")).to_contain_text("Met een opdracht")
    expect(page.locator("main")).to_contain_text("Op een wervingsdag")

    # Candidate nl applies with the assignment.
    page.goto(reverse("applications:apply", args=[vacancy.pk]))
    page.get_by_role("link", name="Met een opdracht").click()
    page.wait_for_url("**/solliciteren/work_sample/", timeout=NAV)
    expect(page.get_by_text("Je stelt de goede vragen")).to_be_visible()
    fill_common(page, "Noor Ahmadi", "noor@voorbeeld.nl")
    reveal(page, page.get_by_label("Je antwoord")).fill("Ik bel de melder en vraag wat er mis is.")
    submit(page)
    noor = Application.objects.get(candidate__email="noor@voorbeeld.nl")
    assert noor.route == "work_sample" and noor.work_sample.text.startswith("Ik bel")
    assert any(m.to == ["noor@voorbeeld.nl"] for m in mail.outbox)
    step, _html = portal_step(page, noor)
    assert "We bekijken je sollicitatie" in step
    as_staff(page, live_server, hr)
    assert hr_row(page, noor) == "Nieuw"
    assert board_column(page, noor) == "Nieuw"
    assert bell_count(page) == "1"  # HR is told: a new application

    # Candidate ar picks a time on the recruitment day, in Arabic.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(reverse("applications:apply_route", args=[vacancy.pk, "recruitment_day"]))
    page.wait_for_load_state("load")
    fill_common(page, "Rami Haddad", "rami@voorbeeld.nl")
    slot_choice = reveal(page, "[name=slot]")
    label = page.locator("label[for=" + slot_choice.first.get_attribute("id") + "]").inner_text()
    assert "tijdslot" not in label.lower()
    assert "10:00–12:00" in label and "Kennedylaan" in label
    assert any(
        name in label
        for name in ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
    )
    assert_accessible(page)
    slot_choice.first.check()
    submit(page)
    rami = Application.objects.get(candidate__email="rami@voorbeeld.nl")
    assert Booking.objects.get(application=rami).slot.capacity == 3
    assert rami.candidate.preferred_language == "ar"
    step, _html = portal_step(page, rami)
    assert in_language("ar", "We bekijken je sollicitatie") in step
    as_staff(page, live_server, hr)
    assert hr_row(page, rami) == "Nieuw"
    assert board_column(page, rami) == "Nieuw"
    # new application + time picked
    assert bell_count(page) == "3"

    # HR moves both to the assessment step: the same step everywhere, mail in their language.
    for application, language in ((noor, "nl"), (rami, "ar")):
        move_on_application_page(
            page,
            application,
            "Opdracht of wervingsdag",
            in_language(language, CANDIDATE_STEP_TEXT[StageKind.ASSESSMENT]),
        )
        assert hr_row(page, application) == "Opdracht of wervingsdag"
        assert board_column(page, application) == "Opdracht of wervingsdag"
        sent = [m for m in mail.outbox if m.to == [application.candidate.email]][-1]
        assert in_language(language, CANDIDATE_STEP_TEXT[StageKind.ASSESSMENT]) in sent.body
    for application, language in ((noor, "nl"), (rami, "ar")):
        step, _html = portal_step(page, application)
        assert in_language(language, CANDIDATE_STEP_TEXT[StageKind.ASSESSMENT]) in step
    as_candidate(page, rami.candidate)
    page.goto(reverse("applications:portal_application", args=[rami.pk]))
    expect(page.locator("main")).to_contain_text("Wervingsdag servicedesk")
