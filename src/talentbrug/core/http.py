"""The typed staff request and the two preambles every staff view needs.

``OrganisationMiddleware`` (accounts) puts the active tenant and the user's roles there on
every request. Django's ``HttpRequest`` does not know these attributes, so views wrote
``request.organisation  # type: ignore[attr-defined]`` and copied ``_org``/``_roles`` helpers.
Use :class:`talentbrug.accounts.access.StaffRequest` (re-exported here) as the annotation of a staff view (behind ``staff_required`` both are
set) and :func:`organisation_of` / :func:`roles_of` where a plain ``HttpRequest`` comes in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from talentbrug.accounts.access import PERMISSIONS, StaffRequest

if TYPE_CHECKING:
    from talentbrug.accounts.models import Organisation


def organisation_of(request: HttpRequest) -> Organisation:
    """The active organisation of a staff request (set by ``OrganisationMiddleware``)."""
    return cast(StaffRequest, request).organisation


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


def moved_page(url_name: str, **fixed: str) -> Callable[..., HttpResponse]:
    """A page that moved: its old URL name stays and sends the (logged-in) reader to
    ``url_name``, with URL arguments carried as query parameters (``fixed``: query name →
    URL argument). Used for the old figure pages of onboarding and programmes (now Insights).
    """

    @login_required
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        query = {key: str(kwargs[value]) for key, value in fixed.items()}
        url = reverse(url_name)
        return redirect(f"{url}?{urlencode(query)}" if query else url, permanent=False)

    return view
