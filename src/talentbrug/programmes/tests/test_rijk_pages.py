"""The programme team's own menu: cohorts and places of the whole Rijk, counts without names."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.conftest import verified_client
from talentbrug.onboarding.tests.factories import make_plan
from talentbrug.programmes.models import Cohort

from .factories import PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return verified_client(UserFactory(is_programme_team=True))


def test_the_team_gets_its_own_menu_instead_of_no_access(team):
    home = team.get("/medewerkers/", follow=True).content.decode()
    assert "Geen toegang" not in home
    for label, name in (
        ("Lichtingen rijksbreed", "programmes:rijk_cohorts"),
        ("Leerplekken rijksbreed", "programmes:rijk_places"),
        ("Inzicht", "insights:vacancies"),
    ):
        assert f'href="{reverse(name)}"' in home and label in home


def test_cohorts_of_every_organisation_with_counts_and_no_names(
    team, organisation, other_organisation
):
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        organisation=organisation,
        name="Lichting 2026-1",
        kind="trainee",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=300),
        capacity=12,
    )
    cohort.participating_organisations.add(other_organisation)
    for i in range(3):
        cohort.members.add(make_plan(organisation, name=f"Trainee Naam{i}"))
    page = team.get(reverse("programmes:rijk_cohorts")).content.decode()
    assert "Lichting 2026-1" in page and organisation.name in page
    assert other_organisation.name in page and "3 / 12" in page and "loopt nu" in page
    assert "Naam0" not in page  # no participant names


def test_places_per_organisation_filled_and_free(team, organisation, other_organisation):
    plan = make_plan(organisation, name="Student Verborgen")
    PlacementFactory(organisation=organisation, kind="bbl", filled_by=plan)
    PlacementFactory(organisation=organisation, kind="bbl")
    PlacementFactory(organisation=other_organisation, kind="bol")
    page = team.get(reverse("programmes:rijk_places")).content.decode()
    assert organisation.name in page and other_organisation.name in page
    assert "2 plekken: 1 bezet, 1 vrij" in page and "1 plekken: 0 bezet, 1 vrij" in page
    assert "Verborgen" not in page


def test_no_organisation_role_opens_the_rijk_pages(make_staff, organisation):
    for role in Role:
        client = verified_client(make_staff(organisation, role))
        for name in ("programmes:rijk_cohorts", "programmes:rijk_places"):
            assert client.get(reverse(name)).status_code == 403, (role, name)
        menu = client.get(reverse("insights:vacancies")).content.decode()
        assert reverse("programmes:rijk_cohorts") not in menu
