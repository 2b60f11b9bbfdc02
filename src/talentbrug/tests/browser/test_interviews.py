"""Interviews in a real browser: HR proposes times, the candidate picks one in the portal, the
interviewer sees the interview. Axe at 1280 and 320 px on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications import tokens
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.interviews.constants import InterviewStatus
from talentbrug.interviews.models import Interview
from talentbrug.interviews.tests.factories import application_for_interview

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in, open_link

pytestmark = pytest.mark.django_db(transaction=True)


def check_both_widths(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_propose_choose_and_see_the_interview(page, live_server, make_staff, organisation):
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Hanna", last_name="de Vries")
    eva = make_staff(organisation, Role.ASSESSOR, first_name="Eva", last_name="Jansen")
    candidate = CandidateFactory(name="Yonas Tesfaye")
    application = application_for_interview(organisation, candidate=candidate)

    # HR proposes two times from the application page.
    log_in(page, live_server, hr)
    page.goto(reverse("selection:application", kwargs={"pk": application.pk}))
    check_both_widths(page)
    page.get_by_role("link", name="Plan een gesprek").click()
    page.wait_for_selector("h1:has-text('Plan een gesprek met Yonas Tesfaye')")
    check_both_widths(page)
    start = timezone.localtime() + timedelta(days=3)
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    page.get_by_label("Tijd 1").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Tijd 2").fill((start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Eva Jansen").check()
    page.get_by_label("Plaats of videolink").fill("Turfmarkt 147, Den Haag. Meld je bij de balie.")
    page.get_by_role("button", name="Verstuur het voorstel").click()
    page.wait_for_selector("text=Het voorstel is verstuurd.")
    interview = Interview.objects.get(application=application)
    assert interview.status == InterviewStatus.PROPOSED
    check_both_widths(page)

    # The candidate opens the portal with the magic link and chooses the first time.
    page.context.clear_cookies()
    open_link(page, reverse("applications:portal_login", args=[tokens.make_token(candidate)]))
    page.goto(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    page.get_by_role("link", name="Kies een tijd voor je gesprek").click()
    page.wait_for_selector("h1:has-text('Je gesprek')")
    check_both_widths(page)
    page.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Kies deze tijd").click()
    page.wait_for_selector("text=Je gesprek is gepland.")
    check_both_widths(page)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.PLANNED

    # The interviewer sees the interview and the candidate's name; HR can reschedule.
    page.context.clear_cookies()
    log_in(page, live_server, eva)
    page.goto(reverse("interviews:index"))
    assert "Yonas Tesfaye" in page.content()
    check_both_widths(page)
    page.context.clear_cookies()
    log_in(page, live_server, hr)
    page.goto(reverse("interviews:reschedule", kwargs={"pk": interview.pk}))
    check_both_widths(page)
