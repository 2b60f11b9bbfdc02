from __future__ import annotations

import pytest

from ..constants import StageKind
from ..models import ApplicationProgress

pytestmark = pytest.mark.django_db


def test_demo_puts_the_demo_applications_in_the_pipeline():
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.applications import demo as applications_demo
    from talentbrug.selection import demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict = {}
    accounts_demo.seed(context)
    vacancies_demo.seed(context)
    applications_demo.seed(context)
    demo.seed(context)
    vacancy = context["vacancies"]["servicedesk"]
    progress = ApplicationProgress.objects.filter(vacancy=vacancy)
    assert progress.count() == 5  # with Sara Ahmadi, whose offer letter waits in the portal
    assert progress.filter(stage__kind=StageKind.SCREENING).count() == 1
    waiting = progress.get(stage__kind=StageKind.OFFER).offer
    assert waiting.sent_at is not None and waiting.status == "made"


def test_demo_without_applications_does_nothing():
    from talentbrug.selection import demo

    demo.seed({})
    demo.seed({"applications": {}})
    assert not ApplicationProgress.objects.exists()


def test_demo_hires_a_bbl_student_through_a_place_and_onboarding_looks_believable():
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.applications import demo as applications_demo
    from talentbrug.onboarding import demo as onboarding_demo
    from talentbrug.onboarding.constants import OwnerRole, TaskStatus
    from talentbrug.programmes import demo as programmes_demo
    from talentbrug.programmes.models import Placement, Rotation
    from talentbrug.selection import demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict = {}
    for module in (accounts_demo, vacancies_demo, applications_demo, onboarding_demo):
        module.seed(context)
    programmes_demo.seed(context)
    demo.seed(context)

    plan = context["selection"]["hired_through_place"]
    place = Placement.objects.get(vacancy=context["vacancies"]["carved"])
    assert place.filled_by == plan and plan.name == "Amal Yousef"
    assert plan.supporter(OwnerRole.BBL_SUPERVISOR).user == context["users"]["beoordelaar.dictu"]
    assert plan.manager == context["users"]["manager.dictu"]
    assert plan.tasks.filter(
        arranges_role=OwnerRole.LANGUAGE_COACH, status=TaskStatus.OPEN
    ).exists()
    assert Placement.objects.filter(kind="bol").exists()
    assert not Rotation.objects.filter(supervisor_name="").exists()
    moods = [
        tuple(plan.checkins.values_list("mood", flat=True))
        for plan in context["onboarding"]["trainees"]
    ]
    assert len(set(moods)) > 4  # not one repeating pattern
    assert any(m and m[-1] <= 2 for m in moods)  # someone asks for attention


def test_demo_hires_an_intern_through_an_internship_place_with_an_external_coach(client):
    from django.urls import reverse

    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.applications import demo as applications_demo
    from talentbrug.applications.models import Education
    from talentbrug.conftest import verified_client
    from talentbrug.onboarding import demo as onboarding_demo
    from talentbrug.onboarding.constants import OwnerRole, TaskStatus
    from talentbrug.programmes import demo as programmes_demo
    from talentbrug.programmes.models import Placement
    from talentbrug.selection import demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict = {}
    for module in (accounts_demo, vacancies_demo, applications_demo, onboarding_demo):
        module.seed(context)
    programmes_demo.seed(context)
    demo.seed(context)

    plan = context["selection"]["intern_through_place"]
    place = Placement.objects.get(kind="bol", filled_by=plan)
    assert plan.name == "Hiba Al-Hassan" and place.vacancy.contract_type == "internship"
    users = context["users"]
    # the place's praktijkopleider, the reserved buddy and the external coach of the vacancy
    assert plan.supporter(OwnerRole.BBL_SUPERVISOR).user == users["manager.dictu"]
    assert plan.supporter(OwnerRole.BUDDY).user == users["archief.dictu"]
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    assert coach.user is None and coach.external_name == "Ingrid Taalhuis (Taalhuis Apeldoorn)"
    assert not plan.tasks.filter(
        arranges_role__in=[OwnerRole.LANGUAGE_COACH, OwnerRole.BUDDY], status=TaskStatus.OPEN
    ).exists()
    assert plan.first_day_ask_for == "Mohamed El Amrani (praktijkopleider)"
    # her Syrian diploma with its IDW evaluation
    diploma = Education.objects.get(application_id=plan.application_id)
    assert diploma.is_foreign and diploma.is_evaluated and diploma.eqf_level == "4"
    # another internship place stays free to try "Open een vacature voor deze plek"
    assert Placement.objects.filter(kind="bol", filled_by__isnull=True, vacancy=None).exists()
    # the place page shows the person, the school, the praktijkopleider and the progress
    staff = verified_client(users["inwerken.dictu"])
    page = staff.get(reverse("programmes:placement_detail", args=[place.pk])).content.decode()
    assert "Hiba Al-Hassan" in page and "ROC Rijnland" in page
    assert users["manager.dictu"].get_full_name() in page
    assert "van het inwerkplan is klaar" in page and "eerste werkdag" in page
