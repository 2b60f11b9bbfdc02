"""Walk every URL as anonymous, as a user of another organisation and as each role.

Every named URL of Talentbrug must be in URL_TABLE; a new URL without an entry fails
``test_every_url_is_in_the_table``. Object URLs get an object of the user's organisation
(expect the role's answer) and one of another organisation (expect 404).
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.accounts.constants import Role

from .authz import LOGIN, PUBLIC, STAFF, UrlCase

SHELL_CASES = [
    UrlCase("pages:landing", PUBLIC),
    UrlCase("pages:accessibility", PUBLIC),
    UrlCase("pages:privacy", PUBLIC),
    UrlCase("pages:health", PUBLIC),
    UrlCase("set_language", PUBLIC, method="post", ok_status=(302,), data={"language": "en"}),
    UrlCase("accounts:login", PUBLIC),
    UrlCase("accounts:logout", PUBLIC, method="post", ok_status=(302,)),
    UrlCase("accounts:two_factor", LOGIN, ok_status=(302,)),
    UrlCase("accounts:setup", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:verify", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:switch_organisation", LOGIN, method="post", ok_status=(302,)),
    UrlCase("pages:home", STAFF, "home.view"),
    UrlCase("audit:list", STAFF, "audit.view"),
    UrlCase("accounts:members", STAFF, "organisation.view_members"),
]


def _collect_cases() -> dict[str, UrlCase]:
    """The shell's cases plus every app's ``tests/url_cases.py`` (URL_CASES)."""
    cases = list(SHELL_CASES)
    for config in apps.get_app_configs():
        if not config.name.startswith("talentbrug."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.url_cases")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests.url_cases", f"{config.name}.tests"):
                raise
            continue
        cases.extend(module.URL_CASES)
    table: dict[str, UrlCase] = {}
    for case in cases:
        assert case.name not in table, f"{case.name} is listed twice"
        table[case.name] = case
    return table


URL_TABLE = _collect_cases()

# Namespaces with their own, separately tested access rules.
EXCLUDED_NAMESPACES = {"admin"}


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                namespace = pattern.namespace
                if namespace in EXCLUDED_NAMESPACES:
                    continue
                walk(pattern.url_patterns, f"{prefix}{namespace}:" if namespace else prefix)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(prefix + pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


def test_every_url_is_in_the_table():
    missing = all_url_names() - set(URL_TABLE)
    assert not missing, f"Add these URLs to URL_TABLE in {__file__}: {sorted(missing)}"
    stale = set(URL_TABLE) - all_url_names()
    assert not stale, f"Remove these names from URL_TABLE: {sorted(stale)}"


def test_every_staff_case_uses_a_known_action():
    for case in URL_TABLE.values():
        if case.kind == STAFF:
            assert case.action in PERMISSIONS, case.name


def _request(client, case: UrlCase, kwargs: dict[str, Any]):
    url = reverse(case.name, kwargs=kwargs or None)
    return getattr(client, case.method)(url, case.data)


STAFF_CASES = [case for case in URL_TABLE.values() if case.kind == STAFF]


@pytest.mark.django_db
@pytest.mark.parametrize("case", STAFF_CASES, ids=lambda c: c.name)
def test_anonymous_is_sent_to_login(client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = _request(client, case, kwargs)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("case", STAFF_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("role", Role.values)
def test_each_role_gets_what_the_table_says(staff_client, organisation, case, role):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = _request(staff_client(organisation, role), case, kwargs)
    if role in PERMISSIONS[case.action] and role in case.assigned_only:
        assert response.status_code == 404, (case.name, role, response.status_code)
    elif role in PERMISSIONS[case.action]:
        assert response.status_code in case.ok_status, (case.name, role, response.status_code)
    else:
        assert response.status_code == 403, (case.name, role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("case", [c for c in STAFF_CASES if c.make_kwargs], ids=lambda c: c.name)
def test_user_of_another_organisation_gets_404(
    staff_client, organisation, other_organisation, case
):
    kwargs = case.make_kwargs(other_organisation)
    client = staff_client(organisation, *Role.values)
    response = _request(client, case, kwargs)
    assert response.status_code == 404, (case.name, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", [c for c in URL_TABLE.values() if c.kind == PUBLIC], ids=lambda c: c.name
)
def test_public_urls_answer_anonymous(client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = _request(client, case, kwargs)
    assert response.status_code in case.ok_status


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", [c for c in URL_TABLE.values() if c.kind == LOGIN], ids=lambda c: c.name
)
def test_login_urls_send_anonymous_to_login(client, case):
    response = _request(client, case, {})
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
def test_admin_needs_a_staff_account(client, staff_client, organisation):
    assert client.get("/beheer/").status_code == 302
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.get("/beheer/")
    assert response.status_code == 302 and "login" in response.url
