"""The staff page of the audit log (the log itself is the audit app, below accounts).

It lives in the shell because it needs the access helpers of accounts, and accounts records
its events in audit: the page here keeps audit free of accounts (no import cycle).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import can, scoped, staff_required
from talentbrug.accounts.models import User
from talentbrug.audit.forms import SECURITY, AuditFilterForm
from talentbrug.audit.models import AuditEvent
from talentbrug.audit.registry import SECURITY_EVENTS
from talentbrug.audit.services import record_event
from talentbrug.spreadsheets import csv_bytes, xlsx_bytes

EXPORT_LIMIT = 100_000


def _people(request: HttpRequest) -> QuerySet[User]:
    """Everyone who appears in this organisation's log, or has a role in it."""
    organisation = request.organisation  # type: ignore[attr-defined]
    actors = scoped(AuditEvent.objects.all(), organisation).values("actor")
    return (
        User.objects.filter(pk__in=actors)
        .union(User.objects.filter(memberships__organisation=organisation))
        .order_by("last_name", "first_name")
    )


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEvent]]:
    events = scoped(AuditEvent.objects.all(), request.organisation).select_related(  # type: ignore[attr-defined]
        "actor", "object_type"
    )
    form = AuditFilterForm(request.GET or None, people=list(_people(request)))
    if form.is_valid():
        data = form.cleaned_data
        if data.get("person"):
            events = events.filter(actor_id=data["person"])
        if data.get("event_type") == SECURITY:
            events = events.filter(event_type__in=SECURITY_EVENTS)
        elif data.get("event_type"):
            events = events.filter(event_type=data["event_type"])
        if data.get("date_from"):
            events = events.filter(created_at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(created_at__date__lte=data["date_to"])
        if data.get("object_type") and data.get("object_id"):
            app_label, _sep, model = str(data["object_type"]).partition(".")
            events = events.filter(
                object_type__app_label=app_label,
                object_type__model=model,
                object_id=data["object_id"],
            )
    elif form.is_bound:
        events = events.none()
    return form, events


@staff_required("audit.view")
def event_list(request: HttpRequest) -> HttpResponse:
    """Events of the active organisation, filterable by person, type, period and object."""
    form, events = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "audit/event_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_export": can(request, "audit.export"),
        },
    )


def _who(event: AuditEvent) -> str:
    return str(event.actor) if event.actor else event.actor_label


@staff_required("audit.export")
def export(request: HttpRequest) -> HttpResponse:
    """The filtered log as CSV or XLSX (``?formaat=``), in words (the same text as on the page)."""
    fmt = request.GET.get("formaat", "csv")
    if fmt not in ("csv", "xlsx"):
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    _form, events = _filtered(request)
    rows = [
        [
            timezone.localtime(event.created_at).strftime("%Y-%m-%d %H:%M:%S"),
            event.message,
            _who(event),
            event.actor_role_label,
            f"{event.object_type.name} #{event.object_id}" if event.object_type else "",
        ]
        for event in events[:EXPORT_LIMIT]
    ]
    header = [_("Wanneer"), _("Wat"), _("Wie"), _("Rol"), _("Object")]
    record_event(
        "audit.exported",
        actor=request.user,
        organisation=request.organisation,  # type: ignore[attr-defined]
        format=fmt.upper(),
        count=len(rows),
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(csv_bytes(header, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            xlsx_bytes(str(_("Logboek")), header, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="logboek-{stamp}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
