"""Thin views of the records app: parse, authorise, call a service, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talentbrug import spreadsheets
from talentbrug.accounts.access import (
    can,
    get_for_organisation,
    scoped,
    staff_required,
    users_who_can,
)
from talentbrug.audit.services import record_event
from talentbrug.core.forms import show_errors
from talentbrug.docanalysis.policy import safe_name

from . import declarations, mdto
from .constants import (
    AnalysisStatus,
    Decision,
    ImportStatus,
    ItemStatus,
    ListStatus,
    OverrideStatus,
)
from .forms import (
    CategoryForm,
    CollectionForm,
    CommentForm,
    DecideForm,
    DestroyConfirmForm,
    DocumentDatesForm,
    FolderImportForm,
    LegalHoldForm,
    OverrideRequestForm,
    ReasonForm,
    SettingsForm,
    SubmitListForm,
    UploadForm,
)
from .models import (
    Collection,
    DestructionList,
    DestructionOverride,
    Document,
    SelectielijstCategory,
)
from .retention import document_verdict
from .services import collections as collections_services
from .services import imports, review, uploads
from .services import lists as lists_services
from .services import overrides as overrides_services
from .services import triage as triage_services
from .suggestions import suggest
from .tasks import destroy_destruction_list
from .workflow import LIST_FLOW, OVERRIDE_FLOW


def _collection(request: HttpRequest, pk: int) -> Collection:
    return get_for_organisation(
        Collection.objects.select_related("default_category", "owner"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def _list(request: HttpRequest, pk: int) -> DestructionList:
    return get_for_organisation(
        DestructionList.objects.select_related("collection", "created_by", "reviewed_by"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def _counts(collection: Collection) -> dict[str, int]:
    rows = (
        Document.objects.filter(collection=collection)
        .values("decision")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(Decision.values, 0)
    for row in rows:
        counts[row["decision"]] = row["n"]
    counts["total"] = sum(counts[d] for d in Decision.values)
    counts["decided"] = counts[Decision.KEEP] + counts[Decision.DISCARD]
    counts["open"] = counts[Decision.UNDECIDED] + counts[Decision.LATER]
    return counts


# --- Collections -------------------------------------------------------------------------


@require_GET
@staff_required("records.view")
def index(request: HttpRequest) -> HttpResponse:
    collections = scoped(Collection.objects.all(), request.organisation).annotate(  # type: ignore[attr-defined]
        n_documents=Count("documents")
    )
    return render(request, "records/index.html", {"collections": collections})


@staff_required("records.manage")
def collection_create(request: HttpRequest) -> HttpResponse:
    org = request.organisation  # type: ignore[attr-defined]
    form = CollectionForm(request.POST or None, organisation=org)
    if request.method == "POST" and form.is_valid():
        try:
            collection = collections_services.create_collection(
                org,
                request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                default_category=form.cleaned_data["default_category"],
                owner=form.cleaned_data["owner"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Verzameling aangemaakt. Voeg nu documenten toe."))
            return redirect("records:collection_detail", pk=collection.pk)
    return render(request, "records/collection_form.html", {"form": form})


@require_GET
@staff_required("records.view")
def collection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection(request, pk)
    return _collection_page(request, collection, UploadForm())


IMPORT_REPORT_KEY = "records_import_report"
IMPORT_REPORT_MAX = 200  # files named on screen; the rest are counted


def _remember_import(request: HttpRequest, collection: Collection, created: list[Document]) -> None:
    """Keep the import's result for the next page (post/redirect/get): every refused file."""
    report = imports.import_report(created)
    request.session[IMPORT_REPORT_KEY] = {
        "collection": collection.pk,
        "added": report.added,
        "unreadable": report.unreadable,
        "problems": report.problems[:IMPORT_REPORT_MAX],
        "more": max(0, len(report.problems) - IMPORT_REPORT_MAX),
        "reading": report.reading,
    }


def _collection_page(
    request: HttpRequest, collection: Collection, upload_form: UploadForm
) -> HttpResponse:
    report = request.session.get(IMPORT_REPORT_KEY)
    if report and report.get("collection") == collection.pk:
        del request.session[IMPORT_REPORT_KEY]
    else:
        report = None
    documents = Document.objects.filter(collection=collection).select_related("category")
    chosen = request.GET.get("beslissing", "")
    if chosen in Decision.values:
        documents = documents.filter(decision=chosen)
    elif chosen == "niet-leesbaar":
        documents = documents.filter(analysis_status=AnalysisStatus.UNREADABLE)
    page = Paginator(documents, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "records/collection_detail.html",
        {
            "collection": collection,
            "counts": _counts(collection),
            "page": page,
            "chosen": chosen,
            "decisions": Decision.choices,
            "upload_form": upload_form,
            "import_report": report,
            "lists": collection.destruction_lists.all()[:10],
            "refused": lists_services.destruction_candidates(collection)[1][:200],
            "can_manage": can(request, "records.manage"),
            "can_triage": can(request, "records.triage"),
            "has_import_roots": bool(imports.import_roots()),
            "zip_imports": imports.unfinished_zip_imports(collection),
        },
    )


@require_GET
@staff_required("records.view")
def collection_progress(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection(request, pk)
    return render(request, "records/_progress.html", {"collection": collection})


@require_POST
@staff_required("records.manage")
def collection_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Import uploaded files and/or a ZIP. Each file is judged on its own; the next page names
    every file that could not be read, and why. A form error is shown at its field."""
    collection = _collection(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        files, archive = form.cleaned_data["files"], form.cleaned_data["archive"]
        created: list[Document] = []
        zip_import = None
        try:
            # The ZIP first: a ZIP that cannot be opened is refused before anything is stored.
            if archive:
                zip_import = imports.start_zip_import(collection, request.user, archive)
            if files:
                created += uploads.import_files(collection, request.user, files)
        except ValidationError as exc:
            if archive and zip_import is None:
                form.add_error(
                    "archive",
                    [
                        _("%(name)s: %(error)s") % {"name": archive.name, "error": m}
                        for m in exc.messages
                    ],
                )
            else:
                form.add_error("files", exc)
        if zip_import is not None:
            if zip_import.status == ImportStatus.DONE:
                created += imports.zip_import_documents(zip_import)
            elif zip_import.status == ImportStatus.FAILED:
                form.add_error("archive", f"{zip_import.name}: {zip_import.problem}")
            else:
                messages.info(
                    request,
                    _(
                        "Het ZIP-bestand %(name)s wordt ingelezen. De documenten verschijnen "
                        "hieronder zodra dat klaar is."
                    )
                    % {"name": zip_import.name},
                )
        if created:
            _remember_import(request, collection, created)
        if not form.errors:
            return redirect("records:collection_detail", pk=collection.pk)
    return _collection_page(request, collection, form)


@staff_required("records.manage")
def collection_import_folder(request: HttpRequest, pk: int) -> HttpResponse:
    """Import a folder on the server, under one of the roots in RECORDS_IMPORT_ROOTS."""
    collection = _collection(request, pk)
    roots = imports.import_roots()
    form = FolderImportForm(request.POST or None, roots=roots)
    if request.method == "POST" and form.is_valid():
        try:
            created = imports.import_folder(
                collection, request.user, form.cleaned_data["root"], form.cleaned_data["subpath"]
            )
        except ValidationError as exc:
            form.add_error("subpath", exc)
        else:
            _remember_import(request, collection, created)
            return redirect("records:collection_detail", pk=collection.pk)
    return render(
        request,
        "records/import_folder.html",
        {"collection": collection, "form": form, "roots": roots},
    )


# --- Triage ------------------------------------------------------------------------------


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
    collection = _collection(request, pk)
    if request.method == "POST":
        triage_services.claim_next_card(collection, request.user)
        return redirect("records:triage", pk=collection.pk)
    document = triage_services.current_card(collection, request.user)
    context = _card_context(request, collection, document)
    context["counts"] = _counts(collection)
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
    collection = _collection(request, pk)
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
        "records/_triage_progress.html", {"counts": _counts(collection)}, request=request
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
    collection = _collection(request, pk)
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
    collection = _collection(request, pk)
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


# --- Documents ---------------------------------------------------------------------------


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


# --- Categories and settings --------------------------------------------------------------


@staff_required("records.manage")
def categories(request: HttpRequest) -> HttpResponse:
    org = request.organisation  # type: ignore[attr-defined]
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            collections_services.save_category(org, request.user, form.save(commit=False))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Categorie opgeslagen."))
            return redirect("records:categories")
    return render(
        request,
        "records/categories.html",
        {"form": form, "categories": SelectielijstCategory.objects.filter(organisation=org)},
    )


@staff_required("records.manage")
def settings_view(request: HttpRequest) -> HttpResponse:
    org = request.organisation  # type: ignore[attr-defined]
    current = collections_services.records_settings(org)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            collections_services.update_records_settings(
                org,
                request.user,
                cooling_off_days=form.cleaned_data["cooling_off_days"],
                archivist_required=form.cleaned_data["archivist_required"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Instellingen opgeslagen."))
            return redirect("records:settings")
    return render(request, "records/settings.html", {"form": form})


# --- Destruction lists ---------------------------------------------------------------------


@require_GET
@staff_required("records.view")
def lists(request: HttpRequest) -> HttpResponse:
    found = (
        scoped(DestructionList.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .select_related("collection", "created_by")
        .annotate(n_items=Count("items"))
    )
    waiting = set(
        found.filter(
            Q(status=ListStatus.IN_REVIEW, reviewers=request.user)
            | Q(status=ListStatus.CHANGES_REQUESTED, created_by=request.user)
        ).values_list("pk", flat=True)
    )
    return render(request, "records/lists.html", {"lists": found, "waiting": waiting})


@require_POST
@staff_required("records.manage")
def list_create(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection(request, pk)
    try:
        dl = lists_services.create_destruction_list(collection, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("records:collection_detail", pk=collection.pk)
    messages.success(request, _("Vernietigingslijst opgesteld. Controleer hem en bied hem aan."))
    return redirect("records:list_detail", pk=dl.pk)


def _reviewer_choices(dl: DestructionList) -> Any:
    return users_who_can(dl.organisation, "records.review").exclude(pk=dl.created_by_id)


@require_GET
@staff_required("records.view")
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dl = _list(request, pk)
    items = list(
        dl.items.select_related(
            "document__category", "document__collection__default_category", "reviewed_by"
        )
    )
    live = {ItemStatus.PROPOSED, ItemStatus.APPROVED}
    for item in items:
        # The guard as it stands now, so nobody approves what destruction will refuse.
        item.verdict = (
            document_verdict(item.document)
            if item.status in live and dl.status != ListStatus.DESTROYED
            else None
        )
    config = collections_services.records_settings(dl.organisation)
    return render(
        request,
        "records/list_detail.html",
        {
            "list": dl,
            "items": items,
            "config": config,
            "reviewers": list(dl.reviewers.all()),
            "reviews": dl.reviews.select_related("user"),
            "moves": LIST_FLOW.available_names(
                request.user, dl, roles=getattr(request, "roles", frozenset())
            ),
            "declaration": Document.objects.filter(declaration_of=dl).first(),
            "can_manage": can(request, "records.manage"),
            "can_review": can(request, "records.review"),
            "ListStatus": ListStatus,
            "ItemStatus": ItemStatus,
            "reason_form": ReasonForm(),
            "submit_form": SubmitListForm(reviewers=_reviewer_choices(dl)),
            "destroy_form": DestroyConfirmForm(expected=dl.name),
        },
    )


def _list_action(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    dl = _list(request, pk)
    try:
        action(dl)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("records:list_detail", pk=dl.pk)


def _reason(request: HttpRequest) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def _comment(request: HttpRequest) -> str:
    form = CommentForm(request.POST)
    return form.cleaned_data["comment"] if form.is_valid() else ""


@require_POST
@staff_required("records.manage")
def list_submit(request: HttpRequest, pk: int) -> HttpResponse:
    dl = _list(request, pk)
    form = SubmitListForm(request.POST, reviewers=_reviewer_choices(dl))
    reviewers = form.cleaned_data["reviewers"] if form.is_valid() else []
    return _list_action(
        request,
        pk,
        lambda dl: lists_services.submit_destruction_list(dl, request.user, reviewers),
        _("De lijst is aangeboden. De beoordelaars krijgen een e-mail."),
    )


@require_POST
@staff_required("records.review")
def list_approve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request)
    return _list_action(
        request,
        pk,
        lambda dl: review.approve_destruction_list(dl, request.user, comment),
        _("De lijst is goedgekeurd."),
    )


@require_POST
@staff_required("records.review")
def list_changes(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request)
    return _list_action(
        request,
        pk,
        lambda dl: review.request_changes(dl, request.user, comment),
        _("De lijst gaat terug naar de opsteller, met uw opmerking."),
    )


@require_POST
@staff_required("records.archivist")
def list_archivist(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request)
    return _list_action(
        request,
        pk,
        lambda dl: review.approve_as_archivist(dl, request.user, comment),
        _("Akkoord van de archivaris vastgelegd. De wachttijd loopt."),
    )


@require_POST
@staff_required("records.archivist")
def list_archivist_changes(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request)
    return _list_action(
        request,
        pk,
        lambda dl: review.archivist_request_changes(dl, request.user, comment),
        _("De lijst gaat terug naar de opsteller, met uw opmerking."),
    )


@require_POST
@staff_required("records.manage")
def list_abort(request: HttpRequest, pk: int) -> HttpResponse:
    reason = _reason(request)
    return _list_action(
        request,
        pk,
        lambda dl: lists_services.abort_destruction_list(dl, request.user, reason),
        _("De lijst staat weer op nieuw."),
    )


@require_POST
@staff_required("records.manage")
def list_destroy(request: HttpRequest, pk: int) -> HttpResponse:

    dl = _list(request, pk)
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


def _item_action(
    request: HttpRequest, pk: int, item_pk: int, action: Any, success: str
) -> HttpResponse:
    dl = _list(request, pk)
    item = get_object_or_404(dl.items.select_related("document"), pk=item_pk)
    try:
        action(item)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect(reverse("records:list_detail", kwargs={"pk": dl.pk}) + f"#item-{item.pk}")


@require_POST
@staff_required("records.review")
def item_approve(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    return _item_action(
        request, pk, item_pk, lambda i: review.approve_item(i, request.user), _("Goedgekeurd.")
    )


@require_POST
@staff_required("records.review")
def item_exclude(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: review.exclude_item(i, request.user, reason),
        _("Uitgezonderd. Het document staat weer bij de kaarten."),
    )


@require_POST
@staff_required("records.manage")
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: lists_services.remove_item(i, request.user, reason),
        _("Van de lijst gehaald. Het document staat weer bij de kaarten."),
    )


@require_POST
@staff_required("records.manage")
def item_restore(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: lists_services.restore_item(i, request.user, reason),
        _("Teruggezet. Het document wordt niet vernietigd."),
    )


def _declaration(
    request: HttpRequest, pk: int, build: Any, content_type: str, extension: str
) -> HttpResponse:
    """Download the declaration of destruction in one format (CSV, XLSX or PDF)."""
    dl = _list(request, pk)
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


@require_GET
@staff_required("records.view")
def export_mdto(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection(request, pk)
    try:
        archive = mdto.export_kept_documents(collection, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("records:collection_detail", pk=collection.pk)
    return FileResponse(
        archive,
        as_attachment=True,
        filename=f"mdto-export-{collection.pk}.zip",
        content_type="application/zip",
    )
