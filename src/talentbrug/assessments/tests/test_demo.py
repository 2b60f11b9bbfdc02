from __future__ import annotations

import pytest

from talentbrug.selection.tests.factories import vacancy_with_requirements

from .. import demo
from ..models import AssessmentDay


@pytest.mark.django_db
def test_demo_makes_a_group_day_with_sessions(organisation, hr, observer):
    vacancy = vacancy_with_requirements(organisation)
    context = {"selection": {"vacancy": vacancy}, "users": {"hr.dictu": hr}}
    demo.seed(context)
    day = AssessmentDay.objects.get()
    assert day.sessions.count() == 2 and list(day.observers.all()) == [hr]
    demo.seed({})  # without the other apps' demo data: nothing happens
    assert AssessmentDay.objects.count() == 1
