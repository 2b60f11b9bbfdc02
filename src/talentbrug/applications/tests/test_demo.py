from __future__ import annotations

import pytest

from ..models import Application, Booking, WorkSampleAssignment

pytestmark = pytest.mark.django_db


def test_demo_seeds_applications_on_the_servicedesk_vacancy():
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.applications import demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict = {}
    accounts_demo.seed(context)
    vacancies_demo.seed(context)
    demo.seed(context)
    servicedesk = context["vacancies"]["servicedesk"]
    applications = Application.objects.filter(vacancy=servicedesk)
    assert applications.count() == 4
    assert {a.route for a in applications} == {"cv", "no_cv", "recruitment_day", "video"}
    assert applications.filter(candidate__preferred_language="ar").exists()
    assert Booking.objects.filter(application__vacancy=servicedesk).count() == 1
    assert WorkSampleAssignment.objects.filter(vacancy=servicedesk).exists()


def test_demo_without_the_servicedesk_vacancy_does_nothing():
    from talentbrug.applications import demo

    demo.seed({})
    assert not Application.objects.exists()
