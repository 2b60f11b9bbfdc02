"""Magic links for the candidate portal: signed, expiring, revocable (token version)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .constants import PORTAL_LINK_MAX_AGE
from .models import Candidate

SALT = "talentbrug.applications.portal-link"
SESSION_KEY = "candidate_portal"


def make_token(candidate: Candidate) -> str:
    signer = signing.TimestampSigner(salt=SALT)
    return signer.sign_object({"c": candidate.pk, "v": candidate.token_version})


def portal_url(candidate: Candidate) -> str:
    return settings.SITE_URL + reverse(
        "applications:portal_login", kwargs={"token": make_token(candidate)}
    )


class TokenProblem(Exception):
    """``reason`` is 'expired' or 'invalid'."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_token(token: str, max_age: int | None = None) -> Candidate:
    signer = signing.TimestampSigner(salt=SALT)
    age = PORTAL_LINK_MAX_AGE if max_age is None else max_age
    try:
        data = signer.unsign_object(token, max_age=age)
    except signing.SignatureExpired:
        raise TokenProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise TokenProblem("invalid") from None
    try:
        candidate = Candidate.objects.get(pk=data["c"], merged_into__isnull=True)
    except (Candidate.DoesNotExist, KeyError, TypeError, ValueError):
        raise TokenProblem("invalid") from None
    if candidate.token_version != data.get("v"):
        raise TokenProblem("expired")
    return candidate
