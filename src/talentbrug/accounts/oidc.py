"""OpenID Connect single sign-on (mozilla-django-oidc), enabled with OIDC_ENABLED=true.

Only people who already have an account (matched on e-mail) may log in: an organisation admin
invites them first (Medewerkers → Nodig een collega uit). The identity provider is trusted for
the second factor when OIDC_TRUST_MFA is set.

Roles from claims (optional): with ``OIDC_ROLE_CLAIM`` (say ``groups``) and ``OIDC_ROLE_MAP``
(``group=org-slug:role`` pairs separated by ``;``, e.g.
``tb-dictu-hr=dictu:hr_adviser;tb-dictu-archief=dictu:records_manager``) every log-in brings
the person's roles in line with the claim, for the mapped (organisation, role) pairs only:
a mapped group present gives the role, a mapped group absent takes it. Roles that no mapping
names stay as the organisation admin set them. Each change is in the organisation's log as
"Rol ... gegeven/afgenomen" by the system.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from talentbrug.audit.services import record_event

from .constants import Role
from .models import Membership, Organisation, User


def parse_role_map(text: str) -> dict[str, tuple[str, str]]:
    """``"g1=dictu:hr_adviser;g2=dictu:org_admin"`` → {group: (org slug, role)}."""
    mapping: dict[str, tuple[str, str]] = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        group, _sep, target = part.partition("=")
        slug, _sep2, role = target.partition(":")
        group, slug, role = group.strip(), slug.strip(), role.strip()
        if not group or not slug or role not in Role.values:
            raise ValueError(f"OIDC_ROLE_MAP entry {part!r} is not group=org-slug:role")
        mapping[group] = (slug, role)
    return mapping


def claimed_groups(claims: dict[str, Any], claim: str) -> set[str]:
    value = claims.get(claim)
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return set()


@transaction.atomic
def sync_roles(user: User, claims: dict[str, Any], claim: str, role_map: str) -> int:
    """Give and take the mapped roles according to the claim; returns the number of changes."""
    mapping = parse_role_map(role_map)
    if not claim or not mapping:
        return 0
    groups = claimed_groups(claims, claim)
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={s for s, _r in mapping.values()})
    }
    wanted = {target for group, target in mapping.items() if group in groups}
    changes = 0
    for slug, role in set(mapping.values()):
        organisation = organisations.get(slug)
        if organisation is None:
            continue
        held = Membership.objects.filter(user=user, organisation=organisation, role=role)
        if (slug, role) in wanted and not held.exists():
            Membership.objects.create(user=user, organisation=organisation, role=role)
            record_event(
                "accounts.role_granted", organisation=organisation, obj=user, new_role=role
            )
            changes += 1
        elif (slug, role) not in wanted and held.exists():
            held.delete()
            record_event(
                "accounts.role_revoked", organisation=organisation, obj=user, new_role=role
            )
            changes += 1
    return changes


# mozilla-django-oidc ships no types, so its base class is Any to mypy.
class TalentbrugOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = (claims.get("email") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> None:
        """Never create accounts from the identity provider: an admin invites people first."""
        return None

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        sync_roles(
            user,
            claims,
            getattr(settings, "OIDC_ROLE_CLAIM", ""),
            getattr(settings, "OIDC_ROLE_MAP", ""),
        )
        return user
