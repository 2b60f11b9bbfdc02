"""Puts the active organisation and the user's roles in it on every request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .access import organisations_for, roles_for

SESSION_KEY = "talentbrug_organisation_id"


class OrganisationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The attributes access.StaffRequest declares are set here, on a plain HttpRequest.
        request.organisation = None  # type: ignore[attr-defined]
        request.roles = frozenset()  # type: ignore[attr-defined]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            organisations = organisations_for(user)
            chosen = request.session.get(SESSION_KEY)
            organisation = None
            if chosen is not None:
                organisation = organisations.filter(pk=chosen).first()
            if organisation is None:
                organisation = organisations.order_by("name").first()
                if organisation is not None:
                    request.session[SESSION_KEY] = organisation.pk
            request.organisation = organisation  # type: ignore[attr-defined]
            request.roles = roles_for(user, organisation)  # type: ignore[attr-defined]
        return self.get_response(request)
