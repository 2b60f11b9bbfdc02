"""Merging two candidates and the access-request page in a real browser: look, tick, merge;
a refusal when the person also applied elsewhere. axe at 1280 and 320 px."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Application
from talentbrug.applications.tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    PublishedVacancyFactory,
)
from talentbrug.privacy.tests.factories import consent, document, now

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("TALENTBRUG_SHOTS", "")


def _shot(page, name: str) -> None:
    if SHOTS:
        keep_screenshot(page, f"{SHOTS}/{name}.png", full_page=True)


def _check(page, name: str) -> None:
    for width, height in ((1280, 900), (320, 800), (360, 800)):
        page.set_viewport_size({"width": width, "height": height})
        if width != 360:
            assert_accessible(page)
        if width == 320:
            assert_no_horizontal_scroll(page)
        _shot(page, f"{name}-{width}")


def test_look_tick_and_merge(page, live_server, organisation, make_staff):
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Servicedesk medewerker")
    keep = ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(email="amira@voorbeeld.nl")
    )
    move = ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(email="amira.oud@voorbeeld.nl")
    )
    document(move)
    consent(move.candidate, now())
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("applications:staff_merge", args=[keep.pk]))
    page.get_by_label("Nummer van de andere sollicitatie").fill(str(move.pk))
    page.get_by_role("button", name="Bekijk wat er verhuist").click()
    page.get_by_role("heading", name="Wat er verhuist").wait_for()
    _check(page, "merge-preview")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Voeg samen").click()
    page.get_by_text("Vink aan dat u wilt samenvoegen.").first.wait_for()
    _check(page, "merge-untick")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Ja, dit is dezelfde persoon").check()
    page.get_by_role("button", name="Voeg samen").click()
    page.get_by_text("De kandidaten zijn samengevoegd.").wait_for()
    assert Application.objects.get(pk=move.pk).candidate_id == keep.candidate_id


def test_a_refusal_is_clear(page, live_server, organisation, other_organisation, make_staff):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    keep = ApplicationFactory(vacancy=vacancy)
    move = ApplicationFactory(vacancy=vacancy)
    ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=other_organisation), candidate=move.candidate
    )
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("applications:staff_merge", args=[keep.pk]) + f"?other_application={move.pk}")
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading", name="Samenvoegen kan niet")).to_be_visible()
    expect(alert.get_by_text("ook gegevens bij een andere organisatie")).to_be_visible()
    assert page.get_by_role("button", name="Voeg samen").count() == 0
    _check(page, "merge-refused")
    assert Application.objects.get(pk=move.pk).candidate_id != keep.candidate_id


def test_the_access_request_page(page, live_server, organisation, make_staff):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    page.goto(reverse("privacy:access") + f"?email={application.candidate.email}")
    expect(
        page.get_by_role("link", name="Download de gegevens bij uw organisatie (zip)")
    ).to_be_visible()
    _check(page, "privacy-access")
