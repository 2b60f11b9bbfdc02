"""Every accounts URL and who may use it (collected by tests/test_authorisation.py)."""

from __future__ import annotations

from typing import Any

from talentbrug.tests.authz import LOGIN, PUBLIC, STAFF, UrlCase


def _member(org: Any) -> dict[str, Any]:
    from talentbrug.accounts.constants import Role

    from .factories import MembershipFactory

    return {"pk": MembershipFactory(organisation=org, role=Role.ASSESSOR).user_id}


def _reset(org: Any) -> dict[str, Any]:
    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.models import SecondFactorReset

    from .factories import MembershipFactory

    person = MembershipFactory(organisation=org, role=Role.ASSESSOR).user
    asker = MembershipFactory(organisation=org, role=Role.ORG_ADMIN).user
    return {
        "pk": SecondFactorReset.objects.create(
            organisation=org, user=person, requested_by=asker, identity_check="Gezien, pas getoond"
        ).pk
    }


def _invitation(org: Any) -> dict[str, Any]:
    from talentbrug.accounts import people
    from talentbrug.accounts.constants import Role

    from .factories import MembershipFactory

    admin = MembershipFactory(organisation=org, role=Role.ORG_ADMIN).user
    invited = people.invite_person(
        org,
        admin,
        email="nieuw@example.org",
        first_name="Nieuw",
        last_name="Collega",
        role="hr_adviser",
    )
    return {"token": people.invitation_url(invited).rstrip("/").rsplit("/", 1)[1]}


def _post(name: str, action: str, make: Any) -> UrlCase:
    return UrlCase(name, STAFF, action, method="post", make_kwargs=make, ok_status=(302,))


def _logo(org: Any) -> dict[str, Any]:
    """An organisation with its own logo (a small PNG)."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (21, 66, 115)).save(out, format="PNG")
    org.logo.save(f"{org.slug}-0123456789ab.png", ContentFile(out.getvalue()))
    return {"slug": org.slug}


URL_CASES = [
    UrlCase("accounts:login", PUBLIC),
    UrlCase("accounts:logout", PUBLIC, method="post", ok_status=(302,)),
    UrlCase("accounts:two_factor", LOGIN, ok_status=(302,)),
    UrlCase("accounts:setup", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:verify", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:switch_organisation", LOGIN, method="post", ok_status=(302,)),
    UrlCase("accounts:members", STAFF, "organisation.view_members"),
    UrlCase("accounts:invitation", PUBLIC, make_kwargs=_invitation),
    UrlCase("accounts:organisation_logo", PUBLIC, make_kwargs=_logo),
    UrlCase("accounts:roles", STAFF, "organisation.view_members"),
    UrlCase("accounts:invite", STAFF, "people.manage"),
    UrlCase("accounts:organisation_settings", STAFF, "organisation.settings"),
    UrlCase("accounts:person", STAFF, "people.manage", make_kwargs=_member),
    UrlCase("accounts:deactivate", STAFF, "people.manage", make_kwargs=_member),
    _post("accounts:role_grant", "people.manage", _member),
    _post("accounts:role_revoke", "people.manage", _member),
    _post("accounts:resend_invitation", "people.manage", _member),
    _post("accounts:unlock", "people.manage", _member),
    _post("accounts:reset_request", "people.reset_second_factor", _member),
    _post("accounts:reset_confirm", "people.reset_second_factor", _reset),
    _post("accounts:reset_cancel", "people.reset_second_factor", _reset),
]
