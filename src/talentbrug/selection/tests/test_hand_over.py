"""One hand-over at hire: every promise and wish arrives in the onboarding plan (issue #22)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.onboarding.constants import OwnerRole, ProgrammeKind, TaskStatus
from talentbrug.onboarding.models import OnboardingTemplate
from talentbrug.onboarding.services import plans as onboarding_plans
from talentbrug.onboarding.services import supporters as onboarding_supporters
from talentbrug.onboarding.services import templates as onboarding_templates
from talentbrug.programmes.services import open_vacancy_for_placement
from talentbrug.programmes.tests.factories import PlacementFactory, SchoolFactory
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import SalaryScale

from ..services import offers
from .conftest import HR_ROLES
from .factories import application_in_pipeline, vacancy_with_requirements

pytestmark = pytest.mark.django_db


@pytest.fixture
def scale():
    return SalaryScale.objects.create(
        year=2026, scale=7, minimum=Decimal("3000"), maximum=Decimal("4200")
    )


def _hire(progress, hr, scale, *, contract_type="temporary", hours=32, **accept):
    offer = offers.make_offer(
        progress,
        hr,
        HR_ROLES,
        salary_scale=scale,
        step=3,
        start_date=timezone.localdate() + timedelta(days=30),
        hours=hours,
        contract_type=contract_type,
    )
    return offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True, **accept)


def _open_titles(plan):
    return sorted(
        plan.tasks.filter(status=TaskStatus.OPEN, owner_role=OwnerRole.HR).values_list(
            "title", flat=True
        )
    )


def test_language_coach_wish_without_a_coach_becomes_an_open_task(organisation, hr, scale):
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    plan = _hire(progress, hr, scale)
    name = progress.application.candidate.name
    task = plan.tasks.get(arranges_role=OwnerRole.LANGUAGE_COACH)
    assert task.title == f"Zoek een taalcoach voor {name}"
    # the template's own "Regel een taalcoach" became this task: the plan does not ask twice
    assert not plan.tasks.filter(title="Regel een taalcoach").exists()
    assert task.status == TaskStatus.OPEN and task.owner_role == OwnerRole.HR
    assert task.due_date <= plan.start_date
    # naming a coach completes the task; removing the coach opens it again
    onboarding_supporters.assign_supporter(plan, OwnerRole.LANGUAGE_COACH, hr, user=hr)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    onboarding_supporters.assign_supporter(plan, OwnerRole.LANGUAGE_COACH, None, user=hr)
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_a_coach_named_at_hire_is_in_the_plan_and_no_task_opens(organisation, hr, scale):
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    plan = _hire(progress, hr, scale, language_coach=hr)
    assert plan.supporter(OwnerRole.LANGUAGE_COACH).user == hr
    # nothing left to arrange: the template's "Regel een taalcoach" is done
    assert not plan.tasks.filter(
        arranges_role=OwnerRole.LANGUAGE_COACH, status=TaskStatus.OPEN
    ).exists()
    assert plan.tasks.get(title="Regel een taalcoach").status == TaskStatus.DONE


def test_buddy_promised_in_the_vacancy_is_carried_even_without_a_wish(organisation, hr, scale):
    vacancy = vacancy_with_requirements(organisation, offers_buddy=True)
    progress = application_in_pipeline(organisation, vacancy=vacancy, wants_buddy=False)
    plan = _hire(progress, hr, scale)
    name = progress.application.candidate.name
    assert f"Zoek een buddy voor {name}" in _open_titles(plan)
    assert not plan.tasks.filter(title="Kies een buddy").exists()


def test_hours_adjustments_and_guidance_arrive_in_the_plan(organisation, hr, scale):
    vacancy = vacancy_with_requirements(
        organisation, guidance_text="Je krijgt een buddy en we werken je drie maanden in."
    )
    progress = application_in_pipeline(
        organisation,
        vacancy=vacancy,
        hours_per_week=24,
        accommodations="Een rustige werkplek en grote letters op het scherm.",
    )
    plan = _hire(progress, hr, scale, hours=28)
    assert plan.hours_per_week == 28 and plan.hours_wished == 24
    assert plan.accommodations == "Een rustige werkplek en grote letters op het scherm."
    assert plan.guidance_promised == "Je krijgt een buddy en we werken je drie maanden in."
    name = progress.application.candidate.name
    task = plan.tasks.get(title=f"Regel de aanpassingen die {name} vroeg")
    # the request itself stays on the staff-only plan, not in a task others may see
    assert "rustige werkplek" not in task.description


def test_manager_and_first_day_come_from_the_vacancy(organisation, hr, make_staff, scale):
    boss = make_staff(organisation, Role.HIRING_MANAGER)
    vacancy = vacancy_with_requirements(
        organisation,
        hiring_manager=boss,
        first_day_place="Wilhelmina van Pruisenweg 52, Den Haag, hoofdingang",
        first_day_time="9.00 uur",
        first_day_ask_for="Fatima bij de receptie",
    )
    plan = _hire(application_in_pipeline(organisation, vacancy=vacancy), hr, scale)
    assert plan.manager == boss
    assert plan.first_day_place == "Wilhelmina van Pruisenweg 52, Den Haag, hoofdingang"
    assert plan.first_day_time == "9.00 uur"
    assert plan.first_day_ask_for == "Fatima bij de receptie"
    assert not plan.tasks.filter(arranges_role=OwnerRole.MANAGER).exists()


def test_no_manager_on_the_vacancy_becomes_a_task_closed_by_choosing_one(
    organisation, hr, make_staff, scale
):
    progress = application_in_pipeline(organisation)
    plan = _hire(progress, hr, scale)
    task = plan.tasks.get(arranges_role=OwnerRole.MANAGER)
    assert task.status == TaskStatus.OPEN
    boss = make_staff(organisation, Role.HIRING_MANAGER)
    onboarding_plans.update_plan(plan, user=hr, data={"manager": boss})
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_the_vacancy_template_wins_over_the_contract(organisation, hr, scale):
    onboarding_templates.ensure_default_templates(organisation)
    trainee = OnboardingTemplate.objects.get(organisation=organisation, kind=ProgrammeKind.TRAINEE)
    vacancy = vacancy_with_requirements(organisation, onboarding_template=trainee)
    plan = _hire(application_in_pipeline(organisation, vacancy=vacancy), hr, scale)
    assert plan.template == trainee


def test_hire_through_a_bbl_place_fills_it_and_carries_school_and_supervisor(
    organisation, hr, make_staff, scale
):
    supervisor = make_staff(organisation, Role.ASSESSOR)
    school = SchoolFactory(organisation=organisation, name="ROC Mondriaan")
    place = PlacementFactory(
        organisation=organisation, school=school, supervisor=supervisor, school_days="dinsdag"
    )
    vacancy = open_vacancy_for_placement(place, user=hr, roles=HR_ROLES)
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.save(update_fields=["status"])
    progress = application_in_pipeline(organisation, vacancy=vacancy)
    # contract "temporary" on the offer: the route (the BBL place) still picks the BBL plan
    plan = _hire(progress, hr, scale, contract_type="temporary")
    place.refresh_from_db()
    assert place.filled_by == plan
    assert plan.programme == ProgrammeKind.BBL
    assert plan.supporter(OwnerRole.BBL_SUPERVISOR).user == supervisor
    assert not plan.tasks.filter(arranges_role=OwnerRole.BBL_SUPERVISOR).exists()

    client = verified_client(hr)
    page = client.get(reverse("programmes:placement_detail", args=[place.pk])).content.decode()
    assert plan.name in page and "Niemand: de plek is vrij" not in page
    plan_page = client.get(reverse("onboarding:plan_detail", args=[plan.pk])).content.decode()
    assert "ROC Mondriaan" in plan_page and "dinsdag" in plan_page


def test_internship_place_opens_an_internship_vacancy_and_the_bol_plan(organisation, hr, scale):
    place = PlacementFactory(organisation=organisation, kind="bol", team="Webteam")
    vacancy = open_vacancy_for_placement(place, user=hr, roles=HR_ROLES)
    assert vacancy.contract_type == "internship"
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.save(update_fields=["status"])
    plan = _hire(application_in_pipeline(organisation, vacancy=vacancy), hr, scale)
    place.refresh_from_db()
    assert place.filled_by == plan and plan.programme == ProgrammeKind.BOL
    # no praktijkopleider named on the place: the promise becomes a task, not a silent gap
    assert plan.tasks.filter(
        arranges_role=OwnerRole.BBL_SUPERVISOR, status=TaskStatus.OPEN
    ).exists()


def test_offer_page_shows_what_will_be_arranged_and_the_plan_shows_the_task(
    organisation, hr, scale
):
    progress = application_in_pipeline(
        organisation,
        wants_language_coach=True,
        wants_buddy=True,
        accommodations="Ik heb dyslexie; graag teksten vooraf.",
    )
    application = progress.application
    client = verified_client(hr)
    page = client.get(reverse("selection:offer", args=[application.pk]))
    text = page.content.decode()
    assert "Dit regelen we bij de start" in text
    assert "Taalcoach" in text and "Buddy" in text and "De kandidaat vroeg erom." in text
    assert "Ik heb dyslexie; graag teksten vooraf." in text
    plan = _hire(progress, hr, scale)
    plan_page = client.get(reverse("onboarding:plan_detail", args=[plan.pk])).content.decode()
    name = application.candidate.name
    assert f"Open taak voor HR: Zoek een taalcoach voor {name}" in plan_page
    assert "Ik heb dyslexie; graag teksten vooraf." in plan_page


def test_people_reserved_on_the_vacancy_arrive_in_the_plan(organisation, hr, make_staff, scale):
    buddy, coach, supervisor = (make_staff(organisation, Role.HIRING_MANAGER) for _i in range(3))
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    vacancy = progress.vacancy
    vacancy.offers_buddy = True
    vacancy.offers_bbl_supervisor = True
    vacancy.buddy_person = buddy
    vacancy.language_coach_person = coach
    vacancy.bbl_supervisor_person = supervisor
    vacancy.save()
    page = (
        verified_client(hr)
        .get(reverse("selection:offer", args=[progress.application.pk]))
        .content.decode()
    )
    assert buddy.get_full_name() in page and coach.get_full_name() in page
    assert "Nog te kiezen (" not in page.replace(
        "Nog te kiezen (kies een leidinggevende", ""
    )  # every promised supporter already has a person (the manager is another matter)
    plan = _hire(progress, hr, scale)
    assert plan.supporter(OwnerRole.BUDDY).user == buddy
    assert plan.supporter(OwnerRole.LANGUAGE_COACH).user == coach
    assert plan.supporter(OwnerRole.BBL_SUPERVISOR).user == supervisor
    assert not plan.tasks.filter(arranges_role=OwnerRole.LANGUAGE_COACH, status="open").exists()


def test_a_person_chosen_at_hire_wins_and_nobody_is_carried_without_a_promise(
    organisation, hr, make_staff, scale
):
    reserved, chosen = (make_staff(organisation, Role.HIRING_MANAGER) for _i in range(2))
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    vacancy = progress.vacancy
    vacancy.language_coach_person = reserved
    vacancy.buddy_person = reserved  # reserved, but no buddy was promised or asked for
    vacancy.save()
    plan = _hire(progress, hr, scale, language_coach=chosen)
    assert plan.supporter(OwnerRole.LANGUAGE_COACH).user == chosen
    assert plan.supporter(OwnerRole.BUDDY) is None


def test_an_external_language_coach_on_the_vacancy_arrives_in_the_plan(organisation, hr, scale):
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    vacancy = progress.vacancy
    vacancy.language_coach_external_name = "Ingrid Taalhuis"
    vacancy.language_coach_external_organisation = "Taalhuis Den Haag"
    vacancy.language_coach_external_email = "ingrid@taalhuis.example"
    vacancy.save()
    page = (
        verified_client(hr)
        .get(reverse("selection:offer", args=[progress.application.pk]))
        .content.decode()
    )
    assert "Ingrid Taalhuis (Taalhuis Den Haag)" in page
    plan = _hire(progress, hr, scale)
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    assert coach.user is None
    assert coach.external_name == "Ingrid Taalhuis (Taalhuis Den Haag)"
    assert coach.external_email == "ingrid@taalhuis.example"
    # the promise is kept: no "find a language coach" task
    assert not plan.tasks.filter(arranges_role=OwnerRole.LANGUAGE_COACH, status="open").exists()
    # a colleague chosen at hire still wins over the coach named on the vacancy
    other = application_in_pipeline(organisation, vacancy=vacancy, wants_language_coach=True)
    plan = _hire(other, hr, scale, language_coach=hr)
    assert plan.supporter(OwnerRole.LANGUAGE_COACH).user == hr
