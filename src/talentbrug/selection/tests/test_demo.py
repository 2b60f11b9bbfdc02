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
