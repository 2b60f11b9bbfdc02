"""Magic links for the new-hire portal and the supporter page: signed, expiring, revocable.

The token holds the plan (or supporter) id and its token version. Raising the version on the
model makes every earlier link invalid at once.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .constants import PORTAL_LINK_MAX_AGE
from .models import OnboardingPlan, Supporter

PLAN_SALT = "talentbrug.onboarding.portal-link"
SUPPORTER_SALT = "talentbrug.onboarding.supporter-link"


class TokenProblem(Exception):
    """``reason`` is 'expired' (too old or revoked) or 'invalid' (tampered or unknown)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def make_token(plan: OnboardingPlan) -> str:
    return signing.TimestampSigner(salt=PLAN_SALT).sign_object(
        {"p": plan.pk, "v": plan.token_version}
    )


def make_supporter_token(supporter: Supporter) -> str:
    return signing.TimestampSigner(salt=SUPPORTER_SALT).sign_object(
        {"s": supporter.pk, "v": supporter.token_version}
    )


def portal_url(plan: OnboardingPlan) -> str:
    return settings.SITE_URL + reverse("onboarding:portal", kwargs={"token": make_token(plan)})


def supporter_url(supporter: Supporter) -> str:
    return settings.SITE_URL + reverse(
        "onboarding:supporter_portal", kwargs={"token": make_supporter_token(supporter)}
    )


def _unsign(token: str, salt: str, max_age: int | None) -> dict:
    age = PORTAL_LINK_MAX_AGE if max_age is None else max_age
    try:
        data = signing.TimestampSigner(salt=salt).unsign_object(token, max_age=age)
    except signing.SignatureExpired:
        raise TokenProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError):
        raise TokenProblem("invalid") from None
    if not isinstance(data, dict):
        raise TokenProblem("invalid")
    return data


def read_token(token: str, max_age: int | None = None) -> OnboardingPlan:
    data = _unsign(token, PLAN_SALT, max_age)
    pk = data.get("p")
    if not isinstance(pk, int):
        raise TokenProblem("invalid")
    plan = OnboardingPlan.objects.filter(pk=pk).select_related("organisation").first()
    if plan is None:
        raise TokenProblem("invalid")
    if plan.token_version != data.get("v"):
        raise TokenProblem("expired")
    return plan


def read_supporter_token(token: str, max_age: int | None = None) -> Supporter:
    data = _unsign(token, SUPPORTER_SALT, max_age)
    pk = data.get("s")
    if not isinstance(pk, int):
        raise TokenProblem("invalid")
    supporter = Supporter.objects.filter(pk=pk).select_related("plan", "user").first()
    if supporter is None:
        raise TokenProblem("invalid")
    if supporter.token_version != data.get("v"):
        raise TokenProblem("expired")
    return supporter
