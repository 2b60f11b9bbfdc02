"""OpenID Connect single sign-on (mozilla-django-oidc), enabled with OIDC_ENABLED=true.

Only people who already have an account (matched on e-mail) may log in; roles stay managed in
Talentbrug. The identity provider is trusted for the second factor when OIDC_TRUST_MFA is set.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User


# mozilla-django-oidc ships no types, so its base class is Any to mypy.
class TalentbrugOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = (claims.get("email") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> None:
        """Never create accounts from the identity provider: an admin grants roles first."""
        return None
