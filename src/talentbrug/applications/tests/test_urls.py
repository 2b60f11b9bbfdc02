"""The CANDIDATE rows of url_cases.py: public pages with ids, the magic link and the portal."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.urls import reverse

from talentbrug.tests.authz import CANDIDATE

from .. import tokens
from ..models import Application, Candidate, Document, Education
from .factories import ApplicationFactory
from .helpers import portal_client
from .url_cases import URL_CASES

pytestmark = pytest.mark.django_db

CANDIDATE_CASES = [case for case in URL_CASES if case.kind == CANDIDATE]
PUBLIC_WITH_IDS = {
    "applications:apply",
    "applications:apply_route",
    "applications:done",
    "applications:confirm",
    "applications:assignment_attachment",
}
PORTAL_CASES = [
    c for c in CANDIDATE_CASES if c.name not in PUBLIC_WITH_IDS | {"applications:portal_login"}
]


def _owner(kwargs: dict) -> Candidate:
    if "document_pk" in kwargs:
        return Document.objects.get(pk=kwargs["document_pk"]).candidate
    return Candidate.objects.order_by("-pk").first()


def _call(client, case, kwargs):
    url = reverse(case.name, kwargs=kwargs or None)
    return getattr(client, case.method)(url, case.data)


@pytest.mark.parametrize(
    "case", [c for c in CANDIDATE_CASES if c.name in PUBLIC_WITH_IDS], ids=lambda c: c.name
)
def test_public_pages_with_ids_answer_anonymous(client, organisation, case):
    response = _call(client, case, case.make_kwargs(organisation))
    assert response.status_code in case.ok_status


@pytest.mark.parametrize("case", PORTAL_CASES, ids=lambda c: c.name)
def test_portal_without_link_goes_to_link_request(client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = _call(client, case, kwargs)
    assert response.status_code == 302
    assert response.url == reverse("applications:link_request")


@pytest.mark.parametrize("case", PORTAL_CASES, ids=lambda c: c.name)
def test_portal_pages_work_for_the_candidate(organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    owner = _owner(kwargs) if kwargs else ApplicationFactory().candidate
    response = _call(portal_client(owner), case, kwargs)
    assert response.status_code in case.ok_status, response.status_code


@pytest.mark.parametrize("case", [c for c in PORTAL_CASES if c.make_kwargs], ids=lambda c: c.name)
def test_portal_objects_of_another_candidate_give_404(organisation, case):
    kwargs = case.make_kwargs(organisation)
    stranger = ApplicationFactory().candidate
    response = _call(portal_client(stranger), case, kwargs)
    assert response.status_code == 404


def test_magic_link_logs_in_and_remembers_language(client):
    candidate = ApplicationFactory(candidate__preferred_language="ar").candidate
    response = client.post(
        reverse("applications:portal_login", args=[tokens.make_token(candidate)]),
        {"open_link": "1"},
    )
    assert response.status_code == 302 and response.url == reverse("applications:portal")
    assert response.cookies["django_language"].value == "ar"
    page = client.get(reverse("applications:portal"))
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()


def test_tampered_link_gives_a_friendly_403(client):
    candidate = ApplicationFactory().candidate
    token = tokens.make_token(candidate)
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    response = client.get(reverse("applications:portal_login", args=[tampered]))
    assert response.status_code == 403
    assert "Deze link werkt niet meer" in response.content.decode()
    assert "niet compleet" in response.content.decode()


def test_expired_link_gives_a_friendly_403(client, monkeypatch):
    candidate = ApplicationFactory().candidate
    token = tokens.make_token(candidate)
    later = time.time() + 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(reverse("applications:portal_login", args=[token]))
    assert response.status_code == 403
    assert "te oud" in response.content.decode()


def test_revoked_link_no_longer_works_and_ends_the_session(client):
    from ..services import portal as application_portal

    candidate = ApplicationFactory().candidate
    token = tokens.make_token(candidate)
    portal = portal_client(candidate)
    assert portal.get(reverse("applications:portal")).status_code == 200
    application_portal.revoke_links(candidate)
    assert client.get(reverse("applications:portal_login", args=[token])).status_code == 403
    assert portal.get(reverse("applications:portal")).status_code == 302


def test_link_of_a_merged_candidate_does_not_work(client):
    first = ApplicationFactory().candidate
    token = tokens.make_token(first)
    second = ApplicationFactory().candidate
    Candidate.objects.filter(pk=first.pk).update(merged_into=second)
    assert client.get(reverse("applications:portal_login", args=[token])).status_code == 403


def test_profile_remove_only_removes_own_rows():
    application = ApplicationFactory()
    education = Education.objects.create(candidate=application.candidate, programme="ICT")
    assert Application.objects.count() == 1
    client = portal_client(application.candidate)
    url = reverse("applications:portal_profile_remove", args=["onbekend", education.pk])
    assert client.post(url).status_code == 404
