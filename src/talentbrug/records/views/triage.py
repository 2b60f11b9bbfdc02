"""Triage: the cards, a decision per document and undoing the last ones."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from talentbrug.accounts.access import (
    get_for_organisation,
    staff_required,
)
from talentbrug.core.forms import show_errors

from ..constants import (
    Decision,
)
from ..forms import (
    DecideForm,
)
from ..models import (
    Collection,
    Document,
)
from ..services import triage as triage_services
from ..suggestions import suggest
from .lookups import collection_for, decision_counts


def _card_context(request: HttpRequest, collection: Collection, document: Document | None) -> dict:
    org = request.organisation  # type: ignore[attr-defined]
    context: dict[str, Any] = {"collection": collection, "document": document}
    if document is not None:
        category = document.category or collection.default_category
        context.update(
            suggestion=suggest(document),
            form=DecideForm(organisation=org, initial={"category": category}),
            duplicates=Document.objects.filter(collection__organisation=org, sha256=document.sha256)
            .exclude(pk=document.pk)
            .exclude(sha256="")[:5],
        )
    return context


@require_http_methods(["GET", "POST"])
@staff_required("records.triage")
def triage(request: HttpRequest, pk: int) -> HttpResponse:
    """The triage screen. GET only reads: it shows the card this person holds. Claiming the
    next card is a POST (the start button, a decision, triage.js's fetch), so a link checker
    or a prefetching browser never takes a card away from a colleague."""
    collection = collection_for(request, pk)
    if request.method == "POST":
        triage_services.claim_next_card(collection, request.user)
        return redirect("records:triage", pk=collection.pk)
    document = triage_services.current_card(collection, request.user)
    context = _card_context(request, collection, document)
    context["counts"] = decision_counts(collection)
    context["can_undo"] = _can_undo(collection, request.user)
    context["can_start"] = document is None and triage_services.has_free_cards(
        collection, request.user
    )
    return render(request, "records/triage.html", context)


def _exclude_ids(request: HttpRequest) -> list[int]:
    return [int(v) for v in request.GET.getlist("na") if v.isdigit()][:5]


@require_POST
@staff_required("records.triage")
def triage_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The next card as an HTML fragment, claimed for this person (prefetched by triage.js
    with a POST: claiming changes a row).

    ``?na=<id>`` skips the card on screen, so the screen can load the card after it while
    the person is still deciding. Without JavaScript this view is never needed.
    """
    collection = collection_for(request, pk)
    document = triage_services.claim_next_card(
        collection, request.user, exclude=_exclude_ids(request)
    )
    response = render(request, "records/_card.html", _card_context(request, collection, document))
    response["Cache-Control"] = "no-store"
    return response


def _wants_fragment(request: HttpRequest) -> bool:
    return request.headers.get("X-Records-Fetch") == "1"


def _can_undo(collection: Collection, user: Any) -> bool:
    return collection.decision_logs.filter(user=user, undone_at__isnull=True).exists()


def _decided_json(
    request: HttpRequest, collection: Collection, text: str, **extra: Any
) -> JsonResponse:
    progress = render_to_string(
        "records/_triage_progress.html", {"counts": decision_counts(collection)}, request=request
    )
    return JsonResponse(
        {
            "ok": True,
            "message": text,
            "progress": progress,
            "can_undo": _can_undo(collection, request.user),
            **extra,
        }
    )


@require_POST
@staff_required("records.triage")
def decide(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Record a decision. A form post redirects to the next card; triage.js posts with
    ``X-Records-Fetch: 1`` and gets JSON back, then shows the card it already prefetched."""
    collection = collection_for(request, pk)
    org = request.organisation  # type: ignore[attr-defined]
    document = get_for_organisation(Document, org, pk=document_pk, collection=collection)
    form = DecideForm(request.POST, organisation=org)
    fragment = _wants_fragment(request)
    if not form.is_valid():
        messages.error(request, _("Kies bewaren, weggooien, later of twijfel."))
        if fragment:
            return JsonResponse({"ok": False}, status=400)
        return redirect("records:triage", pk=collection.pk)
    try:
        document = triage_services.decide_document(
            document,
            request.user,
            form.cleaned_data["decision"],
            category=form.cleaned_data["category"],
            note=form.cleaned_data["note"],
        )
        copies = 0
        if form.cleaned_data["duplicates"] and document.decision in (
            Decision.KEEP,
            Decision.DISCARD,
        ):
            copies = triage_services.apply_decision_to_duplicates(document, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        if fragment:
            # The screen reloads the triage page, which shows the message.
            return JsonResponse({"ok": False}, status=409)
    else:
        text = _("%(decision)s: %(name)s") % {
            "decision": document.get_decision_display(),
            "name": document.name,
        }
        if copies:
            text += " " + _("(en %(count)s exacte kopieën)") % {"count": copies}
        if fragment and not copies:
            return _decided_json(request, collection, text)
        messages.success(request, text)
        if fragment:
            # Copies changed the queue: the prefetched card may be one of them.
            return JsonResponse({"ok": False}, status=409)
        # Without JavaScript the next card is claimed here (a POST), and the page shows it.
        triage_services.claim_next_card(collection, request.user)
    return redirect("records:triage", pk=collection.pk)


@require_POST
@staff_required("records.triage")
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the last decision. A form post redirects to the triage screen; triage.js posts with
    ``X-Records-Fetch: 1`` and gets the undone card back as JSON, so focus stays on the card."""
    collection = collection_for(request, pk)
    try:
        document = triage_services.undo_last_decision(collection, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        if _wants_fragment(request):
            # The screen reloads the triage page, which shows the message.
            return JsonResponse({"ok": False}, status=409)
        return redirect("records:triage", pk=collection.pk)
    text = _("Ongedaan gemaakt: %(name)s staat weer klaar.") % {"name": document.name}
    if _wants_fragment(request):
        card = render_to_string(
            "records/_card.html", _card_context(request, collection, document), request=request
        )
        return _decided_json(request, collection, text, card=card)
    messages.success(request, text)
    return redirect("records:triage", pk=collection.pk)
