"""State changes for accounts: second-factor enrolment, verification, switching organisation."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from talentbrug.audit.services import record_event

from .auditing import record_for_user_organisations
from .middleware import SESSION_KEY
from .models import Organisation, User

RECOVERY_CODE_COUNT = 10


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed TOTP device for enrolment (created once, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def has_second_factor(user: User) -> bool:
    # django_otp ships no types: its manager is Any to mypy.
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


@transaction.atomic
def confirm_totp_enrolment(request: HttpRequest, user: User, token: str) -> list[str] | None:
    """Confirm the pending device with a code; returns fresh recovery codes, or None if wrong."""
    device = pending_totp_device(user)
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    codes = regenerate_recovery_codes(user)
    otp_login(request, device)
    record_for_user_organisations("accounts.2fa_enrolled", user=user, actor=user)
    return codes


def regenerate_recovery_codes(user: User) -> list[str]:
    static, _ = StaticDevice.objects.get_or_create(user=user, name="recovery")
    static.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def verify_second_factor(request: HttpRequest, user: User, token: str) -> bool:
    """Check a TOTP code or a one-time recovery code and mark the session as verified."""
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            record_for_user_organisations("accounts.2fa_verified", user=user, actor=user)
            return True
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            record_for_user_organisations(
                "accounts.recovery_code_used",
                user=user,
                actor=user,
                remaining=device.token_set.count(),
            )
            return True
    record_for_user_organisations("accounts.2fa_failed", user=user, actor=user)
    return False


def switch_organisation(request: HttpRequest, user: User, organisation: Organisation) -> None:
    request.session[SESSION_KEY] = organisation.pk
    record_event("accounts.organisation_switched", actor=user, organisation=organisation)
