"""Log-in with a second factor, organisation switching, the member list."""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .access import SignedInRequest, is_verified, organisations_for
from .forms import LoginForm, SwitchOrganisationForm, TokenForm
from .lockout import address_blocked, address_blocked_response

NEXT_KEY = "talentbrug_next"


class TalentbrugLoginView(LoginView[LoginForm]):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = False

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if address_blocked(request):
            return address_blocked_response(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: LoginForm) -> HttpResponse:
        super().form_valid(form)
        next_url = self.get_redirect_url()
        if next_url:
            self.request.session[NEXT_KEY] = next_url
        return redirect("accounts:two_factor")


def _next_url(request: HttpRequest) -> str:
    url = request.session.pop(NEXT_KEY, "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return str(url)
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def two_factor(request: SignedInRequest) -> HttpResponse:
    """Send the user on: verified → on; enrolled → code; not enrolled → set up."""
    if is_verified(request):
        return redirect(_next_url(request))
    if services.has_second_factor(request.user):
        return redirect("accounts:verify")
    return redirect("accounts:setup")


@login_required
def setup(request: SignedInRequest) -> HttpResponse:
    user = request.user
    if services.has_second_factor(user):
        return redirect("accounts:verify")
    device = services.pending_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_totp_enrolment(request, user, form.cleaned_data["token"])
        if codes is not None:
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error(
            "token", _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
        )
    qr = segno.make(device.config_url, error="m")
    secret_b32 = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, title=_("QR-code voor uw authenticator-app")),
            "secret": " ".join(secret_b32[i : i + 4] for i in range(0, len(secret_b32), 4)),
        },
    )


@login_required
def verify(request: SignedInRequest) -> HttpResponse:
    user = request.user
    if is_verified(request):
        return redirect(_next_url(request))
    if not services.has_second_factor(user):
        return redirect("accounts:setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_second_factor(request, user, form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet of is al gebruikt. Probeer het opnieuw."))
    return render(request, "accounts/verify.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("U bent uitgelogd."))
    return redirect("accounts:login")


@require_POST
@login_required
def switch_organisation(request: SignedInRequest) -> HttpResponse:
    form = SwitchOrganisationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een organisatie uit de lijst."))
        return redirect("pages:home")
    organisation = (
        organisations_for(request.user).filter(pk=form.cleaned_data["organisation"]).first()
    )
    if organisation is None:
        messages.error(request, _("U heeft geen rol in die organisatie."))
        return redirect("pages:home")
    services.switch_organisation(request, request.user, organisation)
    messages.success(request, _("U werkt nu voor %(org)s.") % {"org": organisation.name})
    return redirect("pages:home")
