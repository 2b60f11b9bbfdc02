"""Collections: the overview, making one, adding documents (upload, folder) and the MDTO export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talentbrug.accounts.access import (
    can,
    scoped,
    staff_required,
)
from talentbrug.core.forms import show_errors

from .. import mdto
from ..constants import (
    AnalysisStatus,
    Decision,
    ImportStatus,
)
from ..forms import (
    CollectionForm,
    FolderImportForm,
    UploadForm,
)
from ..models import (
    Collection,
    Document,
)
from ..services import collections as collections_services
from ..services import imports, uploads
from ..services import lists as lists_services
from .lookups import collection_for, decision_counts


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
    collection = collection_for(request, pk)
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
            "counts": decision_counts(collection),
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
    collection = collection_for(request, pk)
    return render(request, "records/_progress.html", {"collection": collection})


@require_POST
@staff_required("records.manage")
def collection_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Import uploaded files and/or a ZIP. Each file is judged on its own; the next page names
    every file that could not be read, and why. A form error is shown at its field."""
    collection = collection_for(request, pk)
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
    collection = collection_for(request, pk)
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


@require_GET
@staff_required("records.view")
def export_mdto(request: HttpRequest, pk: int) -> HttpResponse:
    collection = collection_for(request, pk)
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
