"""One candidate's whole selection journey in a real browser (issue 6, "Done when").

Nieuw → a work sample graded blind by an assessor → the group-day stage → booked on a group day
through the portal → scored on the observer grid (cell by cell) and submitted → an interview
proposed by HR, the time chosen by the candidate in the portal → an offer → accepted with the
right-to-work check → hired with an onboarding plan → the fairness table and chart. Axe runs on
every staff and candidate page visited at 1280 px, and on the board once at 320 px as well.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications import tokens
from talentbrug.applications.models import WorkSampleSubmission
from talentbrug.applications.tests.factories import AssignmentFactory, CandidateFactory
from talentbrug.assessments.models import DayBooking, GridScore, GridSubmission
from talentbrug.assessments.tests.factories import day_with_session, in_assessment_stage
from talentbrug.interviews.constants import InterviewStatus
from talentbrug.interviews.models import Interview
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.selection.constants import OfferStatus, StageKind
from talentbrug.selection.models import ApplicationProgress, Offer, WorkSampleGrade
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import scorecards as selection_scorecards
from talentbrug.selection.tests.factories import application_in_pipeline, vacancy_with_requirements
from talentbrug.vacancies.models import SalaryScale

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in, open_link

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Samira Haddad"
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}
NAV = 30_000  # generous: the machine running the suite may be busy


def see(page, text):
    """Wait for a text on the (new) page, then run axe on it at 1280 px."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=NAV)
    assert_accessible(page)


def as_staff(page, live_server, user):
    page.context.clear_cookies()
    log_in(page, live_server, user)


def as_candidate(page, candidate):
    page.context.clear_cookies()
    open_link(page, reverse("applications:portal_login", args=[tokens.make_token(candidate)]))
    page.wait_for_load_state("load")


def progress_of(application):
    return ApplicationProgress.objects.select_related("stage").get(application=application)


def move_on_application_page(page, stage_name):
    page.get_by_label("Naar fase").select_option(label=stage_name)
    page.get_by_label("Verstuur het standaardbericht meteen").check()
    page.get_by_role("button", name="Verplaats", exact=True).click()
    see(page, f"Verplaatst naar fase ‘{stage_name}’.")


def test_from_nieuw_through_blind_work_sample_group_day_interview_offer_to_hire(
    page, live_server, make_staff, organisation
):
    page.set_viewport_size(WIDE)
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Hanna", last_name="de Vries")
    assessor = make_staff(organisation, Role.ASSESSOR, first_name="Anouk", last_name="Bakker")
    eva = make_staff(organisation, Role.ASSESSOR, first_name="Eva", last_name="Jansen")
    scale = SalaryScale.objects.create(
        year=2026, scale=7, minimum=Decimal("3000"), maximum=Decimal("4200")
    )

    # A vacancy with a work sample; its first three stages are blind (the default template).
    vacancy = vacancy_with_requirements(organisation, rows=2)
    assignment = AssignmentFactory(vacancy=vacancy, organisation=organisation)
    day, _session = day_with_session(organisation, vacancy=vacancy, observers=[hr])
    candidate = CandidateFactory(name=NAME, email="samira@voorbeeld.nl")
    progress = application_in_pipeline(
        organisation, vacancy=vacancy, candidate=candidate, route="work_sample"
    )
    application = progress.application
    WorkSampleSubmission.objects.create(
        application=application,
        candidate=candidate,
        assignment=assignment,
        text=(
            "Ik ben Samira Haddad, bel me op 06-12345678.\n"
            "Open Instellingen. Kies Wachtwoord. Typ tweemaal je nieuwe wachtwoord."
        ),
    )
    # Others on the same vacancy, so the fairness figures have groups of 5 and more.
    for _ in range(3):
        application_in_pipeline(organisation, vacancy=vacancy)
    for _ in range(3):
        in_assessment_stage(organisation, vacancy, hr)
    stages = {s.kind: s for s in selection_pipeline.ensure_pipeline(vacancy)}
    assert progress_of(application).stage.kind == StageKind.NEW
    assert stages[StageKind.NEW].is_blind and stages[StageKind.ASSESSMENT].is_blind
    label = progress.pseudonym

    # 1. HR sees the board (blind: pseudonyms only), at 1280 and at 320 px.
    log_in(page, live_server, hr)
    page.goto(reverse("selection:board", kwargs={"pk": vacancy.pk}))
    page.locator(f"[data-testid='card-{progress.pk}']").wait_for(timeout=NAV)
    assert NAME not in page.content()
    assert_accessible(page)
    page.set_viewport_size(NARROW)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size(WIDE)

    # 2. An assessor grades the work sample blind: the pseudonym, never the name or the phone.
    as_staff(page, live_server, assessor)
    page.goto(reverse("selection:work_sample", kwargs={"pk": application.pk}))
    see(page, f"Opdracht van kandidaat {label}")
    body = page.content()
    assert NAME not in body and "Samira" not in body and "06-12345678" not in body
    assert "Typ tweemaal je nieuwe wachtwoord" in body
    for row in selection_scorecards.rubric_rows(vacancy):
        page.locator(f"input[name='row_{row.pk}'][value='3']").check()
    page.get_by_label("Toelichting").fill("Duidelijke stappen, in gewone taal.")
    page.get_by_role("button", name="Dien beoordeling in").click()
    see(page, "Uw beoordeling van de opdracht is opgeslagen.")
    assert "U heeft deze opdracht beoordeeld." in page.content()
    assert NAME not in page.content()
    grade = WorkSampleGrade.objects.get(submission__application=application)
    assert grade.reviewer == assessor and set(grade.scores.values()) == {3}

    # 3. HR moves the candidate from Nieuw to the group-day stage on the application page.
    as_staff(page, live_server, hr)
    page.goto(reverse("selection:application", kwargs={"pk": application.pk}))
    see(page, f"Kandidaat {label}")
    assert NAME not in page.content()
    move_on_application_page(page, "Opdracht of wervingsdag")
    assert progress_of(application).stage.kind == StageKind.ASSESSMENT
    assert NAME not in page.content()

    # 4. The candidate books a place on the group day through the portal.
    as_candidate(page, candidate)
    page.goto(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    page.get_by_role("link", name="Kies een tijd voor de groepsdag").wait_for(timeout=NAV)
    assert_accessible(page)
    page.get_by_role("link", name="Kies een tijd voor de groepsdag").click()
    see(page, "Groepsdag")
    page.get_by_label("Groepsdag servicedesk", exact=False).check()
    page.get_by_role("button", name="Schrijf me in").click()
    see(page, "Je bent ingeschreven. Tot dan!")
    assert DayBooking.objects.filter(application=application, status="booked").exists()

    # 5. The observer scores on the grid: each cell is saved on its own; then submits.
    as_staff(page, live_server, hr)
    page.goto(reverse("assessments:grid", kwargs={"pk": day.pk}))
    section = page.locator(f"[data-testid='grid-{application.pk}']")
    section.wait_for(timeout=NAV)
    assert_accessible(page)
    assert NAME not in page.content()  # still a blind stage
    status = section.locator("[data-status]")
    rows = selection_scorecards.scorecard_rows(vacancy)
    for row, value in zip(rows, (4, 3), strict=True):
        section.locator(f"#cel-{application.pk}-{row.pk}-{value}").check()
        status.filter(has_text="Opgeslagen.").wait_for(timeout=NAV)
        page.wait_for_function(
            "() => JSON.parse(localStorage.getItem('talentbrug.assessments.queue') || '[]')"
            ".length === 0",
            timeout=NAV,
        )
    scores = dict(
        GridScore.objects.filter(application=application).values_list("requirement_id", "value")
    )
    assert scores == {rows[0].pk: 4, rows[1].pk: 3}
    section.get_by_role("button", name=f"Dien {label} in").click()
    see(page, "Ingediend. U ziet nu ook de scores van anderen.")
    assert GridSubmission.objects.filter(application=application, observer=hr).exists()

    # 6. To the interview stage (not blind): HR reveals the name, an audited step.
    page.goto(reverse("selection:application", kwargs={"pk": application.pk}))
    see(page, f"Kandidaat {label}")
    move_on_application_page(page, "Gesprek")
    assert progress_of(application).stage.kind == StageKind.INTERVIEW
    page.get_by_role("button", name="Toon naam en contactgegevens").click()
    page.locator("h1", has_text=NAME).wait_for(timeout=NAV)
    assert_accessible(page)
    assert progress_of(application).identity_revealed_at is not None

    # 7. HR proposes two times; the candidate chooses one in the portal.
    page.get_by_role("link", name="Plan een gesprek").click()
    see(page, f"Plan een gesprek met {NAME}")
    start = (timezone.localtime() + timedelta(days=3)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    page.get_by_label("Tijd 1").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Tijd 2").fill((start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Eva Jansen").check()
    page.get_by_label("Plaats of videolink").fill("Turfmarkt 147, Den Haag. Meld je bij de balie.")
    page.get_by_role("button", name="Verstuur het voorstel").click()
    see(page, "Het voorstel is verstuurd.")
    interview = Interview.objects.get(application=application)
    assert interview.status == InterviewStatus.PROPOSED
    assert list(interview.interviewers.all()) == [eva]

    as_candidate(page, candidate)
    page.goto(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    page.get_by_role("link", name="Kies een tijd voor je gesprek").wait_for(timeout=NAV)
    assert_accessible(page)
    page.get_by_role("link", name="Kies een tijd voor je gesprek").click()
    see(page, "Je gesprek")
    page.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Kies deze tijd").click()
    see(page, "Je gesprek is gepland.")
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.PLANNED

    # 8. HR makes the offer from the application page.
    as_staff(page, live_server, hr)
    page.goto(reverse("selection:application", kwargs={"pk": application.pk}))
    page.locator("h1", has_text=NAME).wait_for(timeout=NAV)
    page.get_by_role("link", name="Aanbod", exact=True).click()
    see(page, f"Aanbod voor {vacancy.title}")
    page.get_by_label("Schaal", exact=True).select_option(value=str(scale.pk))
    page.get_by_label("Trede").fill("3")
    start_date = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Eerste werkdag").fill(start_date.isoformat())
    page.get_by_label("Uren per week").fill("32")
    page.get_by_label("Soort contract").select_option("bbl")
    # Sending the letter asks the right-to-work check now; the decision below asks it again.
    page.get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Leg het aanbod vast en stuur de brief").click()
    see(page, "Het aanbod is vastgelegd en staat in het portaal.")
    offer = Offer.objects.get(progress__application=application)
    assert offer.status == OfferStatus.MADE and offer.salary_scale == scale
    assert offer.step == 3 and offer.hours == 32 and offer.contract_type == "bbl"
    assert progress_of(application).stage.kind == StageKind.OFFER

    # 9. The candidate accepts; HR records the right-to-work check (yes): hired, onboarding plan.
    decision = page.locator("form", has=page.get_by_role("button", name="Leg vast", exact=True))
    decision.get_by_label("De kandidaat accepteert").check()
    decision.get_by_label("Ja", exact=True).check()
    decision.get_by_role("button", name="Leg vast", exact=True).click()
    see(page, "Aangenomen. Het inwerkplan is gemaakt.")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED and offer.right_to_work_checked is True
    assert progress_of(application).stage.kind == StageKind.HIRED
    plan = OnboardingPlan.objects.get(application=application)
    assert plan.start_date == start_date

    # 10. The figures per group (now in Insights): a chart, its text, the table behind a toggle.
    page.goto(reverse("selection:fairness", kwargs={"pk": vacancy.pk}))
    page.wait_for_url(f"**/medewerkers/inzicht/selectie/?vacature={vacancy.pk}", timeout=NAV)
    section = page.locator("#doorstroom")
    section.locator("svg[role=img]").wait_for(timeout=NAV)
    assert "Grafiek van de kolom" in section.locator("figcaption").inner_text()
    section.get_by_text("Toon de tabel").click()
    section.locator("table").wait_for(state="visible", timeout=NAV)
    assert section.locator("table tbody tr").count() >= 1
    # All 7 applications together: the total row of a group is big enough to show.
    assert "7" in section.locator("tbody tr", has_text="totaal").first.inner_text()
    assert_accessible(page)
