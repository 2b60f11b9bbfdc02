"""URL map for bench/bench_careers.py: the project's URLs plus /bench-floor/ (the framework floor).

Not a benchmark itself: running this file directly (as ``python -m bench`` does) does nothing.
"""

if __name__ == "__main__":  # pragma: no cover - `python -m bench` runs every bench_*.py
    raise SystemExit(0)

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def floor(request: HttpRequest) -> HttpResponse:
    """The cheapest Django answer: no database, no template. Everything else is on top of this."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench-floor/", floor, name="bench_floor"),
    path("", include("talentbrug.urls")),
]

handler403 = "talentbrug.pages.errors.forbidden"
handler404 = "talentbrug.pages.errors.not_found"
