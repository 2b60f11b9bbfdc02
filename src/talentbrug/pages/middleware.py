"""A friendly 503 while the database cannot be reached (such as during a PostgreSQL restart).

A view that raises :class:`django.db.utils.OperationalError` or ``InterfaceError`` gets the
static page ``pages/503.html`` with ``Retry-After`` instead of a bare 500. The page is rendered
without a request, so no context processor runs and nothing touches the database (the shell
context processor would look up the user's organisations). Every other exception keeps its
normal path (404, 403, 500, …).

Nothing is committed half-way: ``ATOMIC_REQUESTS`` is off, and every state change runs in a
service under ``transaction.atomic``; an error inside that block rolls the whole change back
(and drops its ``on_commit`` e-mails) before the exception reaches this hook. This middleware
only turns the error into a page; it never writes.

The log line names the error class, the HTTP method and the URL name only: no path (portal
links carry tokens), no query, no message text (it can quote SQL parameters).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from talentbrug.accounts.branding import RIJK_IDENTITY

logger = logging.getLogger("talentbrug.pages.database")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def is_database_down(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_ERRORS)


def database_unavailable_response() -> HttpResponse:
    """The 503 page. No request, no context processors: no database query."""
    html = render_to_string(
        "pages/503.html", {"retry_after": RETRY_AFTER_SECONDS, "rijk_identity": RIJK_IDENTITY}
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # a proxy must not keep serving the 503 afterwards
    # Logged by log_database_down (no path); keep Django from logging "Service Unavailable:
    # <path>" as well: a portal log-in path carries the candidate's token.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def log_database_down(request: HttpRequest, exception: BaseException) -> None:
    match = getattr(request, "resolver_match", None)
    logger.warning(
        "database unavailable: %s during %s %s; answered 503",
        type(exception).__name__,
        request.method,
        getattr(match, "view_name", "") or "-",
    )


class DatabaseUnavailableMiddleware:
    """Turn a database connection error raised by a view into the static 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_down(exception):
            return None  # the normal path: 404, 403, the 500 handler
        log_database_down(request, exception)
        return database_unavailable_response()


class StaffLanguageMiddleware:
    """Staff pages speak Dutch or English only (``STAFF_LANGUAGES``).

    The language cookie is shared by the whole site: a candidate who chose Arabic on the careers
    site and then opens the staff login would otherwise get a right-to-left page with Dutch labels
    (the staff texts have no Arabic translation). On staff paths another language falls back to
    the default. Runs right after ``LocaleMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        from .context_processors import is_staff_path

        if is_staff_path(request.path) and translation.get_language() not in (
            settings.STAFF_LANGUAGES
        ):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE  # type: ignore[attr-defined]
        return self.get_response(request)
