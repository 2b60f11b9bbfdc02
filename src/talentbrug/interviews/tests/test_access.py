"""Interviewers see only the candidates assigned to them (the assignment rule for assessors)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.selection.tests.factories import application_in_pipeline

from ..constants import InterviewStatus
from .factories import application_for_interview, interview_for, staff_member

pytestmark = pytest.mark.django_db

APPLICATION_PAGES = ["selection:application", "selection:scorecard"]


@pytest.mark.parametrize("page", APPLICATION_PAGES)
def test_an_assessor_opening_an_unassigned_candidate_is_refused(organisation, page):
    application = application_for_interview(organisation)  # stage Gesprek, name revealed
    interview_for(organisation, application=application)  # someone else is the interviewer
    assessor = staff_member(organisation, Role.ASSESSOR)
    response = verified_client(assessor).get(reverse(page, kwargs={"pk": application.pk}))
    assert response.status_code == 404
    assert application.candidate.name not in response.content.decode()


@pytest.mark.parametrize("page", APPLICATION_PAGES)
def test_an_assigned_assessor_may_open_the_candidate(organisation, page):
    assessor = staff_member(organisation, Role.ASSESSOR)
    interview = interview_for(organisation, interviewers=[assessor])
    response = verified_client(assessor).get(reverse(page, kwargs={"pk": interview.application_id}))
    assert response.status_code == 200


def test_the_assigned_assessor_sees_the_name(organisation):
    assessor = staff_member(organisation, Role.ASSESSOR)
    interview = interview_for(organisation, interviewers=[assessor])
    url = reverse("selection:application", kwargs={"pk": interview.application_id})
    content = verified_client(assessor).get(url).content.decode()
    assert interview.application.candidate.name in content


def test_work_samples_stay_open_to_every_assessor_because_they_are_always_blind(organisation):
    application = application_for_interview(organisation)
    assessor = staff_member(organisation, Role.ASSESSOR)
    url = reverse("selection:work_sample", kwargs={"pk": application.pk})
    response = verified_client(assessor).get(url)
    assert response.status_code == 200
    assert application.candidate.name not in response.content.decode()


def test_a_cancelled_interview_ends_the_assignment(organisation):
    assessor = staff_member(organisation, Role.ASSESSOR)
    interview = interview_for(
        organisation, interviewers=[assessor], status=InterviewStatus.CANCELLED
    )
    url = reverse("selection:application", kwargs={"pk": interview.application_id})
    assert verified_client(assessor).get(url).status_code == 404


@pytest.mark.parametrize("role", [Role.HR_ADVISER, Role.HIRING_MANAGER])
def test_planners_see_every_candidate(organisation, role):
    application = application_for_interview(organisation)
    user = staff_member(organisation, role)
    url = reverse("selection:application", kwargs={"pk": application.pk})
    assert verified_client(user).get(url).status_code == 200


def test_an_assessor_who_is_also_manager_sees_everything(organisation):
    application = application_for_interview(organisation)
    user = staff_member(organisation, Role.ASSESSOR)
    from talentbrug.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=user, organisation=organisation, role=Role.HIRING_MANAGER)
    url = reverse("selection:application", kwargs={"pk": application.pk})
    assert verified_client(user).get(url).status_code == 200


def test_blind_review_stays_open_to_assessors_without_identity(organisation):
    progress = application_in_pipeline(organisation)  # stage Nieuw: blind
    assessor = staff_member(organisation, Role.ASSESSOR)
    url = reverse("selection:application", kwargs={"pk": progress.application_id})
    response = verified_client(assessor).get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert progress.pseudonym in content
    assert progress.application.candidate.name not in content
    assert progress.application.candidate.email not in content


@pytest.mark.parametrize("page", ["selection:board", "selection:list"])
def test_board_and_list_show_an_assessor_only_assigned_or_anonymous_candidates(organisation, page):
    assessor = staff_member(organisation, Role.ASSESSOR)
    mine = interview_for(organisation, interviewers=[assessor]).application
    vacancy = mine.vacancy
    not_mine = application_for_interview(organisation, vacancy=vacancy)
    anonymous = application_in_pipeline(organisation, vacancy=vacancy)
    url = reverse(page, kwargs={"pk": vacancy.pk})
    content = verified_client(assessor).get(url).content.decode()
    assert mine.candidate.name in content
    assert not_mine.candidate.name not in content
    assert anonymous.pseudonym in content
    hr = staff_member(organisation, Role.HR_ADVISER)
    assert not_mine.candidate.name in verified_client(hr).get(url).content.decode()


def test_interview_list_of_an_assessor_shows_only_their_interviews(organisation):
    assessor = staff_member(organisation, Role.ASSESSOR)
    mine = interview_for(organisation, interviewers=[assessor])
    other = interview_for(organisation)
    content = verified_client(assessor).get(reverse("interviews:index")).content.decode()
    assert mine.application.candidate.name in content
    assert other.application.candidate.name not in content
    hr = staff_member(organisation, Role.HR_ADVISER)
    content = verified_client(hr).get(reverse("interviews:index")).content.decode()
    assert mine.application.candidate.name in content
    assert other.application.candidate.name in content


def test_interview_list_hides_the_name_while_identity_is_hidden(organisation):
    application = application_for_interview(organisation, reveal=False)
    interview = interview_for(organisation, application=application)
    hr = staff_member(organisation, Role.HR_ADVISER)
    content = verified_client(hr).get(reverse("interviews:index")).content.decode()
    assert application.candidate.name not in content
    assert application.progress.pseudonym in content
    assert interview.pk
