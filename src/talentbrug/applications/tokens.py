"""Magic links for the candidate portal: signed, expiring, revocable (token version), single-use.

Built on the shared implementation in :mod:`talentbrug.accounts.magiclinks`. The mailed link
opens a page with one button (a GET uses nothing: mail scanners open links); the button's POST
gives one short portal session (``PORTAL_SESSION_AGE``); the same link a second time asks for
a new one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from talentbrug.accounts import magiclinks

from .constants import PORTAL_LINK_MAX_AGE
from .models import Candidate

SALT = "talentbrug.applications.portal-link"
SESSION_KEY = "candidate_portal"
TokenProblem = magiclinks.LinkProblem


def make_token(candidate: Candidate) -> str:
    return magiclinks.make(SALT, {"c": candidate.pk, "v": candidate.token_version})


def portal_url(candidate: Candidate) -> str:
    return settings.SITE_URL + reverse(
        "applications:portal_login", kwargs={"token": make_token(candidate)}
    )


def _candidate(token: str, max_age: int) -> tuple[Candidate, dict[str, Any]]:
    data = magiclinks.read(SALT, token, max_age)
    try:
        candidate = Candidate.objects.get(pk=data["c"], merged_into__isnull=True)
    except (Candidate.DoesNotExist, KeyError, TypeError, ValueError):
        raise TokenProblem("invalid") from None
    if candidate.token_version != data.get("v"):
        raise TokenProblem("expired")
    return candidate, data


def read_token(token: str, max_age: int | None = None) -> Candidate:
    """The candidate of a valid link, without using it up."""
    return _candidate(token, PORTAL_LINK_MAX_AGE if max_age is None else max_age)[0]


def check_token(token: str) -> Candidate:
    """The candidate of a valid, unused link, without using it up (the confirm page's GET)."""
    candidate, data = _candidate(token, PORTAL_LINK_MAX_AGE)
    if magiclinks.is_used(SALT, data):
        raise TokenProblem("used")
    return candidate


def use_token(token: str) -> Candidate:
    """The candidate of a valid, unused link; the link is used up (single-use)."""
    candidate, data = _candidate(token, PORTAL_LINK_MAX_AGE)
    magiclinks.use(SALT, data, PORTAL_LINK_MAX_AGE)
    return candidate


def portal_candidate(request: HttpRequest) -> Candidate | None:
    """The candidate of this browser's portal session (opened by a link), or None."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    pk: Any = data.get("c")  # an id, or missing: then no candidate is found
    candidate = Candidate.objects.filter(pk=pk, merged_into__isnull=True).first()
    if candidate is None or candidate.token_version != data.get("v"):
        return None
    return candidate
