from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent

PASSWORD = "Een-goed-wachtwoord-2026"


@pytest.mark.django_db
def test_account_locks_after_failures_and_stays_locked_for_cooloff(
    make_staff, organisation, settings
):
    user = make_staff(organisation, Role.HR_ADVISER)
    start = timezone.now()
    with freeze_time(start):
        client = Client()
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("accounts:login"), {"username": user.username, "password": "fout"})
        locked = client.post(
            reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
        )
        assert locked.status_code == 429
        assert "tijdelijk geblokkeerd" in locked.content.decode()
    assert AuditEvent.objects.filter(event_type="accounts.locked_out").exists()

    with freeze_time(start + settings.AXES_COOLOFF_TIME - timedelta(minutes=1)):
        still = Client().post(
            reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
        )
        assert still.status_code == 429

    # Every attempt while locked counts as a failure, so the cool-off runs from the last one.
    last_attempt = start + settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    with freeze_time(last_attempt + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        again = Client().post(
            reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
        )
        assert again.status_code == 302


@pytest.mark.django_db
def test_wrong_password_gives_clear_message_without_revealing_account(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    response = Client().post(
        reverse("accounts:login"), {"username": user.username, "password": "x"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "klopt niet" in body
    unknown = Client().post(
        reverse("accounts:login"), {"username": "bestaat-niet", "password": "x"}
    )
    assert "klopt niet" in unknown.content.decode()


@pytest.mark.django_db
def test_overlong_username_is_a_form_error_not_a_crash():
    response = Client().post(reverse("accounts:login"), {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 200
    assert "150" in response.content.decode()
