"""Destroying a list's documents and the declaration of destruction (CSV, XLSX, PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talentbrug import spreadsheets
from talentbrug.accounts.access import (
    staff_required,
)
from talentbrug.core.forms import show_errors

from .. import declarations
from ..constants import (
    ListStatus,
)
from ..forms import (
    DestroyConfirmForm,
)
from ..tasks import destroy_destruction_list
from ..workflow import LIST_FLOW
from .lookups import list_for


@require_POST
@staff_required("records.manage")
def list_destroy(request: HttpRequest, pk: int) -> HttpResponse:

    dl = list_for(request, pk)
    if dl.status != ListStatus.DESTROYING:  # a stopped run may always be finished
        try:
            LIST_FLOW.check(dl, "start_destruction", user=request.user, roles=request.roles)  # type: ignore[attr-defined]
        except ValidationError as exc:
            show_errors(request, exc)
            return redirect("records:list_detail", pk=dl.pk)
    if dl.status == ListStatus.COOLING_OFF:
        form = DestroyConfirmForm(request.POST, expected=dl.name)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["name"]))
            return redirect(reverse("records:list_detail", kwargs={"pk": dl.pk}) + "#vernietigen")
    try:
        destroy_destruction_list.delay(dl.pk, request.user.pk)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De vernietiging is gestart."))
    return redirect("records:list_detail", pk=dl.pk)


def _declaration(
    request: HttpRequest, pk: int, build: Any, content_type: str, extension: str
) -> HttpResponse:
    """Download the declaration of destruction in one format (CSV, XLSX or PDF)."""
    dl = list_for(request, pk)
    try:
        data = build(dl, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("records:list_detail", pk=dl.pk)
    response = HttpResponse(data, content_type=content_type)
    name = f"verklaring-vernietiging-{dl.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@staff_required("records.view")
def declaration_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _declaration(
        request, pk, declarations.declaration_csv, spreadsheets.CSV_CONTENT_TYPE, "csv"
    )


@require_GET
@staff_required("records.view")
def declaration_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    return _declaration(
        request, pk, declarations.declaration_xlsx, declarations.XLSX_CONTENT_TYPE, "xlsx"
    )


@require_GET
@staff_required("records.view")
def declaration_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _declaration(request, pk, declarations.declaration_pdf, "application/pdf", "pdf")
