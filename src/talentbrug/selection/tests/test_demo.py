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
    assert progress.count() == 4
    assert progress.filter(stage__kind=StageKind.SCREENING).count() == 1


def test_demo_without_applications_does_nothing():
    from talentbrug.selection import demo

    demo.seed({})
    demo.seed({"applications": {}})
    assert not ApplicationProgress.objects.exists()
