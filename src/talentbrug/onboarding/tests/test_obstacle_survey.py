"""The short, optional questionnaire at 3 and 6 months: guidance, language, culture."""

from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.audit.models import AuditEvent
from talentbrug.onboarding import tokens
from talentbrug.onboarding.models import ObstacleSurvey
from talentbrug.onboarding.services import obstacles as obstacles_services

from .factories import make_plan

pytestmark = pytest.mark.django_db

START = date(2026, 3, 2)


def url(plan, moment="3", name="portal_obstacles"):
    kwargs = {"token": tokens.make_token(plan)}
    if moment:
        kwargs["moment"] = moment
    return reverse(f"onboarding:{name}", kwargs=kwargs)


@pytest.fixture
def plan(organisation):
    return make_plan(organisation, start_date=START, name="Zakaria Haddad")


def test_opens_at_three_months_is_optional_and_can_be_changed_while_open(client, plan):
    with freeze_time("2026-05-20"):  # before 3 months: no link, and a post changes nothing
        home = client.get(url(plan, moment=None, name="portal")).content.decode()
        assert "Wat was lastig?" not in home
        assert client.post(url(plan), {"obstacles": ["language"]}).status_code == 409
        assert not ObstacleSurvey.objects.exists()
    with freeze_time("2026-06-03"):
        home = client.get(url(plan, moment=None, name="portal")).content.decode()
        assert "Wat was lastig? Korte vraag (na 3 maanden)" in home and "Niet verplicht" in home
        page = client.get(url(plan)).content.decode()
        assert "Je leidinggevende ziet je antwoord niet" in page
        assert "Begeleiding: ik kreeg te weinig hulp of uitleg" in page
        assert 'aria-invalid="true"' not in page  # no errors before anything is sent
        response = client.post(url(plan), {"obstacles": ["language", "culture"]})
        assert response.status_code == 302
        assert ObstacleSurvey.objects.get(plan=plan, moment="3").obstacles == [
            "culture",
            "language",
        ]
        client.post(url(plan), {})  # nothing was hard: allowed, and stored as an empty choice
        assert ObstacleSurvey.objects.get(plan=plan, moment="3").obstacles == []
        assert client.post(url(plan), {"obstacles": ["salaris"]}).status_code == 400
        home = client.get(url(plan, moment=None, name="portal")).content.decode()
        assert "Ingevuld. Je mag het nog aanpassen." in home
    events = AuditEvent.objects.filter(event_type="onboarding.obstacles_answered")
    assert [e.data["change"] for e in events.order_by("pk")] == ["created", "updated"]
    assert all("language" not in str(e.data) for e in events)  # the answers are not logged
    with freeze_time("2026-08-01"):  # the 3-month window closed, the 6-month one is not open
        page = client.get(url(plan)).content.decode()
        assert "Deze vraag is nu niet open" in page
        assert client.post(url(plan), {"obstacles": ["guidance"]}).status_code == 409
        assert client.post(url(plan, "6"), {"obstacles": ["guidance"]}).status_code == 409
    with freeze_time("2026-09-10"):
        assert client.post(url(plan, "6"), {"obstacles": ["guidance"]}).status_code == 302
    assert ObstacleSurvey.objects.filter(plan=plan).count() == 2
    assert client.get(url(plan, "9")).status_code == 404


def test_windows_follow_the_first_working_day(plan):
    assert obstacles_services.obstacle_survey_window(plan, "3") == (
        date(2026, 6, 2),
        date(2026, 7, 28),
    )
    assert obstacles_services.obstacle_survey_window(plan, "6")[0] == date(2026, 9, 2)
