"""Walk every URL as anonymous, as a user of another organisation and as each role.

Every named URL of Talentbrug has one ``UrlCase`` in ``URL_CASES`` of its app's
``<app>/tests/url_cases.py`` (the one way to register a URL: docs/architecture.md, "a page");
URL_TABLE collects them, and a new URL without an entry fails
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

from .authz import (
    ACTIVE_CONTENT_TYPES,
    FILE_DOWNLOADS,
    INLINE_OK,
    INTERNAL,
    ISOLATION,
    LOGIN,
    PUBLIC,
    SCOPED,
    STAFF,
    URL,
    VIA,
    UrlCase,
)


def _collect_cases() -> dict[str, UrlCase]:
    """Every app's ``tests/url_cases.py`` (URL_CASES)."""
    cases: list[UrlCase] = []
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
        for label, entry in getattr(module, "ISOLATION", {}).items():
            ISOLATION.setdefault(label, entry)
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
    assert not missing, (
        f"Add a UrlCase to URL_CASES in <app>/tests/url_cases.py for: {sorted(missing)}"
    )
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
    _assert_safe_if_file(case, response)
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
    # An object id in the URL (the programme team's archive): anonymous never reaches it.
    response = _request(client, case, case.make_kwargs(None) if case.make_kwargs else {})
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.django_db
def test_admin_needs_a_staff_account(client, staff_client, organisation):
    assert client.get("/beheer/").status_code == 302
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.get("/beheer/")
    assert response.status_code == 302 and "login" in response.url


# --------------------------------------------------------------------------- isolation table


def _is_file(response: Any) -> bool:
    content_type = response.get("Content-Type", "")
    if response.status_code != 200:
        return False
    return bool(response.get("Content-Disposition")) or not content_type.startswith(
        ("text/html", "application/json")
    )


def _assert_safe_if_file(case: UrlCase, response: Any) -> None:
    """A file answer must be listed and safe: inert type, attachment, nosniff."""
    if not _is_file(response):
        return
    assert case.name in FILE_DOWNLOADS, f"{case.name} sends a file: add it to FILE_DOWNLOADS"
    content_type = response.get("Content-Type", "").lower()
    assert content_type, case.name
    assert not any(active in content_type for active in ACTIVE_CONTENT_TYPES), (
        case.name,
        content_type,
    )
    assert response.get("X-Content-Type-Options") == "nosniff", case.name
    if case.name not in INLINE_OK:
        disposition = response.get("Content-Disposition", "")
        assert disposition.startswith("attachment"), (case.name, disposition)


def _organisation_path(model: type) -> list[str] | None:
    """The shortest chain of forward foreign keys from ``model`` to accounts.Organisation."""
    from django.db import models

    from talentbrug.accounts.models import Organisation

    best: list[str] | None = None
    frontier: list[tuple[type, list[str]]] = [(model, [])]
    for _depth in range(4):
        following = []
        for current, path in frontier:
            for fld in current._meta.concrete_fields:
                if not isinstance(fld, models.ForeignKey):
                    continue
                if fld.related_model is Organisation:
                    return [*path, fld.name]
                following.append((fld.related_model, [*path, fld.name]))
        frontier = following
    return best


def organisation_models() -> dict[str, list[str]]:
    """Every Talentbrug model holding organisation data, with its path to the organisation."""
    found = {}
    for model in apps.get_models():
        label = model._meta.label
        if not model.__module__.startswith("talentbrug.") or label == "accounts.Organisation":
            continue
        path = _organisation_path(model)
        if path is not None:
            found[label] = path
    return found


ORGANISATION_MODELS = organisation_models()


def test_every_organisation_model_has_an_isolation_case():
    missing = sorted(set(ORGANISATION_MODELS) - set(ISOLATION))
    assert not missing, (
        "These models hold organisation data but have no isolation case; add them to "
        f"ISOLATION in talentbrug/tests/authz.py (or the app's url_cases.py): {missing}"
    )
    stale = sorted(label for label in ISOLATION if label not in ORGANISATION_MODELS)
    assert not stale, f"Remove these from ISOLATION (no such organisation model): {stale}"


def test_isolation_entries_are_well_formed():
    for label, (kind, target) in ISOLATION.items():
        if kind in (URL, SCOPED):
            assert target in URL_TABLE, (label, target)
            case = URL_TABLE[target]
            assert case.kind == STAFF, (label, target)
            if kind == URL:
                assert case.make_kwargs, (label, target, "needs make_kwargs for the 404 test")
            else:
                assert not case.make_kwargs, (label, target, "a scoped page has no object id")
        elif kind == VIA:
            assert ISOLATION.get(target, ("",))[0] in (URL, VIA), (label, target)
            parent = apps.get_model(target)
            model = apps.get_model(label)
            related = {
                f.related_model
                for f in model._meta.concrete_fields
                if getattr(f, "related_model", None) is not None
            }
            assert parent in related, f"{label} has no foreign key to {target}"
        else:
            assert kind == INTERNAL and target.strip(), label


URL_ISOLATION = sorted(
    (label, target) for label, (kind, target) in ISOLATION.items() if kind == URL
)


@pytest.mark.django_db
@pytest.mark.parametrize("label,name", URL_ISOLATION, ids=[f"{m}@{n}" for m, n in URL_ISOLATION])
def test_object_of_another_organisation_is_404(
    staff_client, organisation, other_organisation, label, name
):
    """For each object type: B's object, requested by A's user with every role, is a 404."""
    model = apps.get_model(label)
    case = URL_TABLE[name]
    kwargs = case.make_kwargs(other_organisation)
    path = "__".join(ORGANISATION_MODELS[label])
    owned = [
        value
        for value in kwargs.values()
        if isinstance(value, int)
        and model._default_manager.filter(pk=value, **{path: other_organisation}).exists()
    ]
    assert owned, f"{name}: make_kwargs gives no {label} of the other organisation ({kwargs})"
    client = staff_client(organisation, *Role.values)
    response = _request(client, case, kwargs)
    assert response.status_code == 404, (label, name, response.status_code)


FILE_CASES = sorted(name for name in FILE_DOWNLOADS if name in URL_TABLE)
MAY_REDIRECT = {"records:export_mdto"}  # no kept documents in the table's collection


def test_file_downloads_are_in_the_table():
    assert set(FILE_DOWNLOADS) <= set(URL_TABLE), set(FILE_DOWNLOADS) - set(URL_TABLE)


@pytest.mark.django_db
@pytest.mark.parametrize("name", FILE_CASES)
def test_file_download_headers_and_isolation(staff_client, organisation, other_organisation, name):
    """Every file-serving view: B's file is 404 for A; A's own file comes with safe headers."""
    case = URL_TABLE[name]
    client = staff_client(organisation, *Role.values)
    if case.make_kwargs:
        assert _request(client, case, case.make_kwargs(other_organisation)).status_code == 404
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = _request(client, case, kwargs)
    if response.status_code == 302 and name in MAY_REDIRECT:
        return  # an export with nothing to export yet
    assert response.status_code == 200, (name, response.status_code)
    assert _is_file(response), (name, response.get("Content-Type"))
    _assert_safe_if_file(case, response)


@pytest.mark.django_db
def test_an_uploaded_html_file_is_never_served_as_html(
    staff_client, organisation, tmp_path, settings
):
    """A records document called evil.html with a script comes back inert, as an attachment."""
    from talentbrug.records.tests.factories import DocumentFactory, with_file

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    document = with_file(
        DocumentFactory(
            collection__organisation=organisation, path="Werving/evil.html", name="evil.html"
        ),
        b"<html><script>alert(1)</script></html>",
    )
    client = staff_client(organisation, Role.RECORDS_MANAGER)
    response = client.get(reverse("records:document_download", kwargs={"pk": document.pk}))
    assert response.status_code == 200
    _assert_safe_if_file(URL_TABLE["records:document_download"], response)
