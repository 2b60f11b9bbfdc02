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


@pytest.mark.django_db
def test_twenty_wrong_passwords_for_a_do_not_lock_out_b_from_the_same_address(
    make_staff, organisation
):
    """Office NAT: everyone logs in from one address. A's mistakes are A's problem only."""
    a = make_staff(organisation, Role.HR_ADVISER)
    b = make_staff(organisation, Role.HR_ADVISER)
    office = {"REMOTE_ADDR": "203.0.113.7"}
    client = Client(**office)
    for _ in range(20):
        client.post(reverse("accounts:login"), {"username": a.username, "password": "fout"})
    locked = Client(**office).post(
        reverse("accounts:login"), {"username": a.username, "password": PASSWORD}
    )
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "minuten opnieuw" in body and "beheerder van uw organisatie" in body
    colleague = Client(**office).post(
        reverse("accounts:login"), {"username": b.username, "password": PASSWORD}
    )
    assert colleague.status_code == 302 and colleague.url == reverse("accounts:two_factor")
    # A is locked from every address, not only the office.
    elsewhere = Client(REMOTE_ADDR="198.51.100.9").post(
        reverse("accounts:login"), {"username": a.username, "password": PASSWORD}
    )
    assert elsewhere.status_code == 429
    # The lock-out is in A's organisation's log, with A and A's role.
    events = AuditEvent.objects.filter(event_type="accounts.locked_out", object_id=str(a.pk))
    assert events.exists()
    assert {e.organisation_id for e in events} == {organisation.pk}
    assert {e.actor_role for e in events} == {""}  # nobody acted: the system locked A
    assert AuditEvent.objects.filter(
        event_type="accounts.login_failed", organisation=organisation, object_id=str(a.pk)
    ).exists()


@pytest.mark.django_db
def test_a_spray_over_many_users_from_one_address_is_slowed(make_staff, organisation, settings):
    settings.TALENTBRUG_IP_FAILURE_LIMIT = 12
    from django.core.cache import cache

    cache.clear()
    victims = [make_staff(organisation, Role.ASSESSOR) for _ in range(6)]
    attacker = {"REMOTE_ADDR": "192.0.2.66"}
    answers = []
    for attempt in ("Welkom01", "Zomer2026!", "Wachtwoord1"):
        for victim in victims:
            response = Client(**attacker).post(
                reverse("accounts:login"), {"username": victim.username, "password": attempt}
            )
            answers.append(response.status_code)
    # Three tries per account stay under the per-user limit of 5, so only the per-address
    # limit can stop this: after 12 failures the address gets the lock-out page.
    assert answers[:12] == [200] * 12
    assert set(answers[12:]) == {429}
    refused = Client(**attacker).post(
        reverse("accounts:login"), {"username": victims[0].username, "password": PASSWORD}
    )
    assert refused.status_code == 429
    assert "Vanaf dit netwerkadres" in refused.content.decode()
    # Another address is not affected, and no single account was locked.
    fine = Client(REMOTE_ADDR="192.0.2.67").post(
        reverse("accounts:login"), {"username": victims[0].username, "password": PASSWORD}
    )
    assert fine.status_code == 302
    cache.clear()


@pytest.mark.django_db
def test_admin_unlocks_a_locked_account(make_staff, organisation, staff_client, settings):
    person = make_staff(organisation, Role.HR_ADVISER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("accounts:login"), {"username": person.username, "password": "x"})
    admin = staff_client(organisation, Role.ORG_ADMIN)
    page = admin.get(reverse("accounts:person", args=[person.pk])).content.decode()
    assert "Tijdelijk geblokkeerd" in page and "Ontgrendel account" in page
    admin.post(reverse("accounts:unlock", args=[person.pk]))
    response = Client().post(
        reverse("accounts:login"), {"username": person.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(event_type="accounts.unlocked")
    assert event.organisation == organisation and event.actor_role == Role.ORG_ADMIN


@pytest.mark.django_db
def test_a_lockout_is_logged_once_per_period_and_later_refusals_are_only_counted(
    make_staff, organisation, staff_client, settings
):
    """A script hammering a locked account must not flood the log: one event per lock-out
    period (the attempt that locked it), the refusals after it counted, shown to the admin
    and stored with the unlock; a new period is logged again."""
    from django.core.cache import cache

    cache.clear()
    person = make_staff(organisation, Role.HR_ADVISER)
    login = reverse("accounts:login")

    def locked_out_events() -> int:
        return AuditEvent.objects.filter(
            event_type="accounts.locked_out", object_id=str(person.pk)
        ).count()

    start = timezone.now()
    with freeze_time(start):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            Client().post(login, {"username": person.username, "password": "fout"})
        assert locked_out_events() == 1
        for i in range(12):  # wrong and right passwords: all refused while locked
            password = PASSWORD if i % 3 == 0 else "fout"
            refused = Client().post(login, {"username": person.username, "password": password})
            assert refused.status_code == 429
        assert locked_out_events() == 1

    admin = staff_client(organisation, Role.ORG_ADMIN)
    with freeze_time(start + timedelta(minutes=2)):
        page = admin.get(reverse("accounts:person", args=[person.pk])).content.decode()
        assert "Sindsdien 12 pogingen geweigerd" in page
        admin.post(reverse("accounts:unlock", args=[person.pk]))
        unlocked = AuditEvent.objects.get(event_type="accounts.unlocked")
        assert unlocked.data["refused_attempts"] == 12

        # After the unlock a new lock-out is a new period: logged again, once.
        for _ in range(settings.AXES_FAILURE_LIMIT + 4):
            Client().post(login, {"username": person.username, "password": "fout"})
        assert locked_out_events() == 2

    # The period ends with the lock: a cool-off after the last attempt. The next lock-out,
    # after that, is logged again.
    later = start + timedelta(minutes=2) + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
    with freeze_time(later):
        for _ in range(settings.AXES_FAILURE_LIMIT + 3):
            Client().post(login, {"username": person.username, "password": "fout"})
        assert locked_out_events() == 3
    cache.clear()


@pytest.mark.django_db
def test_a_locked_unknown_user_name_is_logged_once_per_period(settings):
    from django.core.cache import cache

    cache.clear()
    for _ in range(settings.AXES_FAILURE_LIMIT + 10):
        Client().post(reverse("accounts:login"), {"username": "bestaat-niet", "password": "x"})
    assert AuditEvent.objects.filter(event_type="accounts.locked_out").count() == 1
    cache.clear()


@pytest.mark.django_db
def test_an_address_block_is_logged_once_per_period_without_the_address(
    make_staff, organisation, settings
):
    """Spraying from one address: the failure that blocks the address writes one security
    event (in the organisation of the person whose name was tried, with no actor and no
    address in it); the attempts refused during the block are only counted. After the block
    period a new block is logged again."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from talentbrug.accounts import lockout
    from talentbrug.audit.registry import SECURITY_EVENTS

    settings.TALENTBRUG_IP_FAILURE_LIMIT = 10
    cache.clear()
    victims = [make_staff(organisation, Role.ASSESSOR) for _ in range(5)]
    address = "192.0.2.80"
    login = reverse("accounts:login")

    def blocks():
        return AuditEvent.objects.filter(event_type="accounts.address_blocked")

    start = timezone.now()
    with freeze_time(start):
        for i in range(9):
            Client(REMOTE_ADDR=address).post(
                login, {"username": victims[i % 5].username, "password": "fout"}
            )
        assert not blocks().exists()
        # The tenth failure blocks the address: that attempt is logged.
        Client(REMOTE_ADDR=address).post(
            login, {"username": victims[4].username, "password": "fout"}
        )
        assert blocks().count() == 1
        for i in range(7):  # refused, also with the right password: counted, not logged
            refused = Client(REMOTE_ADDR=address).post(
                login,
                {"username": victims[i % 5].username, "password": PASSWORD if i == 3 else "x"},
            )
            assert refused.status_code == 429
        assert blocks().count() == 1
        request = RequestFactory().post(login, REMOTE_ADDR=address)
        assert lockout.refused_while_address_blocked(request) == 7
        other = RequestFactory().post(login, REMOTE_ADDR="192.0.2.81")
        assert lockout.refused_while_address_blocked(other) == 0

    event = blocks().get()
    assert event.organisation == organisation
    assert event.object_id == str(victims[4].pk)
    assert event.actor is None and event.actor_role == "" and event.actor_label == "systeem"
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds()) // 60
    assert event.data == {"failures": 10, "minutes": minutes}
    assert address not in str(event.data) and address not in event.message
    assert event.message == (
        f"Netwerkadres {minutes} minuten geblokkeerd na 10 mislukte inlogpogingen vanaf dat adres"
    )
    assert "accounts.address_blocked" in SECURITY_EVENTS

    # A new block period (after the cool-off) is a new event; a name that matches no account
    # gives an event without organisation, as for a lock-out.
    with freeze_time(start + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        for i in range(10):
            Client(REMOTE_ADDR=address).post(
                login, {"username": f"niemand-{i}", "password": "fout"}
            )
        assert blocks().count() == 2
        assert blocks().filter(organisation=None, object_id="").count() == 1
        request = RequestFactory().post(login, REMOTE_ADDR=address)
        assert lockout.refused_while_address_blocked(request) == 0
    cache.clear()
