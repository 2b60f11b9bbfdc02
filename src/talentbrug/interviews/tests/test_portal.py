"""The candidate chooses a time in the portal; the portal pages are the candidate's own only."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from talentbrug.applications.tests.helpers import portal_client
from talentbrug.tests.authz import CANDIDATE

from ..constants import InterviewStatus
from .factories import application_for_interview, interview_for, staff_member
from .url_cases import URL_CASES

pytestmark = pytest.mark.django_db

CANDIDATE_CASES = [case for case in URL_CASES if case.kind == CANDIDATE]


def _call(client, case, kwargs):
    return getattr(client, case.method)(reverse(case.name, kwargs=kwargs), case.data)


@pytest.mark.parametrize("case", CANDIDATE_CASES, ids=lambda c: c.name)
def test_portal_without_link_goes_to_link_request(client, organisation, case):
    response = _call(client, case, case.make_kwargs(organisation))
    assert response.status_code == 302
    assert response.url == reverse("applications:link_request")


@pytest.mark.parametrize("case", CANDIDATE_CASES, ids=lambda c: c.name)
def test_portal_pages_work_for_the_candidate(organisation, case):
    from ..models import Interview

    kwargs = case.make_kwargs(organisation)
    owner = Interview.objects.get(pk=kwargs["pk"]).application.candidate
    response = _call(portal_client(owner), case, kwargs)
    assert response.status_code in case.ok_status


@pytest.mark.parametrize("case", CANDIDATE_CASES, ids=lambda c: c.name)
def test_another_candidate_gets_404(organisation, case):
    kwargs = case.make_kwargs(organisation)
    stranger = application_for_interview(organisation).candidate
    assert _call(portal_client(stranger), case, kwargs).status_code == 404


def test_candidate_chooses_a_time(organisation, django_capture_on_commit_callbacks):
    interview = interview_for(organisation)
    slot = interview.slots.first()
    client = portal_client(interview.application.candidate)
    url = reverse("interviews:portal_interview", kwargs={"pk": interview.pk})
    page = client.get(url).content.decode()
    assert 'type="radio"' in page and interview.location.split(",")[0] in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"slot": slot.pk})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.PLANNED and interview.chosen_slot == slot
    assert len(mail.outbox) == 2
    page = client.get(url).content.decode()
    assert reverse("interviews:portal_ics", kwargs={"pk": interview.pk}) in page
    ics = client.get(reverse("interviews:portal_ics", kwargs={"pk": interview.pk}))
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content


def test_a_taken_time_gives_a_clear_message_and_changes_nothing(organisation):
    interviewer = staff_member(organisation)
    first = interview_for(organisation, interviewers=[interviewer])
    second = interview_for(
        organisation,
        interviewers=[interviewer],
        starts=[first.slots.first().starts_at],
    )
    url = reverse("interviews:portal_interview", kwargs={"pk": second.pk})
    client = portal_client(second.application.candidate)
    slot = second.slots.get()
    # The second candidate's page was loaded while the time was still free ...
    from .. import services

    services.choose_slot(first, first.slots.first().pk, first.application.candidate)
    # ... and posting that time now is refused.
    response = client.post(url, {"slot": slot.pk})
    assert response.status_code == 400
    assert "Kies een andere tijd" in response.content.decode() or "geen tijd meer vrij" in (
        response.content.decode()
    )
    second.refresh_from_db()
    assert second.status == InterviewStatus.PROPOSED


def test_portal_application_page_links_to_the_interview(organisation):
    interview = interview_for(organisation)
    client = portal_client(interview.application.candidate)
    page = client.get(
        reverse("applications:portal_application", kwargs={"pk": interview.application_id})
    ).content.decode()
    assert reverse("interviews:portal_interview", kwargs={"pk": interview.pk}) in page


def test_ics_of_an_unplanned_interview_is_404(organisation):
    interview = interview_for(organisation)
    client = portal_client(interview.application.candidate)
    response = client.get(reverse("interviews:portal_ics", kwargs={"pk": interview.pk}))
    assert response.status_code == 404
