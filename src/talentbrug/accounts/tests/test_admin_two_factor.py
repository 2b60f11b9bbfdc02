"""/beheer/ (Django admin) needs the same second factor as the staff area (issue 14, item 3).

The in-process tests use the test settings; the last test starts a separate process under
``talentbrug.conf.production`` so nothing in the production layer can open the admin again.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory, confirmed_totp
from talentbrug.conftest import verified_client
from talentbrug.tests.manage_process import PRODUCTION_ENV, manage

PASSWORD = "Een-goed-wachtwoord-2026"
# Text only an admin page shows: the header of our admin site and the user list.
ADMIN_MARKERS = ("Talentbrug technisch beheer", 'id="changelist"', "Wachtwoord wijzigen")


def _superuser():
    return UserFactory(username="beheerder", is_staff=True, is_superuser=True)


def _no_admin_content(response) -> None:
    body = response.content.decode()
    for marker in ADMIN_MARKERS:
        assert marker not in body, marker
    assert "beheerder@example.org" not in body


@pytest.mark.django_db
def test_superuser_with_password_only_sees_no_admin_page():
    user = _superuser()
    client = Client()
    login = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert login.url == reverse("accounts:two_factor")
    for path in ("/beheer/", "/beheer/accounts/user/", f"/beheer/accounts/user/{user.pk}/change/"):
        response = client.get(path, follow=True)
        # Ends at the product's 2FA step (set-up, as no device is enrolled yet).
        assert response.redirect_chain[-1][0] == reverse("accounts:setup"), path
        _no_admin_content(response)


@pytest.mark.django_db
def test_admin_login_form_cannot_be_used_with_a_password():
    user = _superuser()
    client = Client()
    page = client.get("/beheer/login/?next=/beheer/", follow=True)
    assert page.redirect_chain[-1][0] == reverse("accounts:login") + "?next=%2Fbeheer%2F"
    assert 'name="otp_token"' not in page.content.decode()
    posted = client.post(
        "/beheer/login/?next=/beheer/", {"username": user.username, "password": PASSWORD}
    )
    assert posted.status_code == 302
    assert posted.url.startswith(reverse("accounts:login"))
    response = client.get("/beheer/", follow=True)
    _no_admin_content(response)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_logging_in_with_a_code_leads_back_to_the_admin():
    user = _superuser()
    device = confirmed_totp(user)
    client = Client()
    to_login = client.get("/beheer/accounts/user/", follow=True)
    login_url = to_login.redirect_chain[-1][0]
    assert login_url == reverse("accounts:login") + "?next=%2Fbeheer%2Faccounts%2Fuser%2F"
    client.post(login_url, {"username": user.username, "password": PASSWORD})
    verify = client.get(reverse("accounts:two_factor"))
    assert verify.url == reverse("accounts:verify")
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    done = client.post(reverse("accounts:verify"), {"token": code})
    assert done.url == "/beheer/accounts/user/"
    page = client.get(done.url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Talentbrug technisch beheer" in body
    assert "beheerder@example.org" in body


@pytest.mark.django_db
def test_unverified_session_stays_out_after_a_wrong_code():
    user = _superuser()
    device = confirmed_totp(user)
    client = Client()
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    right = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post(reverse("accounts:verify"), {"token": "000000" if right != "000000" else "111111"})
    with freeze_time(timezone.now() + timedelta(seconds=5)):
        response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:verify")
    _no_admin_content(response)


@pytest.mark.django_db
def test_verified_superuser_sees_the_admin():
    user = _superuser()
    client = verified_client(user)
    page = client.get("/beheer/accounts/user/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Talentbrug technisch beheer" in body
    assert 'id="changelist"' in body
    assert "beheerder@example.org" in body


@pytest.mark.django_db
def test_verified_staff_member_without_admin_rights_gets_no_admin(make_staff, organisation):
    user = make_staff(organisation, Role.ORG_ADMIN)
    client = verified_client(user)
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    _no_admin_content(response)


PRODUCTION_SCRIPT = r"""
import json
from django.conf import settings
from django.test import Client
from talentbrug.accounts.tests.factories import UserFactory, confirmed_totp

user = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
device = confirmed_totp(user)
kwargs = {"secure": True, "HTTP_HOST": "werken.example.nl"}

password_only = Client()
password_only.force_login(user)
bare = password_only.get("/beheer/accounts/user/", **kwargs)

verified = Client()
verified.force_login(user)
session = verified.session
session["otp_device_id"] = device.persistent_id
session.save()
ok = verified.get("/beheer/accounts/user/", **kwargs)

print(json.dumps({
    "settings": settings.SETTINGS_MODULE,
    "bare_status": bare.status_code,
    "bare_location": bare.get("Location", ""),
    "bare_body": bare.content.decode(),
    "ok_status": ok.status_code,
    "ok_body": ok.content.decode(),
}))
"""


def test_admin_needs_second_factor_under_production_settings(tmp_path):
    environment = {
        **PRODUCTION_ENV,
        "TALENTBRUG_VAR_DIR": str(tmp_path),
        # A throw-away database: never the developer's var/talentbrug.sqlite3.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production-test.sqlite3'}",
    }
    migrated = manage("migrate", "-v0", extra_env=environment, timeout=300)
    assert migrated.returncode == 0, migrated.stderr
    result = manage("shell", "-c", PRODUCTION_SCRIPT, extra_env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["settings"] == "talentbrug.conf.production"
    assert data["bare_status"] == 302
    assert data["bare_location"].startswith("/beheer/login/")
    for marker in ADMIN_MARKERS:
        assert marker not in data["bare_body"]
    assert data["ok_status"] == 200
    assert "Talentbrug technisch beheer" in data["ok_body"]
    assert "beheerder@example.org" in data["ok_body"]
