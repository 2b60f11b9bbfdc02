"""Pages of the organisation admin: people, roles, invitations, settings.

Thin views: parse, authorise (``staff_required``), call :mod:`talentbrug.accounts.people`,
respond. Every person is fetched through ``people.get_member`` (404 for another organisation).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import magiclinks, people, services
from .access import can, scoped, staff_required
from .branding import LOGO_CONTENT_TYPES
from .constants import Role
from .forms import DeactivateForm, IdentityCheckForm, InviteForm, OrganisationSettingsForm, RoleForm
from .models import Membership, Organisation, SecondFactorReset, User
from .roles import role_descriptions
from .workload import open_work


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _person_rows(request: HttpRequest) -> list[dict[str, Any]]:
    organisation = request.organisation  # type: ignore[attr-defined]
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "role")
    )
    rows: dict[int, dict[str, Any]] = {}
    for membership in memberships:
        user = membership.user
        entry = rows.setdefault(
            user.pk,
            {
                "user": user,
                "roles": [],
                "two_factor": services.has_second_factor(user),
                "invited": not user.is_active and user.deactivated_at is None,
                "locked": people.is_locked(user),
            },
        )
        entry["roles"].append(membership.get_role_display())
    return list(rows.values())


@staff_required("organisation.view_members")
def members(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/members.html",
        {
            "people": _person_rows(request),
            "can_manage": can(request, "people.manage"),
            "resets": people.open_resets(request.organisation)  # type: ignore[attr-defined]
            if can(request, "people.reset_second_factor")
            else [],
        },
    )


@staff_required("organisation.view_members")
def roles(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/people/roles.html", {"roles": role_descriptions()})


@staff_required("people.manage")
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = people.invite_person(
                request.organisation,  # type: ignore[attr-defined]
                request.user,  # type: ignore[arg-type]
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if user.is_active:
                messages.success(
                    request,
                    _("%(name)s had al een account en heeft nu de rol hier.") % {"name": user},
                )
            else:
                messages.success(
                    request,
                    _("Uitnodiging verstuurd naar %(email)s.") % {"email": user.email},
                )
            return redirect("accounts:person", pk=user.pk)
    return render(request, "accounts/people/invite.html", {"form": form})


@staff_required("people.manage")
def person(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    held = list(Membership.objects.filter(user=user, organisation=organisation).order_by("role"))
    return render(
        request,
        "accounts/people/person.html",
        {
            "person": user,
            "memberships": held,
            "role_form": RoleForm(exclude={m.role for m in held}),
            "check_form": IdentityCheckForm(),
            "two_factor": services.has_second_factor(user),
            "locked": people.is_locked(user),
            "refused": people.refused_while_locked(user),
            "invited": not user.is_active and user.deactivated_at is None,
            "invitation_expired": people.invitation_expired(user),
            "open_reset": people.open_resets(organisation).filter(user=user).first(),
            "is_self": user.pk == request.user.pk,
            "work": open_work(user, organisation),
        },
    )


@require_POST
@staff_required("people.manage")
def role_grant(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een rol uit de lijst."))
        return redirect("accounts:person", pk=user.pk)
    try:
        people.grant_role(organisation, request.user, user, form.cleaned_data["role"])  # type: ignore[arg-type]
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("%(name)s heeft nu de rol %(role)s.")
            % {"name": user, "role": Role(form.cleaned_data["role"]).label},
        )
    return redirect("accounts:person", pk=user.pk)


@require_POST
@staff_required("people.manage")
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    role = request.POST.get("role", "")
    try:
        people.revoke_role(organisation, request.user, user, role)  # type: ignore[arg-type]
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("Rol %(role)s afgenomen van %(name)s.") % {"role": Role(role).label, "name": user},
        )
    return redirect("accounts:person", pk=user.pk)


@require_POST
@staff_required("people.manage")
def resend(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    try:
        people.resend_invitation(organisation, request.user, user)  # type: ignore[arg-type]
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Nieuwe uitnodiging verstuurd; de oude link werkt niet meer."))
    return redirect("accounts:person", pk=user.pk)


@require_POST
@staff_required("people.manage")
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    people.unlock_person(organisation, request.user, user)  # type: ignore[arg-type]
    messages.success(request, _("%(name)s kan weer inloggen.") % {"name": user})
    return redirect("accounts:person", pk=user.pk)


@staff_required("people.manage")
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    work = open_work(user, organisation)
    form = DeactivateForm(request.POST or None, work=work)
    if request.method == "POST" and form.is_valid():
        try:
            moved = people.deactivate_person(
                organisation,
                request.user,  # type: ignore[arg-type]
                user,
                form.hand_over(),  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s is uitgeschakeld. %(count)s openstaande taken zijn overgedragen.")
                % {"name": user, "count": moved},
            )
            return redirect("accounts:members")
    return render(
        request,
        "accounts/people/deactivate.html",
        {"person": user, "form": form, "work": work},
    )


@require_POST
@staff_required("people.reset_second_factor")
def reset_request(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    user = people.get_member(organisation, pk)
    form = IdentityCheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf op hoe u de identiteit heeft gecontroleerd."))
        return redirect("accounts:person", pk=user.pk)
    try:
        people.request_second_factor_reset(
            organisation,
            request.user,  # type: ignore[arg-type]
            user,
            form.cleaned_data["check"],
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("Verzoek vastgelegd. Een tweede beheerder moet de identiteit ook controleren."),
        )
    return redirect("accounts:person", pk=user.pk)


def _reset(request: HttpRequest, pk: int) -> SecondFactorReset:
    found = scoped(SecondFactorReset.objects.all(), request.organisation).filter(pk=pk).first()  # type: ignore[attr-defined]
    if found is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return found


@require_POST
@staff_required("people.reset_second_factor")
def reset_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    reset = _reset(request, pk)
    form = IdentityCheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf op hoe u de identiteit zelf heeft gecontroleerd."))
        return redirect("accounts:person", pk=reset.user_id)
    try:
        people.confirm_second_factor_reset(reset, request.user, form.cleaned_data["check"])  # type: ignore[arg-type]
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _(
                "Tweestapsverificatie hersteld. %(name)s stelt bij de volgende keer inloggen een "
                "nieuwe in."
            )
            % {"name": reset.user},
        )
    return redirect("accounts:person", pk=reset.user_id)


@require_POST
@staff_required("people.reset_second_factor")
def reset_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    reset = _reset(request, pk)
    try:
        people.cancel_second_factor_reset(reset, request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Verzoek ingetrokken."))
    return redirect("accounts:person", pk=reset.user_id)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation: choose a password, then set up the second factor."""
    try:
        user = people.read_invitation(token)
    except magiclinks.LinkProblem as problem:
        return render(
            request,
            "accounts/people/invitation_problem.html",
            {"reason": problem.reason},
            status=410,
        )
    form = SetPasswordForm(user, request.POST or None)
    for field in form.fields.values():
        field.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
    if request.method == "POST" and form.is_valid():
        try:
            people.accept_invitation(request, token, form.cleaned_data["new_password1"])
        except magiclinks.LinkProblem as problem:
            return render(
                request,
                "accounts/people/invitation_problem.html",
                {"reason": problem.reason},
                status=410,
            )
        messages.success(
            request, _("Uw wachtwoord is opgeslagen. Stel nu tweestapsverificatie in.")
        )
        return redirect("accounts:setup")
    return render(request, "accounts/people/invitation.html", {"form": form, "person": user})


@staff_required("organisation.settings")
def organisation_settings(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    initial = people.current_terms(organisation)
    form = OrganisationSettingsForm(
        request.POST or None, request.FILES or None, instance=organisation, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            people.update_organisation_settings(
                organisation,
                request.user,  # type: ignore[arg-type]
                {f: form.cleaned_data.get(f) for f in people.ORGANISATION_FIELDS},
                terms={key: form.cleaned_data[key] for key in initial},
                logo=form.cleaned_data.get("logo_upload"),
                remove_logo=bool(form.cleaned_data.get("remove_logo")),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Instellingen opgeslagen."))
            return redirect("accounts:organisation_settings")
    return render(request, "accounts/people/settings.html", {"form": form})


@require_GET
def organisation_logo(request: HttpRequest, slug: str) -> FileResponse:
    """An organisation's own logo, for every visitor (it stands on the public careers pages).
    Served as the image type its content was checked to be, never as markup."""
    organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
    if organisation is None or not organisation.logo:
        raise Http404(_("Deze organisatie heeft geen eigen logo."))
    extension = str(organisation.logo.name or "").rsplit(".", 1)[-1].lower()
    content_type = LOGO_CONTENT_TYPES.get(extension)
    if content_type is None:
        raise Http404(_("Deze organisatie heeft geen eigen logo."))
    try:
        handle = organisation.logo.open("rb")
    except OSError:
        raise Http404(_("Deze organisatie heeft geen eigen logo.")) from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = "inline"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # The URL changes with every new logo (?v=), so it may be kept long.
    response["Cache-Control"] = "public, max-age=86400"
    return response


__all__ = ["User"]
