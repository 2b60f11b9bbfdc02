"""Shell pages: public landing, staff home, accessibility statement, privacy, health."""

from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from talentbrug.accounts.access import is_programme_team, staff_required

from .navigation import attention_for
from .tasks import ping_database


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/landing.html")


@staff_required("home.view")
def _home(request: HttpRequest) -> HttpResponse:
    items = attention_for(request)
    return render(request, "pages/home.html", {"attention_items": items})


def home(request: HttpRequest) -> HttpResponse:
    """The staff home. The programme team, without an organisation role, starts in Insights."""
    if getattr(request, "organisation", None) is None and is_programme_team(request):
        return redirect("insights:vacancies")
    return _home(request)


home.staff_action = "home.view"  # type: ignore[attr-defined]


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 otherwise. No personal data."""
    checks: dict[str, str] = {}
    status = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "error"
        status = 503
    if request.GET.get("workers") == "1":
        try:
            result = ping_database.delay().get(timeout=5)
            checks["workers"] = "ok" if result.get("database") else "error"
        except Exception:
            checks["workers"] = "error"
            status = 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "checks": checks}, status=status
    )
