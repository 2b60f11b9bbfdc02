"""Candidate search for staff (issue 18, 'Search and board'): name, e-mail, skill, vacancy;
tenant scoped; blind review kept (a name query never confirms a hidden person); read-only;
the search term never reaches a log line."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.conf.logredact import RedactTokens, redact
from talentbrug.selection.services import moves as selection_moves
from talentbrug.selection.services import pipeline
from talentbrug.selection.tests.factories import application_in_pipeline

from ..models import CandidateSkill
from .factories import ApplicationFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db

URL = reverse("applications:staff_search")
HR_ROLES = frozenset({Role.HR_ADVISER.value})


def _names(response):
    return [row.label for row in response.context["rows"]]


def _search(client, query, **extra):
    return client.get(URL, {"zoek": query, **extra})


@pytest.fixture
def hr_client(staff_client, organisation):
    return staff_client(organisation, Role.HR_ADVISER)


@pytest.fixture
def manager_client(staff_client, organisation):
    return staff_client(organisation, Role.HIRING_MANAGER)


def test_finds_by_name_email_skill_and_vacancy_title(hr_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Servicedeskmedewerker")
    samira = ApplicationFactory(
        vacancy=vacancy, candidate__name="Samira Haddad", candidate__email="samira@voorbeeld.nl"
    )
    other = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation, title="Netwerkbeheerder"),
        candidate__name="Yonas Tesfay",
        candidate__email="yonas@voorbeeld.nl",
    )
    CandidateSkill.objects.create(
        candidate=other.candidate, application=other, label="Linux-beheer", confirmed=False
    )
    assert _names(_search(hr_client, "haddad")) == ["Samira Haddad"]
    assert _names(_search(hr_client, "YONAS@voorbeeld")) == ["Yonas Tesfay"]
    assert _names(_search(hr_client, "linux")) == ["Yonas Tesfay"]
    assert _names(_search(hr_client, "servicedesk")) == ["Samira Haddad"]
    response = _search(hr_client, "servicedesk")
    assert response.context["rows"][0].why == ("vacancy",)
    assert response.context["rows"][0].application == samira
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "<title>Kandidaten zoeken: 1 resultaat" in page
    # Too short or empty: no search at all.
    assert _names(_search(hr_client, "s")) == []
    assert _names(hr_client.get(URL)) == []


def test_a_profile_skill_counts_but_a_skill_given_to_another_organisation_does_not(
    hr_client, organisation, other_organisation
):
    mine = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation),
        candidate__name="Eigen Kandidaat",
    )
    CandidateSkill.objects.create(candidate=mine.candidate, application=None, label="Python")
    elsewhere = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=other_organisation),
        candidate__name="Ander Persoon",
    )
    ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation), candidate=elsewhere.candidate
    )
    CandidateSkill.objects.create(
        candidate=elsewhere.candidate, application=elsewhere, label="Kubernetes"
    )
    assert _names(_search(hr_client, "python")) == ["Eigen Kandidaat"]
    assert _names(_search(hr_client, "kubernetes")) == []


def test_only_the_own_organisation_is_searched(hr_client, organisation, other_organisation):
    ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=other_organisation, title="Servicedesk"),
        candidate__name="Samira Elders",
    )
    assert _names(_search(hr_client, "samira")) == []
    assert _names(_search(hr_client, "servicedesk")) == []


def _blind(organisation, **kwargs):
    """An application in a blind stage (the pipeline's first blind one), identity hidden."""
    progress = application_in_pipeline(organisation, **kwargs)
    blind_stage = next(s for s in pipeline.stages_for(progress.vacancy) if s.is_blind)
    if progress.stage_id != blind_stage.pk:
        selection_moves.move_application(
            progress,
            blind_stage,
            progress.vacancy.created_by,
            HR_ROLES,
            progress.version,
            notify=False,
        )
        progress.refresh_from_db()
    assert progress.stage.is_blind and progress.identity_revealed_at is None
    return progress


def test_blind_review_a_name_query_does_not_find_a_hidden_person(
    manager_client, hr_client, organisation
):
    progress = _blind(
        organisation,
        candidate__name="Samira Haddad",
        candidate__email="samira@voorbeeld.nl",
    )
    title = progress.vacancy.title
    # The hiring manager may not see who it is: not by name, not by e-mail.
    for query in ("Samira", "haddad", "samira@voorbeeld.nl"):
        response = _search(manager_client, query)
        assert response.context["rows"] == []
        page = response.content.decode()
        # The same answer as for someone who never applied: nothing confirms the person.
        assert "0 sollicitaties gevonden" in page and progress.pseudonym not in page
    # Found by the vacancy, under the pseudonym, linked to selection's anonymous page.
    response = _search(manager_client, title)
    (row,) = response.context["rows"]
    assert row.blind and row.label == progress.pseudonym and row.email == ""
    assert row.why == ("vacancy",)
    page = response.content.decode()
    assert "Samira" not in page and "samira@" not in page
    assert reverse("selection:application", kwargs={"pk": progress.application_id}) in page
    # The HR adviser runs the procedure and keeps the named view (as on the vacancy's list).
    assert _names(_search(hr_client, "haddad")) == ["Samira Haddad"]


def test_a_skill_query_finds_a_hidden_person_under_the_pseudonym(manager_client, organisation):
    progress = _blind(organisation, candidate__name="Samira Haddad")
    CandidateSkill.objects.create(
        candidate=progress.application.candidate,
        application=progress.application,
        label="Samira-scripting",
    )
    # The skill label contains the name by chance: it matches as a skill, shown blind.
    response = _search(manager_client, "scripting")
    (row,) = response.context["rows"]
    assert row.label == progress.pseudonym and row.why == ("skill",)


def test_results_are_paginated_and_the_query_is_kept(hr_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Testanalist")
    ApplicationFactory.create_batch(30, vacancy=vacancy)
    response = _search(hr_client, "testanalist")
    assert len(response.context["rows"]) == 25
    assert "zoek=testanalist&amp;pagina=2" in response.content.decode()
    assert len(_search(hr_client, "testanalist", pagina=2).context["rows"]) == 5


def test_the_search_term_never_reaches_a_log_line():
    line = '"GET /medewerkers/sollicitaties/zoeken/?zoek=Samira+Haddad&pagina=2 HTTP/1.1" 200'
    assert "Samira" not in redact(line)
    assert "zoek=[zoekterm]&pagina=2" in redact(line)
    record = logging.LogRecord("django.server", logging.INFO, "", 0, "%s", (line,), None)
    RedactTokens().filter(record)
    assert "Haddad" not in record.getMessage()


def test_the_applications_list_offers_the_search_box(hr_client):
    page = hr_client.get(reverse("applications:staff_list")).content.decode()
    assert f'action="{URL}"' in page and 'role="search"' in page


def test_a_search_is_audited_with_counts_and_never_the_query(hr_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Servicedeskmedewerker")
    ApplicationFactory(
        vacancy=vacancy, candidate__name="Samira Haddad", candidate__email="samira@voorbeeld.nl"
    )
    _search(hr_client, "Haddad")
    _search(hr_client, "a")  # too short: nothing searched, nothing logged
    events = list(AuditEvent.objects.filter(event_type="applications.searched"))
    assert len(events) == 1
    event = events[0]
    assert event.organisation_id == organisation.pk
    assert event.data["results"] == 1 and event.data["named"] == 1
    written = " ".join(str(getattr(event, f.attname)) for f in AuditEvent._meta.concrete_fields)
    for secret in ("haddad", "samira", "voorbeeld"):
        assert secret not in written.lower()
