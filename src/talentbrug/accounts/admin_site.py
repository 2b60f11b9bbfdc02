"""The technical admin (``/beheer/``) behind the same second factor as the staff area.

Django's own admin asks for a password only. This site never shows its own login form: a
visitor who is not logged in goes to the product's log-in page, a logged-in person without
a verified second factor goes to the product's 2FA step, and only a verified superuser (or
staff user with admin rights) sees an admin page. See SECURITY.md for who may use it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .access import is_verified
from .views import NEXT_KEY


class TalentbrugAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Talentbrug technisch beheer")
    site_title = gettext_lazy("Talentbrug technisch beheer")
    index_title = gettext_lazy("Technisch beheer")

    def has_permission(self, request: HttpRequest) -> bool:
        """Active staff user *and* a verified second factor in this session."""
        return super().has_permission(request) and is_verified(request)

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """No password-only form: send everyone through the product's log-in and 2FA steps."""
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
        if not is_verified(request):
            request.session[NEXT_KEY] = next_url
            return redirect("accounts:two_factor")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied(_("Technisch beheer is alleen voor technisch beheerders."))
        return redirect(next_url)
