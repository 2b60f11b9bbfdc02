from __future__ import annotations

import pytest

from ..constants import InterviewStatus
from ..models import Interview

pytestmark = pytest.mark.django_db


def test_demo_plans_an_interview_with_the_assessor():
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.applications import demo as applications_demo
    from talentbrug.interviews import demo
    from talentbrug.selection import demo as selection_demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict = {}
    accounts_demo.seed(context)
    vacancies_demo.seed(context)
    applications_demo.seed(context)
    selection_demo.seed(context)
    demo.seed(context)
    interview = Interview.objects.get()
    assert interview.status == InterviewStatus.PLANNED
    assert interview.interviewers.filter(username="beoordelaar.dictu").exists()


def test_demo_without_context_does_nothing():
    from talentbrug.interviews import demo

    demo.seed({})
    assert not Interview.objects.exists()
