"""Magic links for the new-hire portal and the supporter page: signed, expiring, revocable,
single-use per browser session.

Built on the shared implementation in :mod:`talentbrug.accounts.magiclinks`. The token holds
the plan (or supporter) id and its token version; raising the version on the model makes every
earlier link invalid at once. Every page of the portal carries the link, so a link is used up
by the first browser session that opens it: later pages of that session work, the same link in
another browser (a forwarded mail) asks for a new link. Opening is a POST from a page with one
button: a GET (a mail scanner checking the link) uses nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from talentbrug.accounts import magiclinks

from .constants import PORTAL_LINK_MAX_AGE, PORTAL_SESSION_AGE
from .models import OnboardingPlan, Supporter

PLAN_SALT = "talentbrug.onboarding.portal-link"
SUPPORTER_SALT = "talentbrug.onboarding.supporter-link"
TokenProblem = magiclinks.LinkProblem


def make_token(plan: OnboardingPlan) -> str:
    return magiclinks.make(PLAN_SALT, {"p": plan.pk, "v": plan.token_version})


def make_supporter_token(supporter: Supporter) -> str:
    return magiclinks.make(SUPPORTER_SALT, {"s": supporter.pk, "v": supporter.token_version})


def portal_url(plan: OnboardingPlan) -> str:
    return settings.SITE_URL + reverse("onboarding:portal", kwargs={"token": make_token(plan)})


def supporter_url(supporter: Supporter) -> str:
    return settings.SITE_URL + reverse(
        "onboarding:supporter_portal", kwargs={"token": make_supporter_token(supporter)}
    )


def _plan(token: str, max_age: int | None) -> tuple[OnboardingPlan, dict]:
    data = magiclinks.read(PLAN_SALT, token, PORTAL_LINK_MAX_AGE if max_age is None else max_age)
    pk = data.get("p")
    if not isinstance(pk, int):
        raise TokenProblem("invalid")
    plan = OnboardingPlan.objects.filter(pk=pk).select_related("organisation").first()
    if plan is None:
        raise TokenProblem("invalid")
    if plan.token_version != data.get("v"):
        raise TokenProblem("expired")
    return plan, data


def _supporter(token: str, max_age: int | None) -> tuple[Supporter, dict]:
    age = PORTAL_LINK_MAX_AGE if max_age is None else max_age
    data = magiclinks.read(SUPPORTER_SALT, token, age)
    pk = data.get("s")
    if not isinstance(pk, int):
        raise TokenProblem("invalid")
    supporter = Supporter.objects.filter(pk=pk).select_related("plan", "user").first()
    if supporter is None:
        raise TokenProblem("invalid")
    if supporter.token_version != data.get("v"):
        raise TokenProblem("expired")
    return supporter, data


def read_token(token: str, max_age: int | None = None) -> OnboardingPlan:
    """The plan of a valid link, without using it up."""
    return _plan(token, max_age)[0]


def read_supporter_token(token: str, max_age: int | None = None) -> Supporter:
    """The supporter of a valid link, without using it up."""
    return _supporter(token, max_age)[0]


def open_token(request: HttpRequest, token: str) -> tuple[OnboardingPlan, bool]:
    """The plan of a link this session may use, and whether the page may be shown: False on a
    GET of a link this session has not opened yet (show the confirm page: a mail scanner's GET
    uses nothing); the confirm page's POST opens it (the first session to do so)."""
    plan, data = _plan(token, None)
    opened = magiclinks.open_in_session(
        request, PLAN_SALT, data, PORTAL_LINK_MAX_AGE, PORTAL_SESSION_AGE
    )
    return plan, opened


def open_supporter_token(request: HttpRequest, token: str) -> tuple[Supporter, bool]:
    """The supporter of a link this session may use, and whether the page may be shown (see
    :func:`open_token`)."""
    supporter, data = _supporter(token, None)
    opened = magiclinks.open_in_session(
        request, SUPPORTER_SALT, data, PORTAL_LINK_MAX_AGE, PORTAL_SESSION_AGE
    )
    return supporter, opened
