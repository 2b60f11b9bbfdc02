"""Staff pages: create a plan, adjust it, overviews, attention items, figures, demo."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.onboarding import themes
from talentbrug.onboarding.models import OnboardingPlan, OnboardingTemplate
from talentbrug.onboarding.services import checkins as checkins_services
from talentbrug.onboarding.services import plans, supporters, templates

from .factories import make_plan, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(organisation):
    return member(organisation, role=Role.ONBOARDING_COORDINATOR)


@pytest.fixture
def client_(coordinator):
    return verified_client(coordinator)


def test_first_visit_creates_the_default_templates(client_, organisation):
    response = client_.get(reverse("onboarding:overview"))
    assert response.status_code == 200
    names = set(
        OnboardingTemplate.objects.filter(organisation=organisation).values_list("name", flat=True)
    )
    assert "Statushouder met taalcoach" in names and len(names) == 5
    assert "Er is nog geen inwerkplan" in response.content.decode()


def test_coordinator_creates_a_plan_from_a_template(client_, organisation, coordinator):
    templates.ensure_default_templates(organisation)
    template = OnboardingTemplate.objects.get(organisation=organisation, name="BBL-student")
    manager = member(organisation)
    data = {
        "template": template.pk,
        "name": "Bram Verhoef",
        "email": "bram@example.org",
        "preferred_language": "nl",
        "start_date": "2026-04-24",
        "manager": manager.pk,
        "supervisor": coordinator.pk,
        "coach_name": "Ingrid",
    }
    response = client_.post(reverse("onboarding:plan_create"), data)
    assert response.status_code == 400  # external coach without e-mail
    assert "naam én het e-mailadres" in response.content.decode()
    assert not OnboardingPlan.objects.exists()
    data["coach_email"] = "coach@example.org"
    response = client_.post(reverse("onboarding:plan_create"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    plan = OnboardingPlan.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "onboarding:plan_detail", args=[plan.pk]
    )
    assert plan.programme == "bbl" and plan.tasks.count() == template.tasks.count()
    assert plan.tasks.get(title="Lunch samen").due_date == date(2026, 4, 24)
    assert plan.supporter("bbl_supervisor").user == coordinator
    page = client_.get(response.url).content.decode()
    assert "Bram Verhoef" in page and "Praktijkopleider" in page


def test_task_edit_refuses_dates_outside_the_plan(client_, organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    task = plan.tasks.first()
    edit = reverse("onboarding:task_edit", args=[plan.pk, task.pk])
    data = {"title": task.title, "due_date": "2030-01-01", "owner_role": "manager"}
    response = client_.post(edit, data)
    assert response.status_code == 400 and "looptijd van het plan" in response.content.decode()
    data["due_date"] = "2026-03-04"
    data["owner_role"] = "buddy"
    assert client_.post(edit, data).status_code == 302
    task.refresh_from_db()
    assert task.due_date == date(2026, 3, 4) and task.owner_role == "buddy"


def test_plan_page_shows_checkins_surprises_and_reassign(client_, organisation):
    manager = member(organisation)
    plan = make_plan(organisation, start_date=date(2026, 3, 2), manager=manager)
    plan = plans.start_plan(plan)
    checkins_services.submit_checkin(
        plan, {"mood": 2, "was_hard": "Vaktermen"}, today=date(2026, 3, 4)
    )
    checkins_services.submit_surprises(plan, ["Iedereen gebruikt afkortingen"])
    manager.memberships.all().delete()
    page = client_.get(reverse("onboarding:plan_detail", args=[plan.pk])).content.decode()
    assert "<svg" in page and "Vaktermen" in page
    assert "Iedereen gebruikt afkortingen" in page
    assert "Iemand werkt hier niet meer" in page
    successor = member(organisation)
    response = client_.post(
        reverse("onboarding:plan_reassign", args=[plan.pk]),
        {"from_user": manager.pk, "to_user": successor.pk},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.manager == successor


def test_overview_filters_and_attention_items(client_, organisation):
    today = timezone.localdate()
    late = make_plan(organisation, start_date=today - timedelta(days=30), name="Te Laat")
    make_plan(organisation, start_date=today + timedelta(days=60), name="Later")
    page = client_.get(reverse("onboarding:overview") + "?stand=overdue").content.decode()
    assert "Te Laat" in page and "Later" not in page
    home = client_.get(reverse("pages:home")).content.decode()
    assert "Inwerktaken te laat" in home and "Check-ins zonder antwoord" in home
    assert late.tasks.filter(due_date__lt=today).exists()
    assert client_.get(reverse("onboarding:calendar")).status_code == 200


def test_mine_shows_only_my_new_people(organisation):
    manager = member(organisation)
    make_plan(organisation, manager=manager, name="Mijn Collega")
    make_plan(organisation, name="Andermans Collega")
    page = verified_client(manager).get(reverse("onboarding:mine")).content.decode()
    assert "Mijn Collega" in page and "Andermans Collega" not in page


def _themes(organisation):
    from talentbrug.insights.figures.onboarding import surprise_table
    from talentbrug.insights.services import scope_for

    return {r["label"]: r["cells"] for r in surprise_table(scope_for(organisation, "12"))["rows"]}


def test_themes_are_grouped_and_small_groups_hidden(organisation):
    assert themes.theme_of("Iedereen gebruikt afkortingen in mails") == "taal"
    assert themes.theme_of("Vergaderingen beginnen precies op tijd") == "tijd"
    assert themes.theme_of("De koffieautomaat is gratis") == "omgang"
    assert themes.theme_of("Niets bijzonders") == themes.OTHER
    assert themes.people_per_theme([["afkortingen", "vaktermen"], ["jargon"]]) == {"taal": 2}
    assert themes.suppress({"taal": 5, "tijd": 4}, 5) == ({"taal": 5}, 1)
    for index in range(4):
        plan = make_plan(organisation, name=f"Persoon {index}")
        checkins_services.submit_surprises(plan, ["Veel afkortingen", "Lunch om twaalf uur"])
    result = _themes(organisation)
    assert all(cells[0]["s"] for cells in result.values())
    plan = make_plan(organisation, name="Persoon 5")
    checkins_services.submit_surprises(plan, ["Zoveel afkortingen en vaktermen"])
    result = _themes(organisation)
    assert result["Taal, afkortingen en vaktermen"][0] == {"v": 5, "s": False}
    assert result["Mensen met een verbazing"][0] == {"v": 5, "s": False}
    others = [c for label, c in result.items() if label.startswith(("Taal", "Mensen")) is False]
    assert others and all(cells[0]["s"] for cells in others)


def test_figures_page_never_shows_texts(client_, organisation):
    for index in range(5):
        checkins_services.submit_surprises(
            make_plan(organisation, name=f"P{index}"), ["Geheime afkortingen"]
        )
    page = client_.get(client_.get(reverse("onboarding:figures")).url).content.decode()
    assert "Taal, afkortingen en vaktermen" in page and "Geheime" not in page


def test_demo_seed():
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.onboarding import demo
    from talentbrug.programmes import demo as programmes_demo
    from talentbrug.programmes.models import Cohort, Placement

    context = {}
    accounts_demo.seed(context)
    demo.seed(context)
    programmes_demo.seed(context)
    zakaria = context["onboarding"]["zakaria"]
    assert zakaria.supporter("language_coach").external_name == "Ingrid Taalhuis"
    assert zakaria.supporter("buddy").user.username == "archief.dictu"
    assert zakaria.checkins.count() >= 1 and zakaria.intake.submitted_at
    cohort = Cohort.objects.get(name="Lichting 2026-1")
    assert cohort.members.count() == 8 and cohort.rotations.count() == 24
    dictu = context["organisations"]["dictu"]
    places = Placement.objects.filter(organisation=dictu)
    assert places.filter(kind="bbl").count() == 5 and places.filter(kind="bol").count() == 2
    assert places.filter(filled_by__isnull=False).count() == 2
    assert places.first().school.name == "ROC Rijnland"
    themes_logius = _themes(context["organisations"]["logius"])
    # at least one theme named by five or more trainees
    assert any(not cells[0]["s"] for label, cells in themes_logius.items() if "Mensen" not in label)


def test_a_hiring_manager_sees_only_the_plans_they_manage_or_support(organisation):
    manager = member(organisation)
    buddy = member(organisation)
    own = make_plan(organisation, manager=manager, name="Eigen Collega")
    other = make_plan(organisation, name="Andere Collega")
    supported = make_plan(organisation, name="Buddy Collega")
    supporters.assign_supporter(supported, "buddy", buddy, user=None)
    client = verified_client(manager)
    assert client.get(reverse("onboarding:plan_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("onboarding:plan_detail", args=[other.pk])).status_code == 404
    buddy_client = verified_client(buddy)
    assert (
        buddy_client.get(reverse("onboarding:plan_detail", args=[supported.pk])).status_code == 200
    )
    assert buddy_client.get(reverse("onboarding:plan_detail", args=[own.pk])).status_code == 404
    overview = client.get(reverse("onboarding:overview")).content.decode()
    assert "Eigen Collega" in overview and "Andere Collega" not in overview
    coordinator = member(organisation, role=Role.ONBOARDING_COORDINATOR)
    overview = verified_client(coordinator).get(reverse("onboarding:overview")).content.decode()
    assert "Eigen Collega" in overview and "Andere Collega" in overview
