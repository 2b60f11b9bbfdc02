"""Reading documents (type, text, dates, signatures) and finding near duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import IO, Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.core import jobs
from talentbrug.core.jobs import hold_point
from talentbrug.core.safeparse import analyse as safe_analyse
from talentbrug.docanalysis import (
    DocType,
    Limits,
    NearDuplicateIndex,
    analyse,
    detect_type,
    signature_from_hex,
)
from talentbrug.docanalysis.analyse import OFFICE_TYPES
from talentbrug.docanalysis.macros import macro_reason
from talentbrug.docanalysis.similarity import signature_to_hex

from ..constants import (
    AnalysisStatus,
)
from ..models import (
    MAX_TEXT_CHARS,
    Collection,
    Document,
)
from .limits import (
    UNSUPPORTED_TYPES,
    damaged_reason,
    encrypted_reason,
    logger,
)
from .uploads import _start_analysis

NEAR_DUPLICATE_THRESHOLD = 0.8

# --- Analysis ----------------------------------------------------------------------------


def _unreadable_reason(
    errors: list[str], has_text: bool, doc_type: DocType, *, encrypted: bool = False
) -> str:
    """Why a document cannot be read, in words with what to do; "" when it was read.

    Encryption is named as such (a PDF or Office file with a password is not damaged), also
    when the reader only says that it could not decrypt or open the file.
    """
    joined = " ".join(errors).lower()
    if (encrypted and not has_text) or any(w in joined for w in ("encrypt", "decrypt", "password")):
        return encrypted_reason()
    if "suspicious compression" in joined or "zip bomb" in joined:
        return _(
            "Verdacht sterk ingepakt (mogelijke zipbom): niet geopend. Beoordeel het bestand op "
            "naam en map"
        )
    if "safeparse:" in joined:
        return _(
            "Te zwaar om te lezen (te veel pagina's, tijd of geheugen). Beoordeel het "
            "bestand op naam en map, of open het zelf"
        )
    if "too large" in joined:
        return _("Te groot om te lezen; splits het bestand en voeg de delen toe")
    if doc_type in UNSUPPORTED_TYPES:
        return _(
            "Onbekend of niet ondersteund bestandstype (%(type)s); sla het op als PDF of in "
            "een nieuwere Office-versie en voeg het opnieuw toe"
        ) % {"type": doc_type.value}
    if errors and not has_text:
        return damaged_reason()
    return ""


def _office_encrypted(fh: IO[bytes]) -> bool:
    """True for an Office file protected with a password: Word, Excel and PowerPoint then
    store the document as an OLE container with an ``EncryptedPackage`` stream."""
    try:
        # local import: olefile comes with extract-msg, not ours; missing means not encrypted
        import olefile

        fh.seek(0)
        with olefile.OleFileIO(fh) as ole:
            return bool(ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"))
    except Exception:
        return False


# Extracted text is cut at MAX_TEXT_CHARS (200,000 characters, a few hundred pages) while it is
# read, not afterwards: only that much is stored, and suggestions, signs of personal data and
# the near-duplicate signature all work on the stored text. A huge plain-text file (a log, an
# export) is therefore read for its first ~800 KB only (4 bytes per character at most); its
# checksum and size still cover the whole file.
ANALYSIS_LIMITS = Limits(max_text_chars=MAX_TEXT_CHARS)
# Types whose parsers can be driven into long runs or large memory by a crafted file. Plain
# text, e-mail and images are read in-process (a child costs ~0.3-0.9 s to start).
LIMITED_PARSE_TYPES = frozenset({DocType.PDF, DocType.MSG, DocType.ZIP, DocType.RTF, *OFFICE_TYPES})
# Analysis results are written in chunks: one transaction per chunk instead of one per
# document (a commit costs milliseconds on SQLite), but bounded in memory (texts are large).
ANALYSIS_WRITE_CHUNK = 50
ANALYSIS_WRITE_CHARS = 8_000_000


def _read_document(document: Document) -> dict[str, Any]:
    """What docanalysis finds in one stored document, as Document fields. Never raises."""
    try:
        if not document.file:
            raise FileNotFoundError("no file")
        with document.file.open("rb") as fh:
            macro = macro_reason(fh, document.name)
            doc_type, _warnings = detect_type(fh)
            if doc_type in LIMITED_PARSE_TYPES:
                # PDFs and containers: a crafted file can take minutes and gigabytes, so
                # they are parsed in a child process with CPU, memory and time limits.
                result = safe_analyse(fh, name=document.name, limits=ANALYSIS_LIMITS)
            else:
                result = analyse(fh, name=document.name, limits=ANALYSIS_LIMITS)
            encrypted = result.properties.get("encrypted") == "yes" or (
                result.detected_type == DocType.OLE and _office_encrypted(fh)
            )
    except Exception as exc:
        # The error text can quote the file's path or content: the kind of error only.
        logger.info("records: document %s cannot be opened (%s)", document.pk, type(exc).__name__)
        return {
            "analysis_status": AnalysisStatus.UNREADABLE,
            "unreadable_reason": _(
                "Bestand kan niet geopend worden; voeg het opnieuw toe of vraag om een kopie"
            ),
        }
    text = result.text[:MAX_TEXT_CHARS]
    children = result.children
    reason = _unreadable_reason(
        result.errors, bool(text.strip()), result.detected_type, encrypted=encrypted
    )
    if macro:
        reason = _("Document met macro's; niet geopend voor de inhoud")
        text = ""
    signs = [result.personal_data] + [c.personal_data for c in result.iter_all()[1:]]
    modified = result.modified or result.created or document.source_modified
    return {
        "size": result.size,
        "sha256": result.sha256,
        "detected_type": result.detected_type.value,
        "mime_type": result.mime_type,
        "title": (result.title or "")[:300],
        "author": (result.author or "")[:200],
        "source_created": result.created,
        "source_modified": result.modified or document.source_modified,
        "document_date": timezone.localdate(modified) if modified else None,
        "extracted_text": text,
        "preview": ("" if macro else result.preview)[:2000],
        "signature": signature_to_hex(result.signature) if result.signature and text else "",
        "has_email": any(s.emails for s in signs),
        "has_phone": any(s.phones for s in signs),
        "has_bsn": any(s.bsns for s in signs),
        "has_iban": any(s.ibans for s in signs),
        "attachments": [
            {"name": c.name[:200], "type": c.detected_type.value, "size": c.size}
            for c in children[:50]
        ],
        "empty_or_temporary_reason": (result.empty_or_temporary_reason or "")[:200],
        "analysis_status": AnalysisStatus.UNREADABLE if reason else AnalysisStatus.DONE,
        "unreadable_reason": reason[:300],
    }


def _save_analyses(found: list[tuple[Document, dict[str, Any]]]) -> int:
    """Write a chunk of analysis results in one transaction; returns how many were written.

    Each row is only written while it is still pending (a document read twice, e.g. by a
    retried task, is counted once), and each collection's progress counter moves once.
    """
    if not found:
        return 0
    done: dict[int, int] = {}
    with transaction.atomic():
        for document, fields in found:
            updated = Document.objects.filter(
                pk=document.pk, analysis_status=AnalysisStatus.PENDING
            ).update(**fields)
            if updated:
                done[document.collection_id] = done.get(document.collection_id, 0) + 1
        for collection_id, count in done.items():
            Collection.objects.filter(pk=collection_id).update(
                analysis_done=F("analysis_done") + count
            )
    return sum(done.values())


def analyse_documents(documents: Iterable[Document]) -> int:
    """Read many stored documents; results are written in chunks (one transaction each).

    The files are read outside any transaction, so a slow file never holds a database lock.
    Returns the number of documents read (already-read documents are skipped).
    """
    found: list[tuple[Document, dict[str, Any]]] = []
    chars = 0
    count = 0
    for document in documents:
        if document.analysis_status != AnalysisStatus.PENDING:
            continue
        fields = _read_document(document)
        hold_point("records.analysis")  # test-only (kill tests)
        found.append((document, fields))
        chars += len(fields.get("extracted_text", ""))
        count += 1
        if len(found) >= ANALYSIS_WRITE_CHUNK or chars >= ANALYSIS_WRITE_CHARS:
            _save_analyses(found)
            found, chars = [], 0
    _save_analyses(found)
    return count


def analyse_document(document: Document) -> Document:
    """Read one stored document with docanalysis and save what it found. Never raises."""
    if document.analysis_status != AnalysisStatus.PENDING:
        return document
    _save_analyses([(document, _read_document(document))])
    document.refresh_from_db()
    return document


def analysis_finished(collection: Collection) -> bool:
    """True when no document of the collection is waiting to be read."""
    return not Document.objects.filter(
        collection=collection, analysis_status=AnalysisStatus.PENDING
    ).exists()


def resume_stale_analysis(now: datetime | None = None) -> dict[str, int]:
    """Periodic job: documents still pending long after they were queued are read again.

    A worker killed mid-batch loses its task, and its documents would stay "Wordt gelezen" for
    ever. Each new start counts as an attempt; a document that was started
    ``TALENTBRUG_JOB_MAX_ATTEMPTS`` times (it may be what kills the worker) becomes unreadable
    with a reason staff can see, so the collection's progress still reaches its end. Safe to
    run again and next to a slow worker: results are only written while a row is pending.
    """
    pending = Document.objects.filter(analysis_status=AnalysisStatus.PENDING)
    with transaction.atomic():
        give_up, retry = jobs.claim_stale(
            pending, attempts="analysis_attempts", queued_at="analysis_queued_at", now=now
        )
        reason = _("Lezen is %(count)s keer afgebroken") % {"count": jobs.max_attempts()}
        failed: dict[int, int] = {}
        for pk, collection_id in pending.filter(pk__in=give_up).values_list("pk", "collection_id"):
            if pending.filter(pk=pk).update(
                analysis_status=AnalysisStatus.UNREADABLE, unreadable_reason=reason[:300]
            ):
                failed[collection_id] = failed.get(collection_id, 0) + 1
        for collection_id, count in failed.items():
            Collection.objects.filter(pk=collection_id).update(
                analysis_done=F("analysis_done") + count
            )
    for collection in Collection.objects.filter(pk__in=failed).select_related("organisation"):
        record_event(
            "records.analysis_failed",
            organisation=collection.organisation,
            obj=collection,
            count=failed[collection.pk],
        )
        if analysis_finished(collection):
            find_near_duplicates(collection)
    if retry:
        _start_analysis(
            list(
                Document.objects.filter(pk__in=retry).only("pk", "collection_id", "analysis_status")
            )
        )
    return {"requeued": len(retry), "failed": sum(failed.values())}


def find_near_duplicates(collection: Collection) -> int:
    """Link each document to its most similar other document (not an exact copy).

    One pass over the whole collection: the LSH index is built once and every signature is
    queried against it. The analysis tasks call this once, when the last pending document of
    the collection has been read, not after every batch. Only links that change are written.
    """
    index = NearDuplicateIndex(threshold=NEAR_DUPLICATE_THRESHOLD)
    rows = (
        Document.objects.filter(collection=collection, destroyed_at__isnull=True)
        .exclude(signature="")
        .values_list(
            "pk", "signature", "sha256", "near_duplicate_of_id", "near_duplicate_similarity"
        )
        .iterator(chunk_size=2000)
    )
    sha: dict[int, str] = {}
    current: dict[int, tuple[int | None, float | None]] = {}
    signatures = {}
    for pk, sig_hex, digest, linked_to, similarity in rows:
        try:
            sig = signature_from_hex(sig_hex)
            index.add(pk, sig)
        except (ValueError, KeyError):
            continue
        signatures[pk] = sig
        sha[pk] = digest
        current[pk] = (linked_to, similarity)
    changes: dict[tuple[int | None, float | None], list[int]] = {}
    linked = 0
    for pk, sig in signatures.items():
        best = next(
            (m for m in index.query(sig) if m.key != pk and sha.get(m.key) != sha[pk]), None
        )
        wanted = (best.key, best.similarity) if best else (None, None)
        linked += best is not None
        if current[pk] != wanted:
            changes.setdefault(wanted, []).append(pk)  # type: ignore[arg-type]
    # Documents that lost their signature (destroyed, re-read) keep no stale link.
    stale = (
        Document.objects.filter(collection=collection, near_duplicate_of__isnull=False)
        .filter(Q(signature="") | Q(destroyed_at__isnull=False))
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        for (target, similarity), pks in changes.items():
            for start in range(0, len(pks), 500):
                Document.objects.filter(pk__in=pks[start : start + 500]).update(
                    near_duplicate_of_id=target, near_duplicate_similarity=similarity
                )
        Document.objects.filter(pk__in=list(stale)).update(
            near_duplicate_of=None, near_duplicate_similarity=None
        )
    return linked
