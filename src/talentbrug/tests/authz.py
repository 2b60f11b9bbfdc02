"""Building blocks of the authorisation table. Each app lists its URLs in tests/url_cases.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"  # anyone, no login
LOGIN = "login"  # any logged-in person (account pages)
STAFF = "staff"  # roles decided by the permission table (talentbrug.accounts.access.PERMISSIONS)
CANDIDATE = "candidate"  # personal candidate links (token in the URL); tested in the app itself


@dataclass(frozen=True)
class UrlCase:
    """One named URL and who may use it.

    ``make_kwargs(organisation)`` creates an object of that organisation and returns the URL
    kwargs; the table test then also asserts 404 for a user of another organisation.
    """

    name: str
    kind: str
    action: str | None = None
    method: str = "get"
    make_kwargs: Callable[[Any], dict[str, Any]] | None = None
    ok_status: tuple[int, ...] = (200,)
    data: dict[str, Any] = field(default_factory=dict)
    # Roles that see an object only when it is assigned to them (a hiring manager sees the
    # onboarding plans they manage): for them an unassigned object answers 404.
    assigned_only: frozenset[str] = frozenset()
