"""One journey, one truth (issue #18, "Done when", first part).

Five candidates (nl, en, ar, ti, fa) apply to one vacancy: nl with the work sample
(assignment), en on the recruitment day (group day), the others with a CV. HR moves them on the
application page in the browser; one withdraws in the portal, one is hired through the offer
letter. After **each** step the test reads what the candidate sees in the portal (the current
step of "Zo gaat het verder", in their own language), what HR sees in the list, on the board and
on the application page, and which message went out (language and content): the same truth
everywhere. Axe runs on every page read.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from talentbrug.accounts.constants import Role
from talentbrug.applications import tokens
from talentbrug.applications.constants import Route
from talentbrug.applications.models import Booking, WorkSampleSubmission
from talentbrug.applications.tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    RecruitmentDayFactory,
    SlotFactory,
)
from talentbrug.selection import offer_letter
from talentbrug.selection.constants import CANDIDATE_STEP_TEXT, StageKind
from talentbrug.selection.models import ApplicationProgress, RejectionReason
from talentbrug.selection.services import offers as selection_offers
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import reasons as selection_reasons
from talentbrug.selection.tests.factories import vacancy_with_requirements
from talentbrug.vacancies.models import SalaryScale

from .conftest import assert_accessible, log_in, open_link

pytestmark = pytest.mark.django_db(transaction=True)

NAV = 30_000
LANGUAGES = ["nl", "en", "ar", "ti", "fa"]
HR_ROLES = frozenset({Role.HR_ADVISER.value})


def in_language(language, text):
    """A (lazy or plain Dutch) text as the candidate reads it in ``language``."""
    with translation.override(language):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def progress_of(application):
    return ApplicationProgress.objects.select_related("stage").get(application=application)


def as_staff(page, live_server, user):
    page.context.clear_cookies()
    log_in(page, live_server, user)


def as_candidate(page, candidate):
    page.context.clear_cookies()
    open_link(page, reverse("applications:portal_login", args=[tokens.make_token(candidate)]))
    page.wait_for_load_state("load")


def portal_step(page, application):
    """The candidate's current step as they read it (one line per part)."""
    as_candidate(page, application.candidate)
    page.goto(reverse("applications:portal_application", args=[application.pk]))
    current = page.locator("[aria-current=step]")
    current.wait_for(timeout=NAV)
    assert_accessible(page)
    return current.inner_text(), page.content()


def hr_row(page, application):
    page.goto(reverse("applications:staff_vacancy", args=[application.vacancy_id]))
    row = page.locator(
        "tbody tr", has=page.get_by_role("link", name=str(application.pk), exact=True)
    )
    row.wait_for(timeout=NAV)
    assert_accessible(page)
    return row.locator("td").nth(3).inner_text().strip()


def board_column(page, application):
    progress = progress_of(application)
    page.goto(reverse("selection:board", args=[application.vacancy_id]))
    column = page.locator(
        "section.sel-column", has=page.locator(f"[data-testid=card-{progress.pk}]")
    )
    column.wait_for(timeout=NAV)
    assert_accessible(page)
    return column.locator("h2").inner_text().split("(")[0].strip()


def application_page_stage(page, application):
    """The stage on HR's application page (without the "anoniem beoordelen" badge)."""
    page.goto(reverse("selection:application", args=[application.pk]))
    stage = page.locator("dl.tb-dl dd").first
    stage.wait_for(timeout=NAV)
    assert_accessible(page)
    return stage.evaluate("node => node.firstChild.textContent").strip()


def hr_sees(page, application):
    """The stage in HR's list, on the board and on the application page (one set: one truth)."""
    return {
        hr_row(page, application),
        board_column(page, application),
        application_page_stage(page, application),
    }


def move_on_application_page(page, application, stage_name, expected_text, reason=None):
    """Move with the default choice: the message is shown first (in the candidate's language,
    with their real data), then HR sends it."""
    page.goto(reverse("selection:application", args=[application.pk]))
    page.get_by_label("Naar fase").select_option(label=stage_name)
    if reason is not None:
        page.get_by_label("Reden van afwijzing").select_option(label=reason)
    page.get_by_role("button", name="Verplaats", exact=True).click()
    body = page.get_by_label("Tekst", exact=True)
    body.wait_for(timeout=NAV)
    assert_accessible(page)
    assert expected_text in body.input_value()
    assert progress_of(application).stage.name != stage_name  # nothing moved yet
    page.get_by_role("button", name="Verplaats en verstuur").click()
    page.get_by_text(f"Verplaatst naar fase ‘{stage_name}’.").first.wait_for(timeout=NAV)


def outbox():
    from django.core import mail

    return list(mail.outbox)


def last_stage_mail(application):
    """The newest step mail that went out to the candidate (the outbox keeps no body once sent,
    so this reads what was delivered)."""
    from django.core import mail

    language = application.candidate.preferred_language
    prefix = in_language(language, "Nieuws over je sollicitatie: %(title)s").split("%")[0]
    sent = [
        m
        for m in mail.outbox
        if m.to == [application.candidate.email] and m.subject.startswith(prefix)
    ]
    assert sent, f"no step mail to the {language} candidate"
    return sent[-1]


def test_five_candidates_one_truth_after_every_step(page, live_server, make_staff, organisation):
    page.set_viewport_size({"width": 1280, "height": 900})
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Hanna", last_name="de Vries")
    vacancy = vacancy_with_requirements(organisation, contact_email="werving@dictu.example")
    selection_pipeline.ensure_pipeline(vacancy)
    selection_reasons.ensure_reasons(organisation)
    people = {}
    routes = {"nl": "work_sample", "en": "recruitment_day"}
    for language in LANGUAGES:
        candidate = CandidateFactory(preferred_language=language, name=f"Kandidaat {language}")
        people[language] = ApplicationFactory(
            vacancy=vacancy, candidate=candidate, route=routes.get(language, "cv")
        )
    # nl handed in the assignment with the application; en picked a time on the group day.
    assignment = AssignmentFactory(vacancy=vacancy, title="Los een storingsmelding op")
    WorkSampleSubmission.objects.create(
        application=people["nl"],
        candidate=people["nl"].candidate,
        assignment=assignment,
        text="Ik bel de melder en vraag wat er mis is.",
    )
    day = RecruitmentDayFactory(vacancy=vacancy, title="Wervingsdag servicedesk")
    Booking.objects.create(
        slot=SlotFactory(day=day),
        application=people["en"],
        candidate=people["en"].candidate,
    )
    selection_pipeline.start_progress_in_bulk(vacancy)
    reason = RejectionReason.objects.get(
        organisation=organisation, label="Andere kandidaten passen beter"
    )

    # Step 0: everyone has just applied. Portal: "we are reading it"; HR: Nieuw everywhere.
    for language, application in people.items():
        step, _html = portal_step(page, application)
        assert in_language(language, "We bekijken je sollicitatie") in step
    as_staff(page, live_server, hr)
    for application in people.values():
        assert hr_row(page, application) == "Nieuw"
    assert hr_sees(page, people["nl"]) == {"Nieuw"}
    assert hr_sees(page, people["en"]) == {"Nieuw"}

    # Step 1: HR moves nl (work sample) and en (group day) to the assessment step.
    assessment_text = CANDIDATE_STEP_TEXT[StageKind.ASSESSMENT]
    for language in ("nl", "en"):
        move_on_application_page(
            page,
            people[language],
            "Opdracht of wervingsdag",
            in_language(language, assessment_text),
        )
        assert hr_sees(page, people[language]) == {"Opdracht of wervingsdag"}
        mail = last_stage_mail(people[language])
        assert in_language(language, assessment_text) in mail.body
        assert mail.reply_to == ["werving@dictu.example"]
    route_shown = (
        ("nl", in_language("nl", Route.WORK_SAMPLE.label)),  # the route they applied by
        ("en", "Wervingsdag servicedesk"),  # the day they picked
    )
    for language, route_thing in route_shown:
        step, html = portal_step(page, people[language])
        assert in_language(language, assessment_text) in step
        assert route_thing in html
    as_staff(page, live_server, hr)

    # Step 2: HR moves nl and en on to Gesprek (not blind) on the application page.
    for language in ("nl", "en"):
        move_on_application_page(
            page,
            people[language],
            "Gesprek",
            in_language(language, CANDIDATE_STEP_TEXT[StageKind.INTERVIEW]),
        )
        assert hr_sees(page, people[language]) == {"Gesprek"}
        mail = last_stage_mail(people[language])
        assert mail.reply_to == ["werving@dictu.example"]
        assert in_language(language, CANDIDATE_STEP_TEXT[StageKind.INTERVIEW]) in mail.body
    for language in ("nl", "en"):
        step, html = portal_step(page, people[language])
        assert step.startswith(in_language(language, "Gesprek"))
        assert "intrekken" in html  # still open: withdrawing is offered

    # Step 3: HR rejects en (from Gesprek) and ar (from Nieuw), with a shipped reason.
    as_staff(page, live_server, hr)
    for language in ("en", "ar"):
        move_on_application_page(
            page,
            people[language],
            "Afgewezen",
            in_language(language, "Andere kandidaten passen beter bij wat dit werk vraagt."),
            reason=reason.label,
        )
        assert hr_sees(page, people[language]) == {"Afgewezen"}
        mail = last_stage_mail(people[language])
        reason_there = in_language(
            language, "Andere kandidaten passen beter bij wat dit werk vraagt."
        )
        assert reason_there in mail.body
        assert language == "nl" or "Andere kandidaten" not in mail.body
    for language in ("en", "ar"):
        step, html = portal_step(page, people[language])
        assert step.startswith(in_language(language, CANDIDATE_STEP_TEXT[StageKind.REJECTED]))
        assert (
            in_language(language, "Andere kandidaten passen beter bij wat dit werk vraagt.") in step
        )
        assert "/intrekken/" not in html
        assert 'href="/vacatures/"' in html  # what they can do next

    # Step 4: ti withdraws in the portal; HR sees it at once in the list and on the board.
    as_candidate(page, people["ti"].candidate)
    page.goto(reverse("applications:portal_withdraw", args=[people["ti"].pk]))
    page.locator("main form button.utrecht-button--primary-action").click()
    page.wait_for_url(f"**/mijn/sollicitaties/{people['ti'].pk}/", timeout=NAV)
    step, html = portal_step(page, people["ti"])
    assert step.startswith(in_language("ti", "Je hebt je sollicitatie ingetrokken"))
    as_staff(page, live_server, hr)
    assert hr_sees(page, people["ti"]) == {"Teruggetrokken"}
    to_ti = [m for m in outbox() if m.to == [people["ti"].candidate.email]]
    withdrawn = in_language("ti", "Je sollicitatie is ingetrokken: %(title)s") % {
        "title": vacancy.title
    }
    assert [m.subject for m in to_ti] == [withdrawn]  # one confirmation, in Tigrinya

    # Step 5: fa gets an offer letter (one mail, no separate step mail) and accepts: hired.
    scale = SalaryScale.objects.create(
        year=2026, scale=8, minimum=Decimal("3200"), maximum=Decimal("4600")
    )
    progress = progress_of(people["fa"])
    offer = offer_letter.make_and_send(
        progress,
        hr,
        HR_ROLES,
        salary_scale=scale,
        step=2,
        start_date=timezone.localdate() + timedelta(days=30),
        hours=36,
        contract_type="permanent",
        answer_by=timezone.localdate() + timedelta(days=10),
        right_to_work=True,
    )
    assert hr_sees(page, people["fa"]) == {"Aanbod"}
    to_fa = [m for m in outbox() if m.to == [people["fa"].candidate.email]]
    offer_subject = in_language("fa", "We doen je een aanbod: %(title)s") % {"title": vacancy.title}
    assert [m.subject for m in to_fa] == [offer_subject]  # one mail about the offer
    assert "/mijn/inloggen/" in to_fa[0].body
    step, html = portal_step(page, people["fa"])
    assert step.startswith(in_language("fa", "Aanbod"))
    as_staff(page, live_server, hr)
    selection_offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True)
    assert hr_sees(page, people["fa"]) == {"Aangenomen"}
    mail = last_stage_mail(people["fa"])
    assert in_language("fa", CANDIDATE_STEP_TEXT[StageKind.HIRED]) in mail.body
    step, html = portal_step(page, people["fa"])
    assert step.startswith(in_language("fa", CANDIDATE_STEP_TEXT[StageKind.HIRED]))
    assert "/intrekken/" not in html

    # The others did not change along the way.
    for language, expected in (("nl", "Gesprek"), ("en", "Afgewezen"), ("ar", "Afgewezen")):
        assert progress_of(people[language]).stage.name == expected
