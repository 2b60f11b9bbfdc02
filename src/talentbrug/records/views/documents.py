"""One document: its page, dates, exceptions (overrides), download and legal hold."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talentbrug.accounts.access import (
    can,
    get_for_organisation,
    staff_required,
)
from talentbrug.audit.services import record_event
from talentbrug.core.forms import show_errors
from talentbrug.docanalysis.policy import safe_name

from ..constants import (
    OverrideStatus,
)
from ..forms import (
    CommentForm,
    DocumentDatesForm,
    LegalHoldForm,
    OverrideRequestForm,
)
from ..models import (
    DestructionOverride,
    Document,
)
from ..retention import document_verdict
from ..services import overrides as overrides_services
from ..services import triage as triage_services
from ..suggestions import suggest
from ..workflow import OVERRIDE_FLOW


@require_GET
@staff_required("records.view")
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_for_organisation(
        Document.objects.select_related("collection", "category", "decided_by"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )
    return _document_page(
        request, document, LegalHoldForm(initial={"hold": not document.legal_hold})
    )


def _with_moves(flow: Any, request: HttpRequest, objects: Any) -> list[Any]:
    """The objects, each with ``moves``: the names of the moves this person may make now."""
    roles = getattr(request, "roles", frozenset())
    found = list(objects)
    for obj in found:
        obj.moves = flow.available_names(request.user, obj, roles=roles)
    return found


def _document_page(
    request: HttpRequest, document: Document, hold_form: LegalHoldForm
) -> HttpResponse:
    return render(
        request,
        "records/document_detail.html",
        {
            "document": document,
            "suggestion": suggest(document) if not document.destroyed_at else None,
            "hold_form": hold_form,
            "can_manage": can(request, "records.manage"),
            "can_triage": can(request, "records.triage"),
            "can_review": can(request, "records.review"),
            "items": document.destruction_items.select_related("destruction_list"),
            "verdict": document_verdict(document) if not document.destroyed_at else None,
            "dates_form": DocumentDatesForm(
                initial={
                    "document_date": document.document_date,
                    "trigger_date": document.trigger_date,
                },
                prefix="dates",
            ),
            "override_form": OverrideRequestForm(prefix="override"),
            "overrides": _with_moves(
                OVERRIDE_FLOW,
                request,
                document.overrides.select_related("requested_by", "decided_by"),
            ),
            "open_override": document.overrides.exclude(status=OverrideStatus.REJECTED).exists(),
        },
    )


def _document(request: HttpRequest, pk: int) -> Document:
    return get_for_organisation(
        Document.objects.select_related("collection__default_category", "category"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def _document_form(
    request: HttpRequest, pk: int, form: Any, anchor: str, action: Any, success: str
) -> HttpResponse:
    """Validate a form posted on the document page, call the service, go back to the section."""
    document = _document(request, pk)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            action(document, form.cleaned_data)
        except ValidationError as exc:
            show_errors(request, exc)
        else:
            messages.success(request, success)
    return redirect(reverse("records:document_detail", kwargs={"pk": document.pk}) + anchor)


@require_POST
@staff_required("records.triage")
def document_dates(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_form(
        request,
        pk,
        DocumentDatesForm(request.POST, prefix="dates"),
        "#datums",
        lambda doc, data: triage_services.set_document_dates(
            doc,
            request.user,
            document_date=data["document_date"],
            trigger_date=data["trigger_date"],
        ),
        _("Datums opgeslagen. De bewaartermijn is opnieuw berekend."),
    )


@require_POST
@staff_required("records.manage")
def override_request(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_form(
        request,
        pk,
        OverrideRequestForm(request.POST, prefix="override"),
        "#uitzondering",
        lambda doc, data: overrides_services.request_override(
            doc, request.user, justification=data["justification"], reference=data["reference"]
        ),
        _("Uitzondering aangevraagd. Een collega moet die goedkeuren."),
    )


@require_POST
@staff_required("records.review")
def override_decide(request: HttpRequest, pk: int, override_pk: int) -> HttpResponse:
    document = _document(request, pk)
    override = get_object_or_404(DestructionOverride, document=document, pk=override_pk)
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        if request.POST.get("outcome") == "approve":
            overrides_services.approve_override(override, request.user, comment)
            text = _("Uitzondering goedgekeurd. Het document mag op een vernietigingslijst.")
        else:
            overrides_services.reject_override(override, request.user, comment)
            text = _("Uitzondering afgewezen. Het document blijft bewaard.")
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, text)
    return redirect(
        reverse("records:document_detail", kwargs={"pk": document.pk}) + "#uitzondering"
    )


@require_GET
@staff_required("records.view")
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_for_organisation(Document, request.organisation, pk=pk)  # type: ignore[attr-defined]
    if not document.file or document.destroyed_at:
        raise Http404(_("Dit bestand is er niet (meer)."))
    record_event(
        "records.document_downloaded",
        actor=request.user,
        organisation=document.organisation,
        obj=document,
    )
    # Inert type: a stored file (maybe .html or .svg) must never be rendered by the browser.
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=safe_name(document.name, document.detected_type),
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@staff_required("records.manage")
def legal_hold(request: HttpRequest, pk: int) -> HttpResponse:
    """Set or lift a legal hold. A missing kenmerk is shown at its field and in the summary."""
    document = get_for_organisation(
        Document.objects.select_related("collection", "category", "decided_by"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )
    form = LegalHoldForm(request.POST)
    if form.is_valid():
        try:
            triage_services.set_legal_hold(
                document,
                request.user,
                hold=form.cleaned_data["hold"],
                reference=form.cleaned_data["reference"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Blokkade gezet: dit document kan niet weg.")
                if form.cleaned_data["hold"]
                else _("Blokkade opgeheven."),
            )
            return redirect("records:document_detail", pk=document.pk)
    return _document_page(request, document, form)
