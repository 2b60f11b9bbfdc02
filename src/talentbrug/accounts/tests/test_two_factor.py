from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent

PASSWORD = "Een-goed-wachtwoord-2026"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _login(client: Client, username: str):
    return client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_staff_pages_need_a_second_factor(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    client = Client()
    response = _login(client, user.username)
    assert response.url == reverse("accounts:two_factor")
    response = client.get(reverse("pages:home"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:two_factor")


@pytest.mark.django_db
def test_enrolment_with_a_valid_code_gives_recovery_codes(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    client = Client()
    _login(client, user.username)
    assert client.get(reverse("accounts:two_factor")).url == reverse("accounts:setup")
    page = client.get(reverse("accounts:setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(
        reverse("accounts:setup"), {"token": "000000" if _code(device) != "000000" else "111111"}
    )
    assert "klopt niet" in wrong.content.decode()
    # A wrong code throttles the device for a moment (django-otp); try again a bit later.
    with freeze_time(timezone.now() + timedelta(seconds=5)):
        ok = client.post(reverse("accounts:setup"), {"token": _code(device)})
    assert ok.status_code == 200
    assert len(ok.context["codes"]) == 10
    assert client.get(reverse("pages:home")).status_code == 200
    assert AuditEvent.objects.filter(
        event_type="accounts.2fa_enrolled", object_id=str(user.pk)
    ).exists()


@pytest.mark.django_db
def test_recovery_code_works_once(make_staff, organisation):
    from talentbrug.accounts.services import regenerate_recovery_codes

    user = make_staff(organisation, Role.HR_ADVISER)
    TOTPDevice.objects.create(user=user, confirmed=True)
    code = regenerate_recovery_codes(user)[0]
    client = Client()
    _login(client, user.username)
    assert client.get(reverse("accounts:two_factor")).url == reverse("accounts:verify")
    response = client.post(reverse("accounts:verify"), {"token": code})
    assert response.status_code == 302
    assert client.get(reverse("pages:home")).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()

    second = Client()
    _login(second, user.username)
    again = second.post(reverse("accounts:verify"), {"token": code})
    assert again.status_code == 200
    assert "al gebruikt" in again.content.decode()


@pytest.mark.django_db
def test_totp_code_verifies_session(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    device = TOTPDevice.objects.create(user=user, confirmed=True)
    client = Client()
    _login(client, user.username)
    response = client.post(reverse("accounts:verify"), {"token": _code(device)})
    assert response.status_code == 302
    assert client.get(reverse("pages:home")).status_code == 200


@pytest.mark.django_db
def test_demo_setting_skips_second_factor(make_staff, organisation, settings):
    settings.TALENTBRUG_DEMO_SKIP_2FA = True
    user = make_staff(organisation, Role.HR_ADVISER)
    client = Client()
    _login(client, user.username)
    assert client.get(reverse("pages:home")).status_code == 200


@pytest.mark.django_db
def test_safe_next_url_after_login(make_staff, organisation, settings):
    settings.TALENTBRUG_DEMO_SKIP_2FA = True
    user = make_staff(organisation, Role.HR_ADVISER)
    client = Client()
    client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": user.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    response = client.get(reverse("accounts:two_factor"))
    assert response.url == reverse("pages:home")
