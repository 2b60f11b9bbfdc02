import pytest
from django.http import Http404
from django.urls import reverse

from talentbrug.accounts import access
from talentbrug.accounts.constants import Role
from talentbrug.accounts.models import Membership
from talentbrug.audit.models import AuditEvent


@pytest.mark.django_db
def test_get_for_organisation_returns_own_object(organisation):
    membership_owner = Membership.objects.create(
        user=_user("a"), organisation=organisation, role=Role.HR_ADVISER
    )
    found = access.get_for_organisation(Membership, organisation, pk=membership_owner.pk)
    assert found == membership_owner


@pytest.mark.django_db
def test_get_for_organisation_hides_other_organisations_objects(organisation, other_organisation):
    foreign = Membership.objects.create(
        user=_user("b"), organisation=other_organisation, role=Role.HR_ADVISER
    )
    with pytest.raises(Http404):
        access.get_for_organisation(Membership, organisation, pk=foreign.pk)
    with pytest.raises(Http404):
        access.get_for_organisation(Membership, None, pk=foreign.pk)
    with pytest.raises(Http404):
        access.get_for_organisation(Membership, organisation, pk="not-a-number")


@pytest.mark.django_db
def test_roles_are_per_organisation(make_staff, organisation, other_organisation):
    user = make_staff(organisation, Role.HR_ADVISER, Role.ASSESSOR)
    Membership.objects.create(user=user, organisation=other_organisation, role=Role.RECORDS_MANAGER)
    assert access.roles_for(user, organisation) == {"hr_adviser", "assessor"}
    assert access.roles_for(user, other_organisation) == {"records_manager"}
    assert set(access.organisations_for(user)) == {organisation, other_organisation}


@pytest.mark.django_db
def test_inactive_organisation_gives_no_access(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    organisation.is_active = False
    organisation.save()
    assert list(access.organisations_for(user)) == []


def test_unknown_action_is_a_programming_error():
    with pytest.raises(KeyError):
        access.staff_required("does.not.exist")


def test_register_permissions_rejects_unknown_roles():
    with pytest.raises(ValueError):
        access.register_permissions({"x.y": ["superhero"]})


@pytest.mark.django_db
def test_switch_organisation_changes_active_organisation_and_is_audited(
    make_staff, organisation, other_organisation
):
    from talentbrug.conftest import verified_client

    user = make_staff(organisation, Role.HR_ADVISER)
    Membership.objects.create(user=user, organisation=other_organisation, role=Role.ORG_ADMIN)
    client = verified_client(user)
    response = client.get(reverse("pages:home"))
    assert response.context["request"].organisation in {organisation, other_organisation}
    client.post(reverse("accounts:switch_organisation"), {"organisation": other_organisation.pk})
    response = client.get(reverse("pages:home"))
    assert response.context["request"].organisation == other_organisation
    assert "Logius" in response.content.decode()
    assert AuditEvent.objects.filter(
        event_type="accounts.organisation_switched", organisation=other_organisation
    ).exists()


@pytest.mark.django_db
def test_cannot_switch_to_organisation_without_role(make_staff, organisation, other_organisation):
    from talentbrug.conftest import verified_client

    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.post(
        reverse("accounts:switch_organisation"),
        {"organisation": other_organisation.pk},
        follow=True,
    )
    assert response.context["request"].organisation == organisation
    assert "geen rol in die organisatie" in response.content.decode()


def _user(name):
    from talentbrug.accounts.tests.factories import UserFactory

    return UserFactory(username=name)
