"""The typed staff request and the two preambles every staff view needs.

``OrganisationMiddleware`` (accounts) puts the active tenant and the user's roles there on
every request. Django's ``HttpRequest`` does not know these attributes, so views wrote
``request.organisation  # type: ignore[attr-defined]`` and copied ``_org``/``_roles`` helpers.
Use :class:`StaffRequest` as the annotation of a staff view (behind ``staff_required`` both are
set) and :func:`organisation_of` / :func:`roles_of` where a plain ``HttpRequest`` comes in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest

from talentbrug.accounts.access import PERMISSIONS

if TYPE_CHECKING:
    from talentbrug.accounts.models import Organisation, User


class StaffRequest(HttpRequest):
    """A request that passed ``staff_required``: an active organisation and the roles there."""

    organisation: Organisation
    roles: frozenset[str]
    user: User  # type: ignore[assignment]


def organisation_of(request: HttpRequest) -> Organisation:
    """The active organisation of a staff request (set by ``OrganisationMiddleware``)."""
    return cast("StaffRequest", request).organisation


def roles_of(request: HttpRequest) -> frozenset[str]:
    """The user's roles in the active organisation (empty outside a staff request)."""
    return cast(frozenset[str], getattr(request, "roles", frozenset()))


def acting_role(request: HttpRequest, action: str) -> str:
    """The (first) role that allows ``action``: what the audit log records."""
    allowed = sorted(roles_of(request) & PERMISSIONS.get(action, frozenset()))
    return allowed[0][:40] if allowed else ""


def candidate_of(request: HttpRequest) -> Any:
    """The candidate a ``candidate_required`` view runs for (see :mod:`talentbrug.core.portal`)."""
    return getattr(request, "candidate", None)
