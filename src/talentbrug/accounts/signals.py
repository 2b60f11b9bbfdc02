"""Record log-ins and lock-outs in the audit log (ids only, never passwords or names)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from talentbrug.audit import services as audit


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):  # type: ignore[no-untyped-def]
    audit.record_event("accounts.login", actor=user, organisation=None, obj=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):  # type: ignore[no-untyped-def]
    if user is not None:
        audit.record_event("accounts.logout", actor=user, organisation=None, obj=user)


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):  # type: ignore[no-untyped-def]
    audit.record_event("accounts.locked_out", actor=None, organisation=None)
