"""Storing the documents a candidate hands in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from .. import tasks
from ..constants import (
    ApplicationStatus,
    DocumentKind,
    ExtractionStatus,
)
from ..models import (
    Application,
    Document,
)
from ..uploads import CheckedFile
from .errors import ApplyError
from .lifecycle import procedure_ended


def store_document(
    application: Application, kind: str, upload: Any, checked: CheckedFile
) -> Document:
    upload.seek(0)
    extract = kind in (DocumentKind.CV, DocumentKind.OTHER)
    document = Document(
        candidate=application.candidate,
        application=application,
        kind=kind,
        original_name=checked.name,
        detected_type=checked.detected_type,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        duration_seconds=checked.duration,
        extraction_status=ExtractionStatus.PENDING if extract else ExtractionStatus.NOT_APPLICABLE,
    )
    document.file.save(checked.name, File(upload), save=False)
    document.save()
    return document


def delete_files(documents: Iterable[Document]) -> None:
    for document in documents:
        if document.file:
            document.file.storage.delete(document.file.name)  # type: ignore[arg-type]


def add_document(
    application: Application,
    kind: str,
    upload: Any,
    checked: CheckedFile,
    replace: Document | None = None,
) -> Document:
    """Add (or replace) a document of the candidate's application."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise ApplyError(_("Deze sollicitatie is ingetrokken."))
    if procedure_ended(application):
        raise ApplyError(_("Deze sollicitatie is afgerond. Je kunt geen bestanden meer sturen."))
    stored: list[Document] = []
    try:
        with transaction.atomic():
            document = store_document(application, kind, upload, checked)
            stored.append(document)
            if replace is not None:
                old_pk, old_name = replace.pk, replace.file.name
                replace.delete()
                transaction.on_commit(lambda: document.file.storage.delete(old_name))  # type: ignore[arg-type]
                record_event(
                    "application.document_replaced",
                    organisation=application.organisation,
                    obj=application,
                    old=old_pk,
                    document=document.pk,
                )
            else:
                record_event(
                    "application.document_uploaded",
                    organisation=application.organisation,
                    obj=application,
                    document=document.pk,
                    kind=kind,
                )
            if document.extraction_status == ExtractionStatus.PENDING:
                document_id = document.pk

                def extract() -> None:

                    tasks.extract_document.delay(document_id)

                transaction.on_commit(extract)
    except Exception:
        delete_files(stored)
        raise
    return document
