"""Lock-out against password guessing, without locking out a whole office.

django-axes locks a *user name* after ``AXES_FAILURE_LIMIT`` failures (see
``AXES_LOCKOUT_PARAMETERS``), so colleagues behind the same address (office NAT) can still log
in. Against *spraying* (a few passwords tried on many user names from one address) this module
keeps a separate, much higher count per address: after ``TALENTBRUG_IP_FAILURE_LIMIT`` failed
log-ins from one address within the cool-off time, that address gets the lock-out page until
the window has passed. An organisation admin can unlock a person (``unlock_user``).

While a user name is locked, axes refuses every attempt and signals each one. The audit log
gets one ``accounts.locked_out`` event per lock-out period (the first refused attempt, which
is the attempt that locked it); the later refusals of that period are only counted
(:func:`note_refused`, :func:`refused_while_locked`), so a script hammering a locked account
does not flood the log. The count is shown to the admin and stored with the unlock event.

An address block is logged the same way: one ``accounts.address_blocked`` event per block
period, written by the failed attempt that reaches the limit (:func:`count_ip_failure` returns
exactly the limit once per window, also under concurrent requests: ``incr`` is atomic). The
attempts refused during the block are only counted (:func:`note_address_refused`,
:func:`refused_while_address_blocked`). Like the per-user events, the event never holds the
address itself (an IP address is personal data): only the limit and the length of the block.
"""

from __future__ import annotations

import hashlib
import math
from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

_IP_KEY = "tb-login-fail-ip:{}"
_LOCK_KEY = "tb-lockout-period:{}"
_ADDRESS_REFUSED_KEY = "tb-address-refused:{}"


def client_ip(request: HttpRequest) -> str:
    # Behind a proxy, let it set REMOTE_ADDR (X-Forwarded-For is not trusted here).
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _ip_key(ip: str) -> str:
    return _IP_KEY.format(hashlib.sha256(ip.encode()).hexdigest()[:32])


def _window_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _lock_key(username: str) -> str:
    return _LOCK_KEY.format(hashlib.sha256(username.encode()).hexdigest()[:32])


def note_refused(username: str) -> bool:
    """One refused attempt for a locked user name. True for the first one of its lock-out
    period (log it), False for the later ones (counted only).

    The period lasts as long as the lock: axes counts every attempt while locked as a new
    failure (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT``), so the lock ends a cool-off
    after the last attempt, and so does this period (each refusal renews it). Without that
    setting the lock ends a cool-off after it began, and so does the period. An admin's
    unlock ends it at once (:func:`unlock_user`).
    """
    key, window = _lock_key(username), _window_seconds()
    if cache.add(key, 0, timeout=window):
        return True
    try:
        cache.incr(key)
    except ValueError:  # the period ended between the two calls: this one starts a new one
        return bool(cache.add(key, 0, timeout=window))
    if getattr(settings, "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT", True):
        cache.touch(key, window)
    return False


def refused_while_locked(username: str) -> int:
    """Attempts refused in the current lock-out period after the one that was logged."""
    return int(cache.get(_lock_key(username)) or 0)


def count_ip_failure(request: HttpRequest) -> int:
    """One more failed log-in from this address (counted in the cache, for the cool-off)."""
    key = _ip_key(client_ip(request))
    cache.add(key, 0, timeout=_window_seconds())
    try:
        return int(cache.incr(key))
    except ValueError:
        cache.set(key, 1, timeout=_window_seconds())
        return 1


def address_blocked(request: HttpRequest) -> bool:
    count = cache.get(_ip_key(client_ip(request))) or 0
    return int(count) >= int(settings.TALENTBRUG_IP_FAILURE_LIMIT)


def starts_address_block(failures: int) -> bool:
    """True for the one failure that blocks its address (the count reaches the limit)."""
    return failures == int(settings.TALENTBRUG_IP_FAILURE_LIMIT)


def _address_refused_key(request: HttpRequest) -> str:
    return _ADDRESS_REFUSED_KEY.format(_ip_key(client_ip(request)).rsplit(":", 1)[-1])


def start_address_block_period(request: HttpRequest) -> None:
    """A new block of this address: its count of refused attempts starts at zero."""
    cache.set(_address_refused_key(request), 0, timeout=_window_seconds())


def note_address_refused(request: HttpRequest) -> int:
    """One attempt refused because its address is blocked: counted, not logged."""
    key = _address_refused_key(request)
    cache.add(key, 0, timeout=_window_seconds())
    try:
        return int(cache.incr(key))
    except ValueError:
        cache.set(key, 1, timeout=_window_seconds())
        return 1


def refused_while_address_blocked(request: HttpRequest) -> int:
    """Attempts from this request's address refused in its current block period."""
    return int(cache.get(_address_refused_key(request)) or 0)


def minutes_left(username: str = "") -> int:
    """Minutes until the lock-out of this user name ends (the full cool-off when unknown)."""
    cooloff: timedelta = settings.AXES_COOLOFF_TIME
    latest = (
        AccessAttempt.objects.filter(username=username).order_by("-attempt_time").first()
        if username
        else None
    )
    if latest is None:
        return max(1, math.ceil(cooloff.total_seconds() / 60))
    left = latest.attempt_time + cooloff - timezone.now()
    return int(max(1, math.ceil(left.total_seconds() / 60)))


def is_locked(username: str) -> bool:
    limit = int(settings.AXES_FAILURE_LIMIT)
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return bool(
        AccessAttempt.objects.filter(
            username=username, attempt_time__gte=since, failures_since_start__gte=limit
        ).exists()
    )


def unlock_user(username: str) -> int:
    """Remove the failed attempts of this user name (from every address); the lock-out
    period ends, so a new lock-out is logged again."""
    cache.delete(_lock_key(username))
    return int(axes_reset(username=username))


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The lock-out page (AXES_LOCKOUT_CALLABLE): how long, and how to get help."""
    username = str((credentials or {}).get("username") or request.POST.get("username") or "")
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes_left(username[:150]), "by_address": False},
        status=429,
    )


def address_blocked_response(request: HttpRequest) -> HttpResponse:
    note_address_refused(request)
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": max(1, _window_seconds() // 60), "by_address": True},
        status=429,
    )
