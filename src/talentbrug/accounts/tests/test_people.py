"""The organisation admin runs people and roles in the product (issue 19)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from talentbrug.accounts import people
from talentbrug.accounts.access import PERMISSIONS
from talentbrug.accounts.constants import Role
from talentbrug.accounts.models import Membership, SecondFactorReset, User
from talentbrug.accounts.roles import ACTION_LABELS, role_descriptions
from talentbrug.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Een-nieuw-wachtwoord-2026"


def _link(body: str) -> str:
    found = re.search(r"/account/uitnodiging/\S+/", body)
    assert found, body
    return found.group(0)


def test_invited_colleague_chooses_a_password_once_then_sets_up_2fa(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    admin = staff_client(organisation, Role.ORG_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("accounts:invite"),
            {
                "first_name": "Noor",
                "last_name": "Bakker",
                "email": "Noor.Bakker@example.org",
                "role": Role.RECORDS_MANAGER,
            },
        )
    invited = User.objects.get(email="noor.bakker@example.org")
    assert response.url == reverse("accounts:person", args=[invited.pk])
    assert not invited.is_active and not invited.has_usable_password()
    message = mail.outbox[-1]
    assert message.to == ["noor.bakker@example.org"]
    assert "Informatiebeheerder" in message.body and organisation.name in message.body
    path = _link(message.body)

    newcomer = Client()
    page = newcomer.get(path).content.decode()
    assert "noor.bakker@example.org" in page and "Kies een wachtwoord" in page
    weak = newcomer.post(path, {"new_password1": "kort", "new_password2": "kort"})
    assert weak.status_code == 200 and not User.objects.get(pk=invited.pk).is_active
    done = newcomer.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.url == reverse("accounts:setup")
    assert newcomer.get(reverse("accounts:setup")).status_code == 200  # logged in, enrols 2FA
    invited.refresh_from_db()
    assert invited.is_active and invited.check_password(PASSWORD)
    # The link works once.
    again = Client().get(path)
    assert again.status_code == 410 and "al gebruikt" in again.content.decode()
    kinds = list(
        AuditEvent.objects.filter(organisation=organisation, object_id=str(invited.pk))
        .order_by("pk")
        .values_list("event_type", "actor_role")
    )
    assert ("accounts.invited", Role.ORG_ADMIN.value) in kinds
    assert ("accounts.invitation_accepted", Role.RECORDS_MANAGER.value) in kinds


def test_roles_are_given_and_taken_with_the_log_in_words(staff_client, make_staff, organisation):
    person = make_staff(organisation, Role.ASSESSOR)
    admin = staff_client(organisation, Role.ORG_ADMIN)
    admin.post(reverse("accounts:role_grant", args=[person.pk]), {"role": Role.RECORDS_MANAGER})
    assert Membership.objects.filter(user=person, role=Role.RECORDS_MANAGER).exists()
    admin.post(reverse("accounts:role_revoke", args=[person.pk]), {"role": Role.ASSESSOR})
    assert set(person.memberships.values_list("role", flat=True)) == {Role.RECORDS_MANAGER}
    log = admin.get(reverse("audit:list"), {"person": ""}).content.decode()
    assert "Rol Informatiebeheerder gegeven" in log and "Rol Beoordelaar afgenomen" in log
    assert "records_manager" not in log
    granted = AuditEvent.objects.get(event_type="accounts.role_granted")
    assert granted.organisation == organisation and granted.actor_role == Role.ORG_ADMIN


def test_the_last_admin_and_the_last_role_cannot_be_taken(make_staff, organisation):
    admin = make_staff(organisation, Role.ORG_ADMIN)
    other = make_staff(organisation, Role.HR_ADVISER)
    with pytest.raises(people.ValidationError, match="laatste beheerder"):
        people.revoke_role(organisation, other, admin, Role.ORG_ADMIN)
    with pytest.raises(people.ValidationError, match="laatste rol"):
        people.revoke_role(organisation, admin, other, Role.HR_ADVISER)


def test_a_person_of_another_organisation_is_not_found(
    staff_client, make_staff, organisation, other_organisation
):
    stranger = make_staff(other_organisation, Role.HR_ADVISER)
    admin = staff_client(organisation, Role.ORG_ADMIN)
    assert admin.get(reverse("accounts:person", args=[stranger.pk])).status_code == 404
    response = admin.post(
        reverse("accounts:role_grant", args=[stranger.pk]), {"role": Role.ORG_ADMIN}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=stranger, organisation=organisation).exists()


def _list_in_review(organisation, maker, reviewer):
    from talentbrug.records.constants import ListStatus
    from talentbrug.records.tests.factories import DestructionListFactory, ItemFactory

    dl = DestructionListFactory(
        collection__organisation=organisation, created_by=maker, status=ListStatus.IN_REVIEW
    )
    ItemFactory(destruction_list=dl, document__collection=dl.collection)
    dl.reviewers.add(reviewer)
    return dl


def test_deactivation_asks_who_takes_over_then_hands_over_and_logs_out(
    staff_client, make_staff, organisation
):
    from talentbrug.conftest import verified_client

    maker = make_staff(organisation, Role.RECORDS_MANAGER)
    leaving = make_staff(organisation, Role.RECORDS_MANAGER)
    successor = make_staff(organisation, Role.RECORDS_MANAGER)
    dl = _list_in_review(organisation, maker, leaving)
    session_of_leaver = verified_client(leaving)
    admin = staff_client(organisation, Role.ORG_ADMIN)
    url = reverse("accounts:deactivate", args=[leaving.pk])
    page = admin.get(url).content.decode()
    assert "vernietigingslijsten om te beoordelen" in page
    assert str(successor) in page and str(maker) in page
    # Without a choice nothing changes.
    response = admin.post(url, {"confirm": "on"})
    assert response.status_code == 200 and "Wie neemt" in response.content.decode()
    assert list(dl.reviewers.all()) == [leaving]
    response = admin.post(url, {"confirm": "on", "to_records_reviews": str(successor.pk)})
    assert response.url == reverse("accounts:members")
    assert list(dl.reviewers.all()) == [successor]
    leaving.refresh_from_db()
    assert not leaving.is_active and leaving.deactivated_at is not None
    assert not leaving.memberships.exists()
    # Logged out everywhere: the old session no longer reaches a staff page.
    assert session_of_leaver.get(reverse("pages:home")).status_code == 302
    # The successor may now review the list.
    from talentbrug.records.services import review as records_review

    records_review.approve_destruction_list(dl, successor)
    events = dict(
        AuditEvent.objects.filter(organisation=organisation, object_id=str(leaving.pk)).values_list(
            "event_type", "actor_role"
        )
    )
    assert events["accounts.deactivated"] == Role.ORG_ADMIN
    assert events["accounts.work_reassigned"] == Role.ORG_ADMIN
    log = admin.get(reverse("audit:list")).content.decode()
    assert "1 x vernietigingslijsten om te beoordelen overgedragen" in log


def test_the_maker_of_a_list_cannot_take_over_its_review(make_staff, organisation):
    maker = make_staff(organisation, Role.RECORDS_MANAGER)
    leaving = make_staff(organisation, Role.RECORDS_MANAGER)
    admin = make_staff(organisation, Role.ORG_ADMIN)
    _list_in_review(organisation, maker, leaving)
    with pytest.raises(people.ValidationError, match="zelf op"):
        people.deactivate_person(organisation, admin, leaving, {"records_reviews": maker})
    leaving.refresh_from_db()
    assert leaving.is_active and leaving.memberships.exists()


def test_second_factor_reset_needs_a_second_admin(make_staff, organisation):
    from talentbrug.accounts.tests.factories import confirmed_totp

    person = make_staff(organisation, Role.HR_ADVISER)
    confirmed_totp(person)
    first = make_staff(organisation, Role.ORG_ADMIN)
    second = make_staff(organisation, Role.ORG_ADMIN)
    first_client = Client()
    first_client.force_login(first)
    reset = people.request_second_factor_reset(
        organisation, first, person, "Persoonlijk gesproken, pas gezien"
    )
    with pytest.raises(people.ValidationError, match="tweede beheerder"):
        people.confirm_second_factor_reset(reset, first, "Ik heb het zelf ook gezien")
    assert TOTPDevice.objects.filter(user=person).exists()
    people.confirm_second_factor_reset(reset, second, "Teruggebeld op het bekende nummer")
    assert not TOTPDevice.objects.filter(user=person).exists()
    reset.refresh_from_db()
    assert reset.status == SecondFactorReset.Status.DONE and reset.confirmed_by == second
    kinds = set(
        AuditEvent.objects.filter(organisation=organisation, object_id=str(person.pk)).values_list(
            "event_type", flat=True
        )
    )
    assert {"accounts.2fa_reset_requested", "accounts.2fa_reset_done"} <= kinds


def test_every_action_has_words_and_each_role_reads_what_the_table_allows(
    staff_client, organisation
):
    missing = sorted(set(PERMISSIONS) - set(ACTION_LABELS))
    assert not missing, f"Describe these actions in accounts/roles.py ACTION_LABELS: {missing}"
    described = {d.code: [str(line) for line in d.may] for d in role_descriptions()}
    review = str(ACTION_LABELS["records.review"])
    assert review in described[Role.RECORDS_MANAGER] and review not in described[Role.HR_ADVISER]
    page = staff_client(organisation, Role.HR_ADVISER).get(reverse("accounts:roles"))
    assert review.capitalize() in page.content.decode()


def test_organisation_settings_within_the_house_style_and_used_in_mail(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    admin = staff_client(organisation, Role.ORG_ADMIN)
    url = reverse("accounts:organisation_settings")
    data = {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "wordmark": "Dienst ICT\nUitvoering",
        "house_colour": "geel",
        "website": "https://www.dictu.nl",
        "contact_email": "werving@dictu.example.org",
        "contact_phone": "070 123 45 67",
        "mail_sender_name": "Werken bij DICTU",
        "reply_to_email": "antwoord@dictu.example.org",
        "selectielijst": "Selectielijst bedrijfsvoering Rijk 2023",
        "cooling_off_days": 14,
        "rejected_days": 28,
    }
    refused = admin.post(url, data).content.decode()
    assert "slecht leesbaar" in refused
    organisation.refresh_from_db()
    assert organisation.house_colour == "lintblauw"
    too_long = admin.post(url, {**data, "house_colour": "donkerblauw", "wordmark": "a\nb\nc\nd"})
    assert "hoogstens 3 regels" in too_long.content.decode()
    saved = admin.post(url, {**data, "house_colour": "donkerblauw"})
    assert saved.status_code == 302
    organisation.refresh_from_db()
    assert organisation.reply_to_email == "antwoord@dictu.example.org"
    from talentbrug.records.services.collections import records_settings

    assert records_settings(organisation).cooling_off_days == 14
    assert AuditEvent.objects.filter(event_type="accounts.settings_changed").exists()
    # Mail of the organisation goes out with its sender name and Reply-To.
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            reverse("accounts:invite"),
            {"first_name": "A", "last_name": "B", "email": "a.b@example.org", "role": "assessor"},
        )
    message = mail.outbox[-1]
    assert message.reply_to == ["antwoord@dictu.example.org"]
    assert message.from_email.startswith("Werken bij DICTU <")
    assert "werving@dictu.example.org" in message.body


def test_someone_of_another_organisation_gets_the_role_and_a_message(
    make_staff, organisation, other_organisation, django_capture_on_commit_callbacks
):
    colleague = make_staff(other_organisation, Role.HR_ADVISER)
    admin = make_staff(organisation, Role.ORG_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        same = people.invite_person(
            organisation,
            admin,
            email=colleague.email.upper(),
            first_name="X",
            last_name="Y",
            role=Role.ASSESSOR,
        )
    assert same == colleague and same.is_active and same.check_password("Een-goed-wachtwoord-2026")
    assert Membership.objects.filter(user=colleague, organisation=organisation).exists()
    assert "de rol Beoordelaar gegeven" in mail.outbox[-1].body
    assert "/account/uitnodiging/" not in mail.outbox[-1].body


def test_every_action_belongs_to_a_part_of_the_product():
    from talentbrug.accounts.roles import AREAS

    assert {action.split(".", 1)[0] for action in PERMISSIONS} <= set(AREAS)
