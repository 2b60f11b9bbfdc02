from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .context_processors import is_staff_path
from .middleware import database_unavailable_response, is_database_down, log_database_down


def for_staff(request: HttpRequest) -> bool:
    """Staff pages and signed-in staff read "u" (staff base); everyone else, candidates and new
    hires first, reads "je" (WORDS.md)."""
    user = getattr(request, "user", None)
    return is_staff_path(request.path) or bool(user is not None and user.is_authenticated)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Staff see why (the role check's own message, written for staff); anyone else a plain
    page in their tone, without a message meant for staff."""
    if for_staff(request):
        context = {"reason": str(exception or "")}
        return render(request, "pages/403_staff.html", context, status=403)
    return render(request, "pages/403.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A request Django cannot read (a broken upload, headers over a limit): say what to do."""
    template = "pages/400_staff.html" if for_staff(request) else "pages/400.html"
    return render(request, template, status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = "pages/404_staff.html" if for_staff(request) else "pages/404.html"
    return render(request, template, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler. A database error raised outside a view (the session or the user's
    organisation looked up by a middleware while PostgreSQL restarts) still gets the friendly
    503 of :mod:`.middleware`; everything else gets Django's plain 500."""
    import sys

    from django.views.defaults import server_error as default_server_error

    exception = sys.exc_info()[1]
    if is_database_down(exception):
        assert exception is not None
        log_database_down(request, exception)
        return database_unavailable_response()
    return default_server_error(request)
