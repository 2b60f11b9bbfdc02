"""Record log-ins, failed log-ins and lock-outs in the audit log of the person's organisations.

Each event is stored once per organisation in which the person has a role (with that role),
so every organisation's own log shows its people's security events. Ids only: never a
password, and a user name that matches no account is not stored.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from talentbrug.audit import services as audit

from .auditing import record_for_user_organisations
from .lockout import (
    count_ip_failure,
    note_refused,
    start_address_block_period,
    starts_address_block,
)
from .models import User


def _user_named(username: object) -> User | None:
    if not isinstance(username, str) or not username or len(username) > 150:
        return None
    return User.objects.filter(username=username).first()


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):  # type: ignore[no-untyped-def]
    record_for_user_organisations("accounts.login", user=user, actor=user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record_for_user_organisations("accounts.logout", user=user, actor=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):  # type: ignore[no-untyped-def]
    user = _user_named((credentials or {}).get("username"))
    if user is not None:
        record_for_user_organisations("accounts.login_failed", user=user)
    if request is not None and starts_address_block(count_ip_failure(request)):
        start_address_block_period(request)
        _record_address_block(user)


def _record_address_block(user: User | None) -> None:
    """The failure that blocks its address: one event for the block period, in the log of the
    organisations of the person whose name was tried (without organisation for an unknown
    name, as for a lock-out). Never the address itself: only the limit and the length."""
    failures = int(settings.TALENTBRUG_IP_FAILURE_LIMIT)
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds()) // 60)
    if user is None:
        audit.record_event("accounts.address_blocked", failures=failures, minutes=minutes)
    else:
        record_for_user_organisations(
            "accounts.address_blocked", user=user, failures=failures, minutes=minutes
        )


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):  # type: ignore[no-untyped-def]
    # Axes signals every refused attempt; the log gets the first of each lock-out period.
    if not note_refused(str(username or "")[:150]):
        return
    user = _user_named(username)
    if user is None:
        audit.record_event("accounts.locked_out")
    else:
        record_for_user_organisations("accounts.locked_out", user=user)
