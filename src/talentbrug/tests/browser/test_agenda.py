"""The agenda in a real browser: axe at 1280 and 320 px with interviews and group days on it.

(Every staff GET page is also visited, empty, by tests/browser/test_shell.py.)
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.interviews.constants import InterviewStatus
from talentbrug.interviews.tests.factories import (
    application_for_interview,
    interview_for,
    soon,
    staff_member,
)

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_agenda_is_accessible_and_fits_320px(page, live_server, organisation):
    from talentbrug.assessments.tests.factories import day_with_session

    hr = staff_member(organisation, Role.HR_ADVISER, first_name="Hanna", last_name="de Vries")
    interview = interview_for(
        organisation,
        interviewers=[hr],
        starts=[soon(30)],
        status=InterviewStatus.PLANNED,
        application=application_for_interview(organisation, reveal=False),
    )
    interview.location = (
        "Videogesprek: https://video.example.nl/rijksoverheid/gesprekskamer-servicedesk-12345"
    )
    interview.save()
    day_with_session(organisation, observers=[hr])
    log_in(page, live_server, hr)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(reverse("interviews:agenda"))
        assert page.get_by_role("heading", level=1).inner_text() == "Agenda"
        assert page.get_by_role("heading", level=2).count() >= 1
        assert interview.application.progress.pseudonym in page.content()
        assert_accessible(page)
        if width == 320:
            assert_no_horizontal_scroll(page)
    page.goto(reverse("interviews:agenda") + "?vanaf=morgen")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
