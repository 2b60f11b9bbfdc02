"""The shared parts of the base layer: registries, the typed staff request, form errors,
candidate_required and the panel tag. (Upload checks, parsing and virus scanning are tested
through their upload paths in privacy/tests and applications/tests.)"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from talentbrug.core import panels, periodic
from talentbrug.core.figures import MIN_CELL
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.core.http import acting_role, moved_page, organisation_of, roles_of
from talentbrug.core.portal import candidate_required


def _request(**attrs):
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    for key, value in attrs.items():
        setattr(request, key, value)
    return request


def test_periodic_registry_refuses_a_second_job_under_the_same_name():
    def job() -> int:
        return 1

    periodic.register("core.test_job", job)
    try:
        periodic.register("core.test_job", job)  # the same job again is fine
        with pytest.raises(ValueError, match="registered twice"):
            periodic.register("core.test_job", lambda: 2)
        assert periodic.run_all(["core.test_job"]) == {"core.test_job": 1}
    finally:
        periodic.PERIODIC_JOBS.pop("core.test_job")


def test_every_app_registers_its_periodic_jobs_with_core():
    names = set(periodic.PERIODIC_JOBS)
    assert {
        "publishing.close_expired_vacancies",
        "privacy.purge_expired",
        "records.destroy_due_lists",
        "interviews.send_reminders",
        "assessments.send_reminders",
        "onboarding.send_reminders",
    } <= names


def test_staff_request_preambles_read_the_middleware_attributes():
    organisation = SimpleNamespace(pk=7)
    request = _request(organisation=organisation, roles=frozenset({"hr_adviser"}))
    assert organisation_of(request) is organisation
    assert roles_of(request) == frozenset({"hr_adviser"})
    assert roles_of(_request()) == frozenset()


def test_acting_role_is_a_role_that_allows_the_action():
    from talentbrug.accounts.access import PERMISSIONS

    allowed = sorted(PERMISSIONS["audit.view"])
    request = _request(roles=frozenset({allowed[-1], "no_such_role"}))
    assert acting_role(request, "audit.view") == allowed[-1]
    assert acting_role(_request(roles=frozenset({"no_such_role"})), "audit.view") == ""


def test_show_errors_joins_or_shows_each_message():
    exc = ValidationError(["Eerste fout.", "Tweede fout."])
    assert error_messages(exc) == ["Eerste fout.", "Tweede fout."]
    joined = _request()
    show_errors(joined, exc)
    assert [m.message for m in get_messages(joined)] == ["Eerste fout. Tweede fout."]
    each = _request()
    show_errors(each, exc, each=True)
    assert [m.message for m in get_messages(each)] == ["Eerste fout.", "Tweede fout."]


@pytest.mark.django_db
def test_candidate_required_asks_for_a_new_link_without_a_portal_session():
    @candidate_required
    def view(request):
        return HttpResponse(f"candidate {request.candidate.pk}")

    request = _request()
    response = view(request)
    assert response.status_code == 302
    assert response.url == reverse("applications:link_request")
    assert "nieuwe link" in next(m.message for m in get_messages(request))


def test_moved_page_sends_a_logged_in_reader_on_with_the_arguments_as_query():
    view = moved_page("insights:selection", vacature="pk")
    request = _request(user=SimpleNamespace(is_authenticated=True))
    response = view(request, pk=12)
    assert response.url == f"{reverse('insights:selection')}?vacature=12"


def test_panels_render_in_order_with_the_page_context(tmp_path, settings):
    (tmp_path / "a.html").write_text("[A {{ name }}]")
    (tmp_path / "b.html").write_text("[B {{ name }}]")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    ]
    panels.register_panel("core.test", "b.html", order=200)
    panels.register_panel("core.test", "a.html", order=100)
    panels.register_panel("core.test", "a.html", order=100)  # twice: still once
    try:
        html = Template('{% load panels %}<{% panels "core.test" %}>').render(
            Context({"name": "x"})
        )
        assert html == "<[A x][B x]>"
        assert Template('{% load panels %}{% panels "core.none" %}').render(Context()) == ""
    finally:
        panels.PANELS.pop("core.test")


def test_the_small_number_rule_is_five():
    from talentbrug.insights.constants import MIN_CELL as insights_min_cell

    assert MIN_CELL == 5 and insights_min_cell is MIN_CELL


@pytest.mark.django_db
def test_organisation_owned_models_are_read_per_organisation(organisation, other_organisation):
    from talentbrug.records.models import Collection
    from talentbrug.records.tests.factories import CollectionFactory

    ours = CollectionFactory(organisation=organisation)
    CollectionFactory(organisation=other_organisation)
    assert list(Collection.objects.for_organisation(organisation)) == [ours]
    assert list(Collection.objects.for_organisation(None)) == []
