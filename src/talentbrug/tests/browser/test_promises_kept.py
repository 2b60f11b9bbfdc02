"""Issue #22, done when: what we promise, we do, from the vacancy to the first working day.

HR opens a vacancy from a BBL place and plans the support in it (template, manager, buddy,
an external language coach, the praktijkopleider, first day). A candidate applies in Arabic,
asks for a language coach and adds a Syrian diploma with its IDW evaluation (reference, date,
the PDF). HR sees the evaluated level with its source; the candidate sees it back. The hire
fills the place; the plan shows buddy, language coach, praktijkopleider, manager and first day
without anyone typing them again, for HR and for the onboarding coordinator. The new hire can
add surprises only from the first working day. Every step asserts what that person sees.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Application
from talentbrug.applications.services import extraction as application_extraction
from talentbrug.applications.tests.conftest import fake_extract_skills
from talentbrug.applications.tests.helpers import pdf_cv
from talentbrug.onboarding import tokens
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.onboarding.services import templates as onboarding_templates
from talentbrug.programmes.models import Placement
from talentbrug.programmes.tests.factories import PlacementFactory, SchoolFactory
from talentbrug.selection.services import offers as selection_offers
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.tests.conftest import HR_ROLES
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import SalaryScale

from .conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    keep_screenshot,
    log_in,
    open_link,
)
from .test_applying import fill_common, portal_link_from_mail, reveal, submit

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("var/shots")
CANDIDATE = "amal.yousef@voorbeeld.nl"
LEVEL = "NLQF 6 · EQF 6 (Niveau 6: bachelor). Bron: Diplomawaardering (IDW) ontvangen"


@pytest.fixture(autouse=True)
def _files(settings, monkeypatch, tmp_path):
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


def look(page, name, widths=(1280, 360)):
    """axe and no sideways scroll at each width; a screenshot for a person to open."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        keep_screenshot(page, str(SHOTS / f"promises-kept-{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def main_text(page) -> str:
    return page.locator("main").inner_text()


def test_every_promise_from_the_vacancy_reaches_the_first_day(
    page, live_server, make_staff, organisation
):
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Annemiek", last_name="Smit")
    make_staff(organisation, Role.HIRING_MANAGER, first_name="Caspar", last_name="Mulder")
    make_staff(organisation, Role.ASSESSOR, first_name="Bart", last_name="de Boer")
    eva = make_staff(organisation, Role.ASSESSOR, first_name="Eva", last_name="Jansen")
    coordinator = make_staff(
        organisation, Role.ONBOARDING_COORDINATOR, first_name="Ilse", last_name="Koster"
    )
    onboarding_templates.ensure_default_templates(organisation)
    school = SchoolFactory(organisation=organisation, name="ROC Mondriaan")
    place = PlacementFactory(
        organisation=organisation,
        school=school,
        supervisor=eva,
        team="Servicedesk",
        programme_name="Expert IT systems and devices",
        school_days="dinsdag",
        pok_start=timezone.localdate(),
        pok_end=timezone.localdate() + timedelta(days=3 * 365),
    )

    # 1. HR opens a vacancy from the free BBL place and plans the support in it.
    log_in(page, live_server, hr)
    page.goto(reverse("programmes:placement_detail", args=[place.pk]))
    expect(page.locator("main")).to_contain_text("Niemand: de plek is vrij")
    with page.expect_navigation():
        page.get_by_role("button", name="Open een vacature voor deze plek").click()
    expect(page.get_by_label("Functienaam", exact=False).first).to_have_value(
        "BBL-student Servicedesk"
    )
    support = page.locator("#inwerken")
    support.get_by_label("Inwerksjabloon").select_option(label="BBL-student")
    support.get_by_label("Leidinggevende").select_option(label="Caspar Mulder")
    support.get_by_role("checkbox", name="Buddy", exact=True).check()
    support.get_by_label("Buddy (gereserveerd)").select_option(label="Bart de Boer")
    support.get_by_role("checkbox", name="Taalcoach", exact=True).check()
    support.get_by_label("Externe taalcoach: naam").fill("Ingrid Taalhuis")
    support.get_by_label("Externe taalcoach: organisatie").fill("Taalhuis Den Haag")
    support.get_by_label("Externe taalcoach: e-mail").fill("ingrid@taalhuis.example")
    expect(support.get_by_role("checkbox", name="Praktijkopleider", exact=True)).to_be_checked()
    support.get_by_label("Waar op de eerste dag").fill("Servicedesk, Europaweg 12, Apeldoorn")
    support.get_by_label("Hoe laat op de eerste dag").fill("8.30 uur")
    support.get_by_label("Naar wie vragen").fill("Eva Jansen")
    with page.expect_navigation():
        page.get_by_role("button", name="Sla vacature op").click()
    expect(page.locator("main")).to_contain_text("De vacature is opgeslagen.")
    detail = main_text(page)
    assert "Je krijgt een buddy, een taalcoach en een praktijkopleider." in detail
    assert "Externe taalcoach: Ingrid Taalhuis (Taalhuis Den Haag)." in detail
    assert "Leidinggevende: Caspar Mulder." in detail
    look(page, "vacancy", widths=(1280,))
    vacancy = Placement.objects.get(pk=place.pk).vacancy
    assert vacancy is not None and vacancy.language_coach_person is None
    # Publishing (texts, four eyes) is tested elsewhere; here it is simply published.
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.closing_date = timezone.localdate() + timedelta(days=30)
    vacancy.save()

    # 2. A candidate applies in Arabic, asks for a language coach, adds a foreign diploma.
    visitor = page.context.browser.new_context(base_url=live_server.url, locale="ar")
    visitor.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    candidate = visitor.new_page()
    candidate.set_default_timeout(10_000)
    candidate.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"}))
    assert candidate.locator("html").get_attribute("dir") == "rtl"
    fill_common(candidate, "Amal Yousef", CANDIDATE)
    reveal(candidate, "[name=cv]").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": pdf_cv()}
    )
    reveal(candidate, "[name=diploma_programme]").fill("Computer Engineering")
    candidate.locator("[name=diploma_level]").select_option("6")
    abroad = candidate.locator("details.tb-diploma-abroad")
    expect(abroad).not_to_have_attribute("open", "")  # folded away: short on a phone
    candidate.locator("[name=diploma_origin][value=abroad]").check()
    # choosing "another country" folds open the country, the evaluation and the pointer to idw.nl
    expect(abroad).to_have_attribute("open", "")
    expect(abroad.locator("a[href='https://www.idw.nl/']")).to_be_visible()
    expect(abroad.locator("[name=diploma_country]")).to_be_visible()
    abroad.locator("[name=diploma_country]").fill("سوريا")
    abroad.locator("[name=diploma_evaluation][value=idw_received]").check()
    abroad.locator("[name=evaluation_reference]").fill("IDW-2026-0412")
    abroad.locator("[name=evaluation_date]").fill("2026-03-12")
    abroad.locator("[name=evaluation_file]").set_input_files(
        {"name": "idw-waardering.pdf", "mimeType": "application/pdf", "buffer": pdf_cv()}
    )
    look(candidate, "apply-diploma-ar", widths=(360,))
    reveal(candidate, "[name=wants_language_coach]").check()
    submit(candidate)
    assert candidate.locator("html").get_attribute("dir") == "rtl"
    assert "تم إرسال طلبك" in candidate.get_by_role("heading", level=1).inner_text()
    application = Application.objects.get(candidate__email=CANDIDATE)
    assert application.wants_language_coach
    # ... and sees the evaluated level with its source back on the personal page
    open_link(candidate, portal_link_from_mail(CANDIDATE))
    candidate.wait_for_url("**/mijn/")
    candidate.goto(reverse("applications:portal_profile"))
    profile = main_text(candidate)
    assert "NLQF 6 · EQF 6" in profile and "IDW-2026-0412" in profile
    expect(candidate.locator("a[href*='/mijn/documenten/']").first).to_be_visible()
    look(candidate, "portal-diploma-ar", widths=(360,))
    visitor.close()

    # 3. HR sees the evaluated level with its source and the PDF, and what will be arranged.
    page.goto(reverse("applications:staff_detail", args=[application.pk]))
    staff = main_text(page)
    assert LEVEL in staff and "kenmerk IDW-2026-0412, 12 maart 2026" in staff
    expect(page.get_by_role("link", name="Pdf van de diplomawaardering")).to_be_visible()
    look(page, "hr-diploma", widths=(1280,))
    page.goto(reverse("selection:application", args=[application.pk]))
    assert "NLQF 6 · EQF 6" in main_text(page)
    scale = SalaryScale.objects.create(
        year=2026, scale=6, minimum=Decimal("2800"), maximum=Decimal("3900")
    )
    progress = selection_pipeline.progress_for(application)
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
    page.goto(reverse("selection:offer", args=[application.pk]))
    hand_over = page.locator("section", has_text="Dit regelen we bij de start").inner_text()
    assert "Ingrid Taalhuis (Taalhuis Den Haag)" in hand_over
    assert "De kandidaat vroeg erom." in hand_over and "Beloofd in de vacature." in hand_over
    assert "Bart de Boer" in hand_over and "Eva Jansen" in hand_over
    assert "Hoort bij de leerplek." in hand_over and "Caspar Mulder" in hand_over

    # 4. The hire: nothing typed again; the plan has everyone and the place fills.
    # The decision form (the letter form above it asks right-to-work too).
    decision = page.locator("form", has=page.get_by_role("button", name="Leg vast", exact=True))
    decision.get_by_label("De kandidaat accepteert").check()
    decision.get_by_label("Ja", exact=True).check()
    decision.get_by_role("button", name="Leg vast", exact=True).click()
    page.wait_for_selector("text=Aangenomen. Het inwerkplan is gemaakt.")
    with page.expect_navigation():
        page.get_by_role("link", name="Bekijk het inwerkplan van Amal Yousef").click()
    expect(page.locator("h1")).to_contain_text("Inwerkplan Amal Yousef")
    plan = OnboardingPlan.objects.get(application=application)

    def assert_plan_is_complete(body: str) -> None:
        for who in ("Bart de Boer", "Ingrid Taalhuis (Taalhuis Den Haag)", "Eva Jansen"):
            assert who in body
        assert "Caspar Mulder" in body  # the manager from the vacancy
        assert "8.30 uur" in body and "Servicedesk, Europaweg 12, Apeldoorn" in body
        assert "ROC Mondriaan" in body
        assert "Zoek een taalcoach" not in body and "Zoek een buddy" not in body
        assert "Zoek een praktijkopleider" not in body and "Nog niemand" not in body

    assert_plan_is_complete(main_text(page))
    look(page, "plan-hr", widths=(1280,))

    # 5. The onboarding coordinator sees the same plan and the filled place with its progress.
    log_in(page, live_server, coordinator)
    page.goto(reverse("onboarding:plan_detail", args=[plan.pk]))
    assert_plan_is_complete(main_text(page))
    page.goto(reverse("programmes:placement_detail", args=[place.pk]))
    place_text = main_text(page)
    assert "Amal Yousef" in place_text and "ROC Mondriaan" in place_text
    assert "Eva Jansen" in place_text and "van het inwerkplan is klaar" in place_text
    assert "Niemand: de plek is vrij" not in place_text
    look(page, "place")

    # 6. The new hire: surprises wait for the first working day, in Arabic.
    newcomer = page.context.browser.new_context(base_url=live_server.url, locale="ar")
    hire = newcomer.new_page()
    hire.set_default_timeout(10_000)
    surprises = reverse("onboarding:portal_surprises", kwargs={"token": tokens.make_token(plan)})
    open_link(hire, surprises)
    expect(hire.locator("#nog-niet")).to_be_visible()
    assert hire.locator("html").get_attribute("dir") == "rtl"
    assert hire.locator("textarea").count() == 0
    open_link(hire, reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)}))
    portal = main_text(hire)
    assert "Bart de Boer" in portal and "Ingrid Taalhuis" in portal and "8.30 uur" in portal
    # the first working day has come: now the surprises can be written down
    OnboardingPlan.objects.filter(pk=plan.pk).update(
        start_date=timezone.localdate() - timedelta(days=1)
    )
    open_link(hire, surprises)
    expect(hire.locator("textarea").first).to_be_visible()
    assert hire.locator("#nog-niet").count() == 0
    newcomer.close()
