"""Group day in a real browser: a candidate books through the portal, an observer scores on the
grid cell by cell (JavaScript, also through a lost connection), submits, and the fairness table
and chart appear. Axe at 1280 and 320 px."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.assessments.models import DayBooking, GridScore, GridSubmission
from talentbrug.assessments.services import bookings as assessment_bookings
from talentbrug.assessments.services import diversity as assessment_diversity
from talentbrug.assessments.tests.factories import day_with_session, in_assessment_stage
from talentbrug.selection.models import pseudonym_for
from talentbrug.selection.services import scorecards as selection_scorecards
from talentbrug.selection.tests.factories import vacancy_with_requirements

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def check_both_widths(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def _scores(application):
    return dict(
        GridScore.objects.filter(application=application).values_list("requirement_id", "value")
    )


def test_group_day_booked_scored_on_the_grid_and_fairness(
    page, live_server, make_staff, organisation
):
    hr = make_staff(organisation, Role.HR_ADVISER)
    vacancy = vacancy_with_requirements(organisation, rows=2)
    assessment_diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    day, session = day_with_session(organisation, vacancy=vacancy, observers=[hr])
    candidate = CandidateFactory(name="Fatima El Amrani")
    application = in_assessment_stage(organisation, vacancy, hr, candidate=candidate)
    others = [in_assessment_stage(organisation, vacancy, hr) for _ in range(5)]
    for other in others:
        assessment_bookings.book_session(other, session.pk)
        assessment_diversity.save_diversity(other, {"gender": "woman"})

    # The candidate books a place through the portal.
    client = portal_client(application.candidate)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    page.get_by_role("link", name="Kies een tijd voor de groepsdag").click()
    page.wait_for_selector("h1:has-text('Groepsdag')")
    check_both_widths(page)
    page.get_by_label("Groepsdag servicedesk", exact=False).check()
    page.get_by_role("button", name="Schrijf me in").click()
    page.wait_for_selector("text=Je bent ingeschreven. Tot dan!")
    check_both_widths(page)
    assert DayBooking.objects.filter(application=application, status="booked").exists()
    page.context.clear_cookies()

    # The observer scores on the grid: each choice is saved on its own.
    log_in(page, live_server, hr)
    page.goto(reverse("assessments:grid", kwargs={"pk": day.pk}))
    check_both_widths(page)
    assert "Fatima" not in page.content()  # blind stage: pseudonym only
    rows = selection_scorecards.scorecard_rows(vacancy)
    section = page.locator(f"[data-testid='grid-{application.pk}']")
    status = section.locator("[data-status]")
    section.locator(f"#cel-{application.pk}-{rows[0].pk}-3").check()
    status.filter(has_text="Opgeslagen.").wait_for()
    assert _scores(application) == {rows[0].pk: 3}

    # The connection drops: the choice waits on the device, and is sent when back online.
    page.context.set_offline(True)
    section.locator(f"#cel-{application.pk}-{rows[1].pk}-2").check()
    status.filter(has_text="Geen verbinding").wait_for()
    queued = page.evaluate("() => JSON.parse(localStorage.getItem('talentbrug.assessments.queue'))")
    assert len(queued) == 1 and queued[0]["value"] == "2"
    assert _scores(application) == {rows[0].pk: 3}
    page.context.set_offline(False)
    page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('talentbrug.assessments.queue') || '[]').length === 0"
    )
    assert _scores(application) == {rows[0].pk: 3, rows[1].pk: 2}

    # Submitting uses the plain form; afterwards the spread of submitted scores shows.
    label = pseudonym_for(application.pk)
    section.get_by_role("button", name=f"Dien {label} in").click()
    page.wait_for_selector("text=Ingediend. U ziet nu ook de scores van anderen.")
    assert GridSubmission.objects.filter(application=application, observer=hr).exists()
    check_both_widths(page)

    # The day page and the whole grid of submitted scores.
    page.goto(reverse("assessments:detail", kwargs={"pk": day.pk}))
    check_both_widths(page)
    page.get_by_role("link", name="Uitslag van alle waarnemers").click()
    page.wait_for_selector(f"h2:has-text('{label}')")
    check_both_widths(page)

    # Language test next to the requirement.
    page.goto(reverse("assessments:language", kwargs={"pk": application.pk}))
    page.get_by_label("Spreken").select_option("B2")
    page.get_by_role("button", name="Bewaar de uitslag").click()
    page.wait_for_selector("text=De uitslag van de taaltoets is opgeslagen.")
    check_both_widths(page)

    # The figures per group (now in Insights): chart and text; small voluntary groups hidden.
    page.goto(reverse("selection:fairness", kwargs={"pk": vacancy.pk}))
    section = page.locator("#doorstroom")
    section.locator("svg[role=img]").wait_for()
    assert section.locator("svg text", has_text="Gender (vrijwillig): Vrouw").count() == 1
    assert page.get_by_text("Op deze pagina zijn cijfers verborgen").count() >= 1
    check_both_widths(page)
