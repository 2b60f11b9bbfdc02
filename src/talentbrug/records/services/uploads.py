"""Storing uploaded files as documents: path cleaning, bounded copies, content checks."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.core.filecheck import Purpose, UploadRejected, check_file
from talentbrug.core.jobs import hold_point
from talentbrug.core.virusscan import records_problem as virus_problem

from ..constants import (
    AnalysisStatus,
)
from ..models import (
    Collection,
    Document,
)
from .limits import CHUNK, STORE_INSERT_CHUNK, max_file_bytes, too_large_reason

# --- Import ------------------------------------------------------------------------------


@dataclass
class Incoming:
    """One file offered for import: a display path and either an open stream or a problem."""

    path: str
    stream: IO[bytes] | None = None
    size: int = 0
    problem: str = ""
    modified: datetime | None = None  # from the ZIP entry or file system, if known


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_path(raw: str) -> tuple[str, str]:
    """A safe display path for a name from a ZIP or upload, and a problem if it was unsafe.

    The display path is only metadata: storage names are generated, so no name can ever
    write outside the storage. Unsafe names still become an unreadable card.
    """
    name = raw.replace("\\", "/")
    problem = ""
    if _CONTROL.search(name):
        problem = _("Onveilige bestandsnaam (stuurtekens)")
        name = _CONTROL.sub("", name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        problem = problem or _("Onveilige bestandsnaam (absoluut pad)")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        problem = problem or _("Onveilige bestandsnaam (verwijst buiten de map)")
        parts = [p for p in parts if p != ".."]
    cleaned = "/".join(parts)[-1000:] or _("(naamloos)")
    return cleaned, problem


class ReadTooSlow(Exception):
    """Reading one file took longer than its time budget."""


def _short_name(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` characters in the middle, so its extension stays visible."""
    if len(name) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 10:
        return name[:limit]
    return stem[: limit - len(ext) - 2] + "…." + ext


def _bounded_copy(
    source: IO[bytes], limit: int, deadline: float | None = None
) -> tuple[IO[bytes] | None, int]:
    """Copy at most ``limit`` bytes into a temporary file; (None, size) when over the limit.

    With a ``deadline`` (``time.monotonic()`` value), :class:`ReadTooSlow` is raised when it
    passes between two chunks.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=8 * CHUNK)  # noqa: SIM115 - returned
    size = 0
    while chunk := source.read(CHUNK):
        size += len(chunk)
        if size > limit:
            spool.close()
            return None, size
        spool.write(chunk)
        if deadline is not None and time.monotonic() > deadline:
            spool.close()
            raise ReadTooSlow
    spool.seek(0)
    return spool, size


def _content_problem(item: Incoming, organisation: Any, name: str) -> str:
    """Why a file is not stored (virus, active content), or "" when it may be stored.

    Reads the copy of the file only: runs before any database transaction is open.
    """
    assert item.stream is not None
    # clamd when configured: infected → unreadable card, file not stored;
    # scanner down → ValidationError, nothing of the import is kept.
    problem = virus_problem(item.stream, organisation)
    if problem or item.size == 0:  # empty files stay cards (suggested for discarding)
        return problem
    try:
        check_file(item.stream, Purpose.RECORDS, max_bytes=max_file_bytes(), name=name)
    except UploadRejected as exc:
        return exc.message
    return ""


def _store(
    collection: Collection,
    user: Any,
    incoming: Iterable[Incoming],
    finish: Callable[[list[Document], int], None] | None = None,
) -> list[Document]:
    """Create documents and their stored files; analysis comes after.

    Files are read, checked and written to storage first, with no transaction open: reading
    a slow share or a big ZIP must never hold SQLite's write lock. The rows are then
    inserted in one short transaction; when anything fails, the stored files are removed
    (after a killed process, the orphan-file sweep removes them).

    ``finish(created, unreadable)`` runs inside that transaction, after the last row: a ZIP
    import marks itself done there, so its documents and its "done" commit together (or not
    at all, when ``finish`` raises).
    """
    documents: list[Document] = []
    stored: list[str] = []
    unreadable = 0
    try:
        for item in incoming:
            path, path_problem = clean_path(item.path)
            document = Document(
                organisation=collection.organisation,
                collection=collection,
                path=path,
                name=_short_name(path.rsplit("/", 1)[-1], 300),
                size=item.size,
                source_modified=item.modified,
            )
            problem = item.problem or path_problem
            try:
                if not problem and item.stream is not None:
                    problem = _content_problem(item, collection.organisation, document.name)
                if problem or item.stream is None:
                    document.analysis_status = AnalysisStatus.UNREADABLE
                    document.unreadable_reason = (problem or _("Bestand ontbreekt"))[:300]
                    unreadable += 1
                else:
                    document.file.save(document.name, File(item.stream), save=False)
                    stored.append(document.file.name)
                    if len(stored) == 1:
                        hold_point("records.import")  # test-only (kill tests)
            finally:
                # Close (and free) each copy at once: a folder or ZIP is streamed, so
                # memory stays flat however many files come in.
                if item.stream is not None:
                    item.stream.close()
            documents.append(document)
        created: list[Document] = []
        with transaction.atomic():
            for start in range(0, len(documents), STORE_INSERT_CHUNK):
                # one INSERT per chunk, not per file
                chunk = documents[start : start + STORE_INSERT_CHUNK]
                created += Document.objects.bulk_create(chunk)
            Collection.objects.filter(pk=collection.pk).update(
                analysis_total=F("analysis_total") + len(created),
                analysis_done=F("analysis_done") + unreadable,
            )
            if finish is not None:
                finish(created, unreadable)
            record_event(
                "records.documents_imported",
                actor=user,
                organisation=collection.organisation,
                obj=collection,
                count=len(created),
                unreadable=unreadable,
            )
    except Exception:
        for name in stored:
            default_storage.delete(name)
        raise
    finally:
        for item in incoming if isinstance(incoming, list) else []:
            if item.stream is not None:
                item.stream.close()
    _start_analysis(created)
    return created


ANALYSIS_BATCH = 200


def _start_analysis(documents: list[Document]) -> None:
    # local import: tasks imports services at load time (cycle)
    from ..tasks import analyse_documents

    ids = [d.pk for d in documents if d.analysis_status == AnalysisStatus.PENDING]
    for start in range(0, len(ids), ANALYSIS_BATCH):
        analyse_documents.delay(ids[start : start + ANALYSIS_BATCH])
    if documents and not ids:
        # local import: tasks imports services at load time (cycle)
        from ..tasks import find_near_duplicates

        find_near_duplicates.delay(documents[0].collection_id)


def import_files(collection: Collection, user: Any, files: Iterable[Any]) -> list[Document]:
    """Import uploaded files (Django UploadedFile or objects with ``name``, ``size``, ``read``)."""
    limit = max_file_bytes()
    incoming: list[Incoming] = []
    for upload in files:
        name = getattr(upload, "name", "") or "bestand"
        size = int(getattr(upload, "size", 0) or 0)
        modified = getattr(upload, "modified", None)
        if size > limit:
            incoming.append(Incoming(name, None, size, too_large_reason(limit)))
            continue
        copy, real = _bounded_copy(upload, limit)
        if copy is None:
            incoming.append(Incoming(name, None, real, too_large_reason(limit)))
        else:
            incoming.append(Incoming(name, copy, real, modified=modified))
    if not incoming:
        raise ValidationError(_("Kies een of meer bestanden."))
    return _store(collection, user, incoming)
