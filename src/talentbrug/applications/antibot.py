"""Anti-bot measures for the public forms, without a third-party service.

* a honeypot field (hidden from people and from the browser's autofill, filled by simple bots),
* rate limits per IP address and per e-mail address in Django's cache.

There is deliberately no minimum fill time: a person whose browser fills the form at once
(autofill, a password manager) is as fast as a bot and must not be refused. A refused form is
shown again with everything that was typed.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

HONEYPOT_FIELD = "website"


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
