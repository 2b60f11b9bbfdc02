"""What was promised is what the new colleague gets (issue #22), in a real browser.

HR sees on the offer page what will be arranged, records the yes, and finds everything in the
plan: the praktijkopleider of the BBL place, the manager and first day of the vacancy, and an
open task for the language coach nobody was named for yet. The place shows the person. The new
hire cannot add surprises before the first working day, and an untouched field is not red.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.onboarding import tokens
from talentbrug.onboarding.models import OnboardingTemplate
from talentbrug.onboarding.services import plans as onboarding_plans
from talentbrug.onboarding.services import templates as onboarding_templates
from talentbrug.onboarding.workdays import add_working_days
from talentbrug.programmes.services import open_vacancy_for_placement
from talentbrug.programmes.tests.factories import PlacementFactory, SchoolFactory
from talentbrug.selection.services import offers as selection_offers
from talentbrug.selection.tests.conftest import HR_ROLES
from talentbrug.selection.tests.factories import application_in_pipeline
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import SalaryScale

from .conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    keep_screenshot,
    log_in,
    open_link,
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("var/shots")


def look(page, name):
    """Axe and no sideways scroll at both widths; screenshots for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (360, 800)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        keep_screenshot(page, str(SHOTS / f"promises-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _amal(organisation, language, *, working_days_from_today):
    """A plan from the standard template, starting that many working days from today."""
    onboarding_templates.ensure_default_templates(organisation)
    return onboarding_plans.start_onboarding(
        organisation=organisation,
        name="Amal Yousef",
        email="amal@example.org",
        preferred_language=language,
        start_date=add_working_days(timezone.localdate(), working_days_from_today),
        template=OnboardingTemplate.objects.get(organisation=organisation, name="Standaard"),
        manager=None,
        send_link=False,
    )


def test_the_hire_carries_every_promise_into_the_plan_and_fills_the_place(
    page, live_server, make_staff, organisation
):
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Annemiek", last_name="Smit")
    boss = make_staff(organisation, Role.HIRING_MANAGER, first_name="Caspar", last_name="Mulder")
    eva = make_staff(organisation, Role.ASSESSOR, first_name="Eva", last_name="Jansen")
    school = SchoolFactory(organisation=organisation, name="ROC Mondriaan")
    place = PlacementFactory(
        organisation=organisation, school=school, supervisor=eva, school_days="dinsdag"
    )
    vacancy = open_vacancy_for_placement(place, user=hr, roles=HR_ROLES)
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.hiring_manager = boss
    vacancy.offers_buddy = True
    vacancy.first_day_place = "Servicedesk, Wilhelmina van Pruisenweg 52, Den Haag"
    vacancy.first_day_time = "8.30 uur"
    vacancy.first_day_ask_for = "Eva Jansen"
    vacancy.save()
    progress = application_in_pipeline(
        organisation,
        vacancy=vacancy,
        wants_language_coach=True,
        hours_per_week=32,
        accommodations="Ik bid op vrijdag tussen de middag.",
        candidate__name="Amal Yousef",
    )
    scale = SalaryScale.objects.create(
        year=2026, scale=6, minimum=Decimal("2800"), maximum=Decimal("3900")
    )
    selection_offers.make_offer(
        progress,
        hr,
        HR_ROLES,
        salary_scale=scale,
        step=0,
        start_date=timezone.localdate() + timedelta(days=21),
        hours=32,
        contract_type="bbl",
    )

    log_in(page, live_server, hr)
    page.goto(reverse("selection:offer", args=[progress.application_id]))
    hand_over = page.locator("section", has_text="Dit regelen we bij de start")
    text = hand_over.inner_text()
    assert "Taalcoach" in text and "De kandidaat vroeg erom." in text
    assert "Buddy" in text and "Beloofd in de vacature." in text
    assert "Eva Jansen" in text and "Hoort bij de leerplek." in text
    assert "Caspar Mulder" in text and "Ik bid op vrijdag tussen de middag." in text
    look(page, "offer")

    # The decision form (the letter form above it asks right-to-work too).
    decision = page.locator("form", has=page.get_by_role("button", name="Leg vast", exact=True))
    decision.get_by_label("De kandidaat accepteert").check()
    decision.get_by_label("Ja", exact=True).check()
    decision.get_by_role("button", name="Leg vast", exact=True).click()
    page.wait_for_selector("text=Aangenomen. Het inwerkplan is gemaakt.")
    page.get_by_role("link", name="Bekijk het inwerkplan van Amal Yousef").click()
    page.wait_for_selector("h1:has-text('Inwerkplan Amal Yousef')")
    body = page.locator("main").inner_text()
    assert "Caspar Mulder" in body  # manager from the vacancy
    assert "8.30 uur" in body and "Servicedesk, Wilhelmina van Pruisenweg 52" in body
    assert "Eva Jansen" in body  # praktijkopleider from the place
    assert "Open taak voor HR: Zoek een taalcoach voor Amal Yousef" in body
    assert "Open taak voor HR: Zoek een buddy voor Amal Yousef" in body
    assert "ROC Mondriaan" in body and "Ik bid op vrijdag tussen de middag." in body
    look(page, "plan")

    page.goto(reverse("programmes:placement_detail", args=[place.pk]))
    assert "Amal Yousef" in page.locator("main").inner_text()
    look(page, "place")


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_surprises_wait_for_the_first_working_day(page, live_server, organisation, language):
    plan = _amal(organisation, language, working_days_from_today=40)
    open_link(
        page, reverse("onboarding:portal_surprises", kwargs={"token": tokens.make_token(plan)})
    )
    page.wait_for_selector("#nog-niet")
    assert page.locator("textarea").count() == 0
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
    look(page, f"surprises-before-start-{language}")
    open_link(page, reverse("onboarding:portal_checkin", kwargs={"token": tokens.make_token(plan)}))
    page.wait_for_selector("#nog-niet")
    assert page.locator("input[name='mood']").count() == 0
    look(page, f"checkin-before-start-{language}")
    open_link(page, reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)}))
    look(page, f"portal-before-start-{language}")


def test_an_untouched_required_field_is_not_drawn_as_an_error(page, live_server, organisation):
    plan = _amal(organisation, "nl", working_days_from_today=-60)
    open_link(
        page,
        reverse(
            "onboarding:portal_evaluation",
            kwargs={"token": tokens.make_token(plan), "moment": "3"},
        ),
    )
    style = (
        "id => { const s = getComputedStyle(document.getElementById(id));"
        " return [s.borderTopColor, s.borderTopWidth, s.backgroundColor].join(' '); }"
    )
    required, optional = page.evaluate(style, "id_went_well"), page.evaluate(style, "id_to_improve")
    assert page.evaluate("document.getElementById('id_went_well').matches(':invalid')")
    assert required == optional  # required and empty, but nothing was sent yet
    look(page, "evaluation-untouched")

    page.get_by_role("button", name="Verstuur").click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate(style, "id_went_well") != page.evaluate(style, "id_to_improve")


def test_hr_plans_the_support_in_the_vacancy_and_candidates_read_it(
    page, live_server, make_staff, organisation
):
    from talentbrug.vacancies.tests.factories import VacancyFactory

    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Annemiek", last_name="Smit")
    make_staff(organisation, Role.HIRING_MANAGER, first_name="Caspar", last_name="Mulder")
    vacancy = VacancyFactory(
        organisation=organisation,
        status="concept",
        guidance_text="<p>Je werkt drie maanden samen met een collega.</p>",
    )
    log_in(page, live_server, hr)
    page.goto(reverse("vacancies:edit", args=[vacancy.pk]))
    support = page.locator("#inwerken")
    support.get_by_label("Inwerksjabloon").select_option(label="Statushouder met taalcoach")
    support.get_by_label("Leidinggevende").select_option(label="Caspar Mulder")
    support.get_by_role("checkbox", name="Buddy", exact=True).check()
    support.get_by_role("checkbox", name="Taalcoach", exact=True).check()
    support.get_by_label("Waar op de eerste dag").fill("Hoofdingang, Europaweg 12, Apeldoorn")
    support.get_by_label("Hoe laat op de eerste dag").fill("9.00 uur")
    support.get_by_label("Naar wie vragen").fill("Caspar Mulder")
    support.scroll_into_view_if_needed()
    look(page, "vacancy-form")
    page.get_by_role("button", name="Sla vacature op").click()
    page.wait_for_selector("text=De vacature is opgeslagen.")
    detail = page.locator("main").inner_text()
    assert "Je krijgt een buddy en een taalcoach." in detail
    assert "De eerste weken (Statushouder met taalcoach)" in detail
    look(page, "vacancy-detail")
    vacancy.refresh_from_db()
    assert vacancy.hiring_manager.first_name == "Caspar" and vacancy.offers_language_coach

    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.closing_date = timezone.localdate() + timedelta(days=14)
    vacancy.save()
    for language in ("nl", "ar"):
        visitor = page.context.browser.new_context(base_url=live_server.url, locale=language)
        public = visitor.new_page()
        public.set_default_timeout(10_000)
        public.goto(reverse("publishing:vacancy_redirect", kwargs={"pk": vacancy.pk}))
        if language == "ar":
            public.wait_for_selector("html[dir='rtl']")
        assert "Je krijgt een buddy en een taalcoach." in public.locator("#support").inner_text()
        look(public, f"vacancy-public-{language}")
        visitor.close()
