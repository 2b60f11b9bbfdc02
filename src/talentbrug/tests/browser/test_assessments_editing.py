"""HR edits a group day and one of its sessions in a real browser: the day's title and
address, the session's places, and the refusal when there would be fewer places than
bookings (nothing changes). Axe on every page at 1280 and 320 px."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.assessments.models import AssessmentDay, Session
from talentbrug.assessments.tests.factories import booked_application, day_with_session
from talentbrug.selection.tests.factories import vacancy_with_requirements

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}
NAV = 30_000  # generous: the machine running the suite may be busy


def check_both_widths(page):
    page.set_viewport_size(WIDE)
    assert_accessible(page)
    page.set_viewport_size(NARROW)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size(WIDE)


def wait_for(page, text):
    page.get_by_text(text, exact=False).first.wait_for(timeout=NAV)


def test_hr_edits_a_group_day_and_a_session(page, live_server, make_staff, organisation):
    hr = make_staff(organisation, Role.HR_ADVISER)
    observer = make_staff(organisation, Role.ASSESSOR, first_name="Noor", last_name="Visser")
    vacancy = vacancy_with_requirements(organisation, rows=2)
    day, session = day_with_session(organisation, vacancy=vacancy, capacity=3)
    booked_application(organisation, day, session, mover=hr)
    booked_application(organisation, day, session, mover=hr)
    start = timezone.localtime(session.starts_at).strftime("%H:%M")

    log_in(page, live_server, hr)
    page.goto(reverse("assessments:detail", kwargs={"pk": day.pk}))
    wait_for(page, "2 van 3 plaatsen bezet")
    check_both_widths(page)

    # The day: a new title and address, and an observer.
    page.get_by_role("link", name="Wijzig de groepsdag").click()
    page.locator("h1:has-text('Wijzig')").wait_for(timeout=NAV)
    check_both_widths(page)
    page.get_by_label("Titel").fill("Groepsdag servicedesk, nieuwe opzet")
    page.get_by_label("Adres in gewone woorden").fill("Kalvermarkt 1, Den Haag")
    page.get_by_label("Noor Visser", exact=False).check()
    page.get_by_role("button", name="Sla de groepsdag op").click()
    wait_for(page, "De groepsdag is opgeslagen.")
    check_both_widths(page)
    day = AssessmentDay.objects.get(pk=day.pk)
    assert day.title == "Groepsdag servicedesk, nieuwe opzet"
    assert day.address_text == "Kalvermarkt 1, Den Haag"
    assert list(day.observers.all()) == [observer]

    # The session: fewer places than bookings is refused and changes nothing.
    page.get_by_role("link", name=f"Wijzig de sessie van {start}").click()
    page.locator("h1:has-text('Wijzig de sessie')").wait_for(timeout=NAV)
    check_both_widths(page)
    page.get_by_label("Plaatsen").fill("1")
    page.get_by_role("button", name="Sla de sessie op").click()
    wait_for(page, "Er zijn al 2 kandidaten ingeschreven.")
    expect(page.locator("#error-summary")).to_be_visible()
    check_both_widths(page)
    assert Session.objects.get(pk=session.pk).capacity == 3

    # More places is fine.
    page.get_by_label("Plaatsen").fill("5")
    page.get_by_role("button", name="Sla de sessie op").click()
    wait_for(page, "De sessie is opgeslagen.")
    wait_for(page, "2 van 5 plaatsen bezet")
    check_both_widths(page)
    assert Session.objects.get(pk=session.pk).capacity == 5
