"""Anti-bot measures for the public forms, without a third-party service.

* a honeypot field (hidden from people, filled by simple bots),
* a signed start time: a form sent back faster than a person can fill it is refused,
* rate limits per IP address and per e-mail address in Django's cache.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

SALT = "talentbrug.applications.form-started"
HONEYPOT_FIELD = "website"


def min_fill_seconds() -> float:
    return float(getattr(settings, "TALENTBRUG_FORM_MIN_SECONDS", 3))


def started_token() -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(time.time()))


def filled_too_fast(token: str) -> bool:
    """True when the token is missing, forged, older than a day or younger than the minimum."""
    try:
        started = float(signing.TimestampSigner(salt=SALT).unsign(token, max_age=24 * 3600))
    except (signing.BadSignature, ValueError, TypeError):
        return True
    return time.time() - started < min_fill_seconds()


def client_ip(request: HttpRequest) -> str:
    # Behind a proxy, configure it to set REMOTE_ADDR (we do not trust X-Forwarded-For here).
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _limits() -> dict[str, int]:
    return {
        "ip": int(getattr(settings, "TALENTBRUG_RATE_PER_IP", 20)),
        "email": int(getattr(settings, "TALENTBRUG_RATE_PER_EMAIL", 5)),
    }


def _key(kind: str, scope: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"tb-rate:{scope}:{kind}:{digest}"


def rate_limited(scope: str, *, ip: str, email: str = "", window: int = 3600) -> bool:
    """Count one attempt for ``ip`` (and ``email``); True when a limit is exceeded."""
    limits = _limits()
    over = False
    for kind, value in (("ip", ip), ("email", email)):
        if not value:
            continue
        key = _key(kind, scope, value)
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window)
            count = 1
        if count > limits[kind]:
            over = True
    return over
