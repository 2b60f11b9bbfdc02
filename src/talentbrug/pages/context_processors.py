from typing import Any

from django.conf import settings
from django.http import HttpRequest

from talentbrug.accounts.access import is_programme_team, is_verified, organisations_for

from .navigation import nav_for

STAFF_PREFIXES = ("/medewerkers", "/account", "/beheer")


def is_staff_path(path: str) -> bool:
    return path.startswith(STAFF_PREFIXES)


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the base templates need: languages on offer, organisations, the staff menu."""

    staff = is_staff_path(request.path)
    languages = [
        (code, name)
        for code, name in settings.LANGUAGES
        if not staff or code in settings.STAFF_LANGUAGES
    ]
    context: dict[str, Any] = {
        "shell_languages": languages,
        "is_staff_page": staff,
        # The logo area: a staff page shows the active organisation's woordmerk; a public page
        # the Rijk's, unless its view passes the organisation's own (``page_identity``).
        "page_identity": getattr(request, "organisation", None) if staff else None,
    }
    if staff and request.user.is_authenticated:
        context["shell_organisations"] = list(organisations_for(request.user).order_by("name"))

        show_nav = (
            getattr(request, "organisation", None) is not None and is_verified(request)
        ) or is_programme_team(request)
        context["staff_nav"] = nav_for(request) if show_nav else []
    return context
