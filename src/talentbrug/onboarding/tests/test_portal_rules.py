"""Portal rules (issue #22): surprises and check-ins from the first working day; a low mood
always asks attention."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.onboarding import tokens
from talentbrug.onboarding.constants import Health, TaskStatus
from talentbrug.onboarding.services import checkins, plans, wellbeing

from .factories import make_plan

pytestmark = pytest.mark.django_db

WEDNESDAY = date(2026, 3, 4)  # the first working day in these tests


@pytest.fixture
def plan(organisation):
    return make_plan(organisation, start_date=WEDNESDAY, name="Amal Yousef")


def url(name, plan):
    return reverse(f"onboarding:{name}", kwargs={"token": tokens.make_token(plan)})


def test_surprises_are_refused_before_the_first_working_day(plan):
    with pytest.raises(ValidationError, match="vanaf je eerste werkdag"):
        checkins.submit_surprises(plan, ["Iedereen zegt je"], today=WEDNESDAY - timedelta(days=56))
    assert not plan.surprises.exists()
    assert plan.tasks.get(form_kind="surprises").status == TaskStatus.OPEN
    checkins.submit_surprises(plan, ["Iedereen zegt je"], today=WEDNESDAY)
    assert plan.surprises.count() == 1


def test_checkin_opens_on_the_first_working_day_not_on_the_monday_before(plan):
    with pytest.raises(ValidationError, match="vanaf je eerste werkdag"):
        checkins.submit_checkin(plan, {"mood": 4}, today=WEDNESDAY - timedelta(days=2))
    _checkin, created = checkins.submit_checkin(plan, {"mood": 4}, today=WEDNESDAY)
    assert created


@freeze_time("2026-01-07 10:00:00")  # eight weeks before the first working day
def test_portal_explains_and_offers_no_form_before_the_first_day(client, plan):
    page = client.get(url("portal_surprises", plan)).content.decode()
    assert "Dit kan vanaf je eerste werkdag: woensdag 4 maart." in page
    assert 'name="surprise_1"' not in page
    response = client.post(url("portal_surprises", plan), {"surprise_1": "Veel afkortingen"})
    assert response.status_code == 302 and not plan.surprises.exists()
    home = client.get(url("portal", plan)).content.decode()
    assert home.count("Dit kan vanaf je eerste werkdag.") == 2  # check-in and surprises
    checkin = client.get(url("portal_checkin", plan)).content.decode()
    assert 'name="mood"' not in checkin and "vanaf je eerste werkdag" in checkin


@freeze_time("2026-03-04 10:00:00")
def test_portal_shows_the_surprises_form_from_the_first_day(client, plan):
    page = client.get(url("portal_surprises", plan)).content.decode()
    assert 'name="surprise_1"' in page


def test_low_mood_asks_attention_also_when_the_plan_is_behind(plan):
    plan = plans.start_plan(plan)
    checkins.submit_checkin(plan, {"mood": 1, "was_hard": "Ik voel me alleen"}, today=WEDNESDAY)
    later = WEDNESDAY + timedelta(days=30)
    assert any(task.is_overdue(later) for task in plan.tasks.all())
    assert wellbeing.health(plan, later) == Health.ATTENTION
    # a good mood lets the overdue tasks speak again
    checkins.submit_checkin(plan, {"mood": 4}, today=WEDNESDAY + timedelta(days=7))
    assert wellbeing.health(plan, later) == Health.OVERDUE


def test_overview_lists_the_low_mood_plan_under_attention(organisation, plan, make_staff):
    from talentbrug.accounts.constants import Role
    from talentbrug.conftest import verified_client

    coordinator = make_staff(organisation, Role.ONBOARDING_COORDINATOR)
    plans.start_plan(plan)
    checkins.submit_checkin(plan, {"mood": 2}, today=WEDNESDAY)
    with freeze_time(WEDNESDAY + timedelta(days=30)):
        client = verified_client(coordinator)
        page = client.get(reverse("onboarding:overview") + "?stand=attention").content.decode()
        home = client.get(reverse("pages:home")).content.decode()
    assert "Amal Yousef" in page and "te laat" in page
    assert "met een lage stemming" in home
