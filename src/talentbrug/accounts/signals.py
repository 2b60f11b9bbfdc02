"""Record log-ins and lock-outs in the audit log (ids only, never passwords or names)."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from talentbrug.audit import services as audit

from .models import User


@receiver(user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit.record_event("accounts.login", actor=user, organisation=None, obj=user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        audit.record_event("accounts.logout", actor=user, organisation=None, obj=user)


@receiver(user_locked_out)
def on_locked_out(
    sender: Any, request: HttpRequest | None, username: str, ip_address: str, **kwargs: Any
) -> None:
    audit.record_event("accounts.locked_out", actor=None, organisation=None)
