"""The staff agenda: who sees which items, organisation isolation, pseudonyms, ``vanaf``, the
calendar download and a constant number of queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.middleware import SESSION_KEY
from talentbrug.accounts.tests.factories import MembershipFactory
from talentbrug.assessments.tests.factories import day_with_session
from talentbrug.conftest import verified_client
from talentbrug.selection.tests.factories import vacancy_with_requirements

from .. import agenda
from ..constants import InterviewStatus
from .factories import application_for_interview, interview_for, soon, staff_member

pytestmark = pytest.mark.django_db

AGENDA = reverse("interviews:agenda")
ICS = reverse("interviews:agenda_ics")


def _client(user, organisation=None):
    client = verified_client(user)
    if organisation is not None:
        session = client.session
        session[SESSION_KEY] = organisation.pk
        session.save()
    return client


def _planned(organisation, interviewers, hours=48, **kwargs):
    return interview_for(
        organisation,
        interviewers=interviewers,
        starts=[soon(hours)],
        status=InterviewStatus.PLANNED,
        **kwargs,
    )


def _session(organisation, observers, title="Groepsdag servicedesk"):
    day, session = day_with_session(organisation, observers=observers)
    day.title = title
    day.save()
    return day, session


@pytest.fixture
def scene(organisation):
    """Two interviews and two group days: one of each with Maaike (manager), Arjen (assessor)."""
    maaike = staff_member(organisation, Role.HIRING_MANAGER, first_name="Maaike", last_name="Bos")
    arjen = staff_member(organisation, Role.ASSESSOR, first_name="Arjen", last_name="Smit")
    other = staff_member(organisation, Role.ASSESSOR, first_name="Olga", last_name="Visser")
    mine = _planned(organisation, [maaike])
    theirs = _planned(organisation, [arjen], hours=50)
    _session(organisation, [maaike], title="Groepsdag van Maaike")
    _session(organisation, [arjen, other], title="Groepsdag van Arjen")
    return {"maaike": maaike, "arjen": arjen, "mine": mine, "theirs": theirs}


def _names(interview):
    return interview.application.candidate.name


def test_hr_sees_every_item_of_the_organisation(organisation, scene):
    hr = staff_member(organisation, Role.HR_ADVISER)
    content = _client(hr).get(AGENDA).content.decode()
    assert _names(scene["mine"]) in content and _names(scene["theirs"]) in content
    assert "Groepsdag van Maaike" in content and "Groepsdag van Arjen" in content
    assert "Maaike Bos" in content and "Olga Visser" in content  # interviewers and observers
    assert "0 van 8 geboekt" in content
    assert "Turfmarkt 147" in content


@pytest.mark.parametrize(
    "who,own,foreign",
    [("maaike", "mine", "theirs"), ("arjen", "theirs", "mine")],
)
def test_manager_and_assessor_see_only_what_they_take_part_in(scene, who, own, foreign):
    response = _client(scene[who]).get(AGENDA)
    assert response.status_code == 200
    content = response.content.decode()
    assert _names(scene[own]) in content
    assert _names(scene[foreign]) not in content
    day_title = "Groepsdag van Maaike" if who == "maaike" else "Groepsdag van Arjen"
    other_title = "Groepsdag van Arjen" if who == "maaike" else "Groepsdag van Maaike"
    assert day_title in content and other_title not in content


@pytest.mark.parametrize(
    "role", [Role.ORG_ADMIN, Role.RECORDS_MANAGER, Role.ONBOARDING_COORDINATOR]
)
def test_other_roles_are_refused(organisation, role):
    user = staff_member(organisation, role)
    assert _client(user).get(AGENDA).status_code == 403
    assert _client(user).get(ICS).status_code == 403


def test_proposed_and_cancelled_interviews_are_not_in_the_agenda(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    proposed = interview_for(organisation, interviewers=[hr])
    cancelled = _planned(organisation, [hr])
    cancelled.status = InterviewStatus.CANCELLED
    cancelled.save()
    content = _client(hr).get(AGENDA).content.decode()
    assert _names(proposed) not in content and _names(cancelled) not in content


def test_another_organisations_items_never_appear(organisation, other_organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    MembershipFactory(user=hr, organisation=other_organisation, role=Role.HR_ADVISER)
    elsewhere = _planned(other_organisation, [hr])
    _session(other_organisation, [hr], title="Groepsdag bij Logius")
    here = _planned(organisation, [hr])
    client = _client(hr, organisation)
    content = client.get(AGENDA).content.decode()
    assert _names(here) in content
    assert _names(elsewhere) not in content and "Groepsdag bij Logius" not in content
    calendar = client.get(ICS).content.decode()
    assert f"UID:interview-{here.pk}@" in calendar
    assert f"UID:interview-{elsewhere.pk}@" not in calendar
    assert "Logius" not in calendar


def test_the_candidate_is_a_pseudonym_while_selection_hides_the_identity(organisation):
    assessor = staff_member(organisation, Role.ASSESSOR)
    application = application_for_interview(organisation, reveal=False)
    _planned(organisation, [assessor], application=application)
    for user in (assessor, staff_member(organisation, Role.HR_ADVISER)):
        client = _client(user)
        content = client.get(AGENDA).content.decode()
        assert application.progress.pseudonym in content
        assert application.candidate.name not in content
    calendar = _client(assessor).get(ICS).content.decode()
    assert application.progress.pseudonym in calendar
    assert application.candidate.name not in calendar


def test_a_revealed_candidate_is_shown_by_name(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    interview = _planned(organisation, [hr])
    content = _client(hr).get(AGENDA).content.decode()
    assert interview.application.candidate.name in content
    assert interview.application.progress.pseudonym not in content


def test_a_video_link_is_said_in_plain_words(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    interview = _planned(organisation, [hr])
    interview.location = "Videogesprek via https://video.example.nl/kamer-12."
    interview.save()
    content = _client(hr).get(AGENDA).content.decode()
    assert "Videogesprek." in content
    assert 'href="https://video.example.nl/kamer-12"' in content


@pytest.mark.parametrize(
    "value",
    ["morgen", "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "", "x" * 500, "2026"],
)
def test_a_bad_vanaf_is_ignored_and_reported(organisation, value):
    hr = staff_member(organisation, Role.HR_ADVISER)
    interview = _planned(organisation, [hr])
    response = _client(hr).get(AGENDA, {"vanaf": value})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="alert"' in content and "utrecht-form-field--invalid" in content
    assert interview.application.candidate.name in content  # the agenda from today


def test_vanaf_moves_the_four_weeks(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    later = _planned(organisation, [hr], hours=24 * 40)
    client = _client(hr)
    assert later.application.candidate.name not in client.get(AGENDA).content.decode()
    start = (timezone.localdate() + timedelta(days=28)).isoformat()
    response = client.get(AGENDA, {"vanaf": start})
    content = response.content.decode()
    assert later.application.candidate.name in content
    assert 'role="alert"' not in content
    assert "Eerdere weken" in content and "Volgende weken" in content


def test_days_follow_the_local_date(organisation):
    first, last = agenda.window(timezone.localdate())
    assert timezone.localtime(first).hour == 0
    assert (last - first) >= timedelta(days=27, hours=23)


def test_the_calendar_download_has_the_users_own_items(organisation, scene):
    response = _client(scene["maaike"]).get(ICS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mijn-agenda.ics"'
    assert response["X-Content-Type-Options"] == "nosniff"
    content = response.content.decode()
    assert content.startswith("BEGIN:VCALENDAR\r\n") and content.endswith("END:VCALENDAR\r\n")
    assert "METHOD:PUBLISH" in content
    assert content.count("BEGIN:VEVENT") == 2
    assert f"UID:interview-{scene['mine'].pk}@" in content
    assert f"UID:interview-{scene['theirs'].pk}@" not in content
    assert "Waarnemer op groepsdag: Groepsdag van Maaike" in content
    assert "Groepsdag van Arjen" not in content
    assert all(len(line.encode()) <= 75 for line in content.split("\r\n"))


def test_hr_downloads_only_their_own_items(organisation, scene):
    hr = staff_member(organisation, Role.HR_ADVISER)
    content = _client(hr).get(ICS).content.decode()
    assert "BEGIN:VEVENT" not in content
    assert content.startswith("BEGIN:VCALENDAR")


def test_the_staff_menu_links_the_agenda(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    content = _client(hr).get(reverse("interviews:index")).content.decode()
    assert f'href="{AGENDA}"' in content


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_items(organisation):
    hr = staff_member(organisation, Role.HR_ADVISER)
    interviewer = staff_member(organisation, Role.ASSESSOR)
    hidden = application_for_interview(organisation, reveal=False)
    _planned(organisation, [hr, interviewer], application=hidden)
    _session(organisation, [hr])
    client = _client(hr)
    client.get(AGENDA)  # first request: session and caches warm
    few_page, few_ics = _count(client, AGENDA), _count(client, ICS)
    vacancy = vacancy_with_requirements(organisation)
    for hours in range(50, 58):
        _planned(organisation, [hr, interviewer], hours=hours)
        _planned(
            organisation,
            [hr],
            hours=hours + 100,
            application=application_for_interview(organisation, reveal=False),
        )
        day_with_session(organisation, vacancy=vacancy, observers=[hr])
    assert _count(client, AGENDA) <= few_page
    assert _count(client, ICS) <= few_ics
