"""Programmes: cohorts and rotations, places and capacity, schools and assignments, figures."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.conftest import verified_client
from talentbrug.onboarding.tests.factories import make_plan, member
from talentbrug.programmes import services
from talentbrug.programmes.constants import AssignmentStatus, PlacementState
from talentbrug.programmes.models import SchoolAssignment
from talentbrug.vacancies.models import Vacancy

from .factories import AssignmentFactory, CohortFactory, PlacementFactory, SchoolFactory

pytestmark = pytest.mark.django_db

ASSIGNMENT_CASES = [
    (status, move) for status in AssignmentStatus.values for move in services.ASSIGNMENT_MOVES
]


@pytest.mark.parametrize(("status", "move"), ASSIGNMENT_CASES)
def test_assignment_moves(organisation, status, move):
    assignment = AssignmentFactory(school=SchoolFactory(organisation=organisation), status=status)
    sources, target = services.ASSIGNMENT_MOVES[move]
    if status in sources:
        services.transition_assignment(assignment, move, user=None)
        assert SchoolAssignment.objects.get(pk=assignment.pk).status == target
    else:
        with pytest.raises(ValidationError):
            services.transition_assignment(assignment, move, user=None)
        assert SchoolAssignment.objects.get(pk=assignment.pk).status == status


def test_members_capacity_and_other_organisations(organisation, other_organisation):
    cohort = CohortFactory(organisation=organisation, capacity=2)
    first, second, third = (make_plan(organisation, name=f"T{i}") for i in range(3))
    services.add_member(cohort, first, organisation=organisation, user=None)
    with pytest.raises(ValidationError):
        services.add_member(cohort, first, organisation=organisation, user=None)
    services.add_member(cohort, second, organisation=organisation, user=None)
    with pytest.raises(ValidationError):
        services.add_member(cohort, third, organisation=organisation, user=None)
    foreign = make_plan(other_organisation)
    with pytest.raises(ValidationError):
        services.add_member(cohort, foreign, organisation=organisation, user=None)
    with pytest.raises(ValidationError):  # Logius does not take part
        services.add_member(cohort, foreign, organisation=other_organisation, user=None)
    assert cohort.members.count() == 2


def test_rotations_stay_inside_the_cohort_and_do_not_overlap(organisation):
    cohort = CohortFactory(organisation=organisation)
    plan = make_plan(organisation)
    cohort.members.add(plan)
    data = {
        "plan": plan,
        "team": "Servicedesk",
        "starts_on": date(2026, 3, 2),
        "ends_on": date(2026, 4, 30),
    }
    services.add_rotation(cohort, organisation=organisation, user=None, data=data)
    with pytest.raises(ValidationError):  # overlaps
        services.add_rotation(
            cohort, organisation=organisation, user=None, data={**data, "team": "Beheer"}
        )
    with pytest.raises(ValidationError):  # after the end of the cohort
        services.add_rotation(
            cohort,
            organisation=organisation,
            user=None,
            data={**data, "starts_on": date(2026, 8, 1), "ends_on": date(2026, 12, 1)},
        )
    assert cohort.rotations.count() == 1


def test_rijksbreed_cohort(organisation, other_organisation, staff_client):
    cohort = CohortFactory(organisation=organisation)
    cohort.participating_organisations.add(other_organisation)
    for index in range(3):
        plan = make_plan(other_organisation, name=f"Logius {index}")
        services.add_member(cohort, plan, organisation=other_organisation, user=None)
    mine = make_plan(organisation, name="Eigen Trainee")
    services.add_member(cohort, mine, organisation=organisation, user=None)
    page = staff_client(organisation, Role.HR_ADVISER).get(
        reverse("programmes:cohort_detail", args=[cohort.pk])
    )
    body = page.content.decode()
    assert "Eigen Trainee" in body and "Logius 0" not in body and "minder dan 5" in body
    third = CohortFactory(organisation=other_organisation)
    response = staff_client(organisation, Role.HR_ADVISER).get(
        reverse("programmes:cohort_detail", args=[third.pk])
    )
    assert response.status_code == 404


def _cohort_rows(organisation=None):
    from talentbrug.insights.figures import programmes
    from talentbrug.insights.services import scope_for

    tables = programmes.programme_tables(scope_for(organisation, "12"))
    rows = next(t for t in tables if t["key"] == "lichtingen")["rows"]
    return {r["label"]: [c["v"] for c in r["cells"]] for r in rows}


def test_cohort_figures_hide_small_groups(organisation):
    cohort = CohortFactory(organisation=organisation, name="Lichting klein")
    for index in range(4):
        cohort.members.add(make_plan(organisation, name=f"T{index}"))
    assert _cohort_rows()["Lichting klein"] == [None, None]
    cohort.members.add(make_plan(organisation, name="T5"))
    assert _cohort_rows()["Lichting klein"] == [5, 0]


def test_programme_team_sees_every_organisation(organisation, other_organisation):
    CohortFactory(organisation=organisation, name="DICTU-groep")
    CohortFactory(organisation=other_organisation, name="Logius-groep")
    team = UserFactory(is_programme_team=True)
    client = verified_client(team)
    page = client.get(client.get(reverse("programmes:figures")).url).content.decode()
    assert "DICTU-groep" in page and "Logius-groep" in page and "hele Rijk" in page
    own = member(organisation, role=Role.HR_ADVISER)
    page = verified_client(own).get(reverse("insights:programmes")).content.decode()
    assert "DICTU-groep" in page and "Logius-groep" not in page
    assert verified_client(UserFactory()).get(reverse("insights:programmes")).status_code == 403


def test_placement_states_and_filling(organisation, other_organisation):
    today = timezone.localdate()
    place = PlacementFactory(organisation=organisation)
    assert place.state(today) == PlacementState.OPEN
    later = PlacementFactory(organisation=organisation, available_from=today + timedelta(days=30))
    assert later.state(today) == PlacementState.LATER
    student = make_plan(organisation)
    services.fill_placement(place, student, user=None)
    assert place.state(today) == PlacementState.FILLED
    place.pok_end = today + timedelta(days=20)
    assert place.state(today) == PlacementState.ENDING
    with pytest.raises(ValidationError):
        services.fill_placement(place, make_plan(organisation, name="Ander"), user=None)
    with pytest.raises(ValidationError):
        services.fill_placement(later, student, user=None)  # already on another place
    with pytest.raises(ValidationError):
        services.fill_placement(later, make_plan(other_organisation), user=None)
    services.fill_placement(place, None, user=None)
    assert place.state(today) == PlacementState.OPEN


def test_capacity_view_and_vacancy_for_a_free_place(organisation):
    place = PlacementFactory(organisation=organisation, team="On-site Support")
    PlacementFactory(organisation=organisation, filled_by=make_plan(organisation))
    hr = staff_hr = member(organisation, role=Role.HR_ADVISER)
    client = verified_client(staff_hr)
    page = client.get(reverse("programmes:placements")).content.decode()
    assert "Vrij" in page and "Bezet" in page
    response = client.post(reverse("programmes:placement_vacancy", args=[place.pk]))
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302 and vacancy.contract_type == "bbl"
    assert "On-site Support" in vacancy.title and vacancy.created_by == hr
    place.refresh_from_db()
    assert place.vacancy == vacancy
    coordinator = verified_client(member(organisation, role=Role.ONBOARDING_COORDINATOR))
    other = PlacementFactory(organisation=organisation)
    coordinator.post(reverse("programmes:placement_vacancy", args=[other.pk]))
    assert Vacancy.objects.count() == 1


def test_placement_form_refuses_a_bad_crebo(organisation):
    client = verified_client(member(organisation, role=Role.HR_ADVISER))
    response = client.post(
        reverse("programmes:placement_create"),
        {
            "kind": "bbl",
            "team": "Servicedesk",
            "crebo_code": "1234",
            "available_from": "2026-03-01",
        },
    )
    assert response.status_code == 400 and "vijf cijfers" in response.content.decode()


def test_school_partners_and_tracks(organisation):
    hr = member(organisation, role=Role.HR_ADVISER)
    school = services.save_school(
        None, organisation=organisation, user=hr, data={"name": "ROC Rijnland"}
    )
    with pytest.raises(ValidationError):
        services.save_school(
            None, organisation=organisation, user=hr, data={"name": "roc rijnland"}
        )
    client = verified_client(hr)
    client.post(reverse("programmes:assignment_add", args=[school.pk]), {"title": "Dashboard"})
    assert school.assignments.get().status == AssignmentStatus.PROPOSED
    plan = make_plan(organisation)
    response = client.post(
        reverse("programmes:track_create"),
        {
            "plan": plan.pk,
            "starts_on": "2026-03-02",
            "language_hours_per_week": "4",
            "municipality": "Apeldoorn",
        },
    )
    assert response.status_code == 302
    assert "Apeldoorn" in client.get(reverse("programmes:tracks")).content.decode()
