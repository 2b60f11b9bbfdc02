"""Shared fixtures: organisations, staff with roles, and clients logged in with a second factor.

Imports of Django code happen inside the fixtures so the pure libraries (textcheck, matching,
redaction, docanalysis) can also be tested without Django (``-p no:django``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# CI runs on a loaded two-core machine: a property test must fail on a wrong answer, never on
# the clock (hypothesis' per-example deadline and its "too slow" health check measure time).
settings.register_profile("talentbrug", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("talentbrug")

# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser
# tests happen outside it, so this is safe for the test process only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def organisation(db: None) -> Any:
    from talentbrug.accounts.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Dienst ICT Uitvoering", short_name="DICTU", slug="dictu")


@pytest.fixture
def other_organisation(db: None) -> Any:
    from talentbrug.accounts.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Logius", short_name="Logius", slug="logius")


def verified_client(user: Any) -> Any:
    """A test client logged in as ``user`` with a confirmed TOTP device verified in the session."""
    from django.test import Client

    from talentbrug.accounts.tests.factories import confirmed_totp

    device = confirmed_totp(user)
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def make_staff(db: None) -> Callable[..., Any]:
    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.tests.factories import MembershipFactory, UserFactory

    def make(organisation: Any, *roles: str, **kwargs: object) -> Any:
        user = UserFactory(**kwargs)
        for role in roles or (Role.HR_ADVISER,):
            MembershipFactory(user=user, organisation=organisation, role=role)
        return user

    return make


@pytest.fixture
def staff_client(make_staff: Callable[..., Any]) -> Callable[..., Any]:
    def make(organisation: Any, *roles: str) -> Any:
        return verified_client(make_staff(organisation, *roles))

    return make


@pytest.fixture(autouse=True)
def _dutch_by_default() -> Any:
    """Every test starts in Dutch; a request in another language must not leak into the next."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.utils import translation

    try:
        language = settings.LANGUAGE_CODE
    except ImproperlyConfigured:  # pure-library runs (-p no:django) have no settings
        yield
        return
    translation.activate(language)
    yield
    translation.activate(language)


class PersonClient:
    """A test client with a person behind it: a mailed single-use link shows a page with one
    button (a mail scanner's GET uses nothing, see ``accounts.magiclinks``); the person presses
    it, and the client returns the page the button leads to. Tests of the confirm page itself
    use a plain ``Client``."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from django.test import Client

        class _PersonClient(Client):
            def get(self, path: str, data: Any = None, *rest: Any, **extra: Any) -> Any:
                response = super().get(path, data, *rest, **extra)
                if (
                    response.status_code == 200
                    and not data
                    and b'name="open_link"' in getattr(response, "content", b"")
                ):
                    response = self.post(path, {"open_link": "1"}, follow=True, **extra)
                return response

        return _PersonClient(*args, **kwargs)


@pytest.fixture
def person_client() -> Any:
    return PersonClient()
