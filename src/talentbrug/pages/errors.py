from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .middleware import database_unavailable_response, is_database_down, log_database_down


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/403.html", {"reason": str(exception or "")}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A request Django cannot read (a broken upload, headers over a limit): say what to do."""
    return render(request, "pages/400.html", status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "pages/404.html", status=404)


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
