"""The staff page of the audit log (the log itself is the audit app, below accounts).

It lives in the shell because it needs the access helpers of accounts, and accounts records
its events in audit: the page here keeps audit free of accounts (no import cycle).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from talentbrug.accounts.access import scoped, staff_required
from talentbrug.audit.forms import AuditFilterForm
from talentbrug.audit.models import AuditEvent


@staff_required("audit.view")
def event_list(request: HttpRequest) -> HttpResponse:
    """Events of the active organisation, filterable by type, period and object."""
    events = scoped(AuditEvent.objects.all(), request.organisation).select_related(  # type: ignore[attr-defined]
        "actor", "object_type"
    )
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("event_type"):
            events = events.filter(event_type=data["event_type"])
        if data.get("date_from"):
            events = events.filter(created_at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(created_at__date__lte=data["date_to"])
        if data.get("object_type") and data.get("object_id"):
            app_label, _, model = str(data["object_type"]).partition(".")
            events = events.filter(
                object_type__app_label=app_label,
                object_type__model=model,
                object_id=data["object_id"],
            )
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "audit/event_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
