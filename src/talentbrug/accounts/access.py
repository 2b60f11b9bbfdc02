"""Central access helpers. Every object that belongs to an organisation is fetched here.

Views never call ``Model.objects.get(pk=...)`` for tenant data: they call
:func:`get_for_organisation` (or :func:`scoped`) with the active organisation, so an id
from another organisation gives 404, not someone else's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .constants import Role
from .models import Membership, Organisation, User

ALL_ROLES: frozenset[str] = frozenset(Role.values)
HR = Role.HR_ADVISER.value
MANAGER = Role.HIRING_MANAGER.value
ASSESSOR = Role.ASSESSOR.value
ONBOARDING = Role.ONBOARDING_COORDINATOR.value
RECORDS = Role.RECORDS_MANAGER.value
ARCHIVIST = Role.ARCHIVIST.value
ADMIN = Role.ORG_ADMIN.value

# The permission table: action -> roles that may do it in the active organisation.
# Apps add their actions here so there is one place to read who may do what.
PERMISSIONS: dict[str, frozenset[str]] = {
    "home.view": ALL_ROLES,
    "audit.view": frozenset({ADMIN, HR, RECORDS}),
    "audit.export": frozenset({ADMIN}),
    "organisation.view_members": frozenset({ADMIN, HR}),
    "organisation.settings": frozenset({ADMIN}),
    "people.manage": frozenset({ADMIN}),
    "people.reset_second_factor": frozenset({ADMIN}),
}

M = TypeVar("M", bound=models.Model)


def register_permissions(table: dict[str, Iterable[str]]) -> None:
    """Let an app add its actions to the permission table (at import of its access module)."""
    for action, roles in table.items():
        unknown = set(roles) - ALL_ROLES
        if unknown:
            raise ValueError(f"Unknown roles for {action}: {sorted(unknown)}")
        PERMISSIONS[action] = frozenset(roles)


def organisations_for(user: User | Any) -> models.QuerySet[Organisation]:
    """The active organisations in which the user holds at least one role."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, is_active=True).distinct()


def roles_for(user: User | Any, organisation: Organisation | None) -> frozenset[str]:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(
        Membership.objects.filter(user=user, organisation=organisation).values_list(
            "role", flat=True
        )
    )


def user_can(user: User | Any, organisation: Organisation | None, action: str) -> bool:
    """May this user do ``action`` in this organisation? (For services and background jobs.)"""
    if action not in PERMISSIONS:
        raise KeyError(f"Action {action!r} is not in the permission table")
    return bool(roles_for(user, organisation) & PERMISSIONS[action])


def users_who_can(organisation: Organisation, action: str) -> models.QuerySet[User]:
    """The active people who may do ``action`` in this organisation."""
    if action not in PERMISSIONS:
        raise KeyError(f"Action {action!r} is not in the permission table")
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role__in=PERMISSIONS[action],
        )
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def can(request: HttpRequest, action: str) -> bool:
    """May the user do ``action`` in the active organisation?"""
    if action not in PERMISSIONS:
        raise KeyError(f"Action {action!r} is not in the permission table")
    roles: frozenset[str] = getattr(request, "roles", frozenset())
    return bool(roles & PERMISSIONS[action])


def is_verified(request: HttpRequest) -> bool:
    """Logged in with a second factor (or the local demo that may skip it)."""
    user = request.user
    if not user.is_authenticated:
        return False
    if settings.TALENTBRUG_DEMO_SKIP_2FA:
        return True
    return bool(getattr(user, "is_verified", lambda: False)())


def is_programme_team(request: HttpRequest) -> bool:
    """A member of the cross-government programme team (no organisation role), verified."""
    return bool(getattr(request.user, "is_programme_team", False)) and is_verified(request)


def scoped(queryset: models.QuerySet[M], organisation: Organisation | None) -> models.QuerySet[M]:
    """Limit a queryset of organisation-owned objects to one organisation."""
    if organisation is None:
        return queryset.none()
    return queryset.filter(organisation=organisation)


def get_for_organisation(
    model_or_queryset: type[M] | models.QuerySet[M],
    organisation: Organisation | None,
    **lookup: Any,
) -> M:
    """Fetch one object of the organisation, or raise 404 (also for other organisations' ids)."""
    if isinstance(model_or_queryset, models.QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
    try:
        return scoped(queryset, organisation).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe.")) from None


class SignedInRequest(HttpRequest):
    """The request a ``login_required`` view receives: ``user`` is a signed-in :class:`User`
    (narrower than HttpRequest's ``AbstractBaseUser | AnonymousUser``)."""

    user: User


class StaffRequest(SignedInRequest):
    """The request a :func:`staff_required` view receives: annotate staff views with it.

    ``OrganisationMiddleware`` sets ``organisation`` and ``roles`` on every request;
    ``staff_required`` lets only a signed-in, verified user with an active organisation through,
    so here neither is empty.
    """

    organisation: Organisation
    roles: frozenset[str]


ViewFunc = Callable[..., HttpResponse]


def staff_required(action: str) -> Callable[[ViewFunc], ViewFunc]:
    """Decorator for staff views: logged in, second factor, an organisation, and the permission."""
    if action not in PERMISSIONS:
        raise KeyError(f"Action {action!r} is not in the permission table")

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect(f"{settings_login_url()}?next={request.get_full_path()}")
            if not is_verified(request):
                return redirect("accounts:two_factor")
            if getattr(request, "organisation", None) is None:
                raise PermissionDenied(_("U heeft nog geen rol in een organisatie."))
            if not can(request, action):
                raise PermissionDenied(_("Uw rol geeft geen toegang tot deze pagina."))
            return view(request, *args, **kwargs)

        # A function attribute (read by the authorisation table test): not in Callable's type.
        wrapper.staff_action = action  # type: ignore[attr-defined]
        return wrapper

    return decorator


def programme_team_required(
    staff_action: str, message: str | None = None
) -> Callable[[ViewFunc], ViewFunc]:
    """Decorator for the programme team's rijksbreed pages: logged in, second factor, and a
    member of the cross-government programme team (no organisation role needed)."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect(f"{settings_login_url()}?next={request.get_full_path()}")
            if not is_verified(request):
                return redirect("accounts:two_factor")
            if not getattr(request.user, "is_programme_team", False):
                raise PermissionDenied(message or _("Alleen het programmateam ziet deze pagina."))
            return view(request, *args, **kwargs)

        wrapper.staff_action = staff_action  # type: ignore[attr-defined]
        return wrapper

    return decorator


def settings_login_url() -> str:
    from django.urls import reverse

    return reverse(settings.LOGIN_URL)
