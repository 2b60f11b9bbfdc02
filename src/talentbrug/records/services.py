"""Every state change of the records app: import, decide, claim, legal hold, destruction.

Each function validates first, writes in one transaction and records an audit event. Bad
input raises ``ValidationError`` with a message for people and changes nothing.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import random
import re
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, When
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import user_can, users_who_can
from talentbrug.audit.services import record_event
from talentbrug.core import jobs
from talentbrug.core.filecheck import Purpose, UploadRejected, check_file
from talentbrug.core.jobs import hold_point
from talentbrug.core.safeparse import analyse as safe_analyse
from talentbrug.core.virusscan import records_problem as virus_problem
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

from .constants import (
    ACTIVE_LIST_STATUSES,
    EDITABLE_LIST_STATUSES,
    LIVE_ITEM_STATUSES,
    LOCKED_LIST_STATUSES,
    AnalysisStatus,
    Decision,
    ImportStatus,
    ItemStatus,
    ListStatus,
    OverrideStatus,
    ReviewOutcome,
)
from .declarations import declaration_csv_content
from .models import (
    MAX_TEXT_CHARS,
    Collection,
    DecisionLog,
    DestructionList,
    DestructionListItem,
    DestructionOverride,
    Document,
    ListReview,
    RecordsSettings,
    SelectielijstCategory,
    ZipImport,
)
from .notifications import notify_list_event
from .retention import Verdict, document_verdict
from .workflow import LIST_FLOW, OVERRIDE_FLOW

T = TypeVar("T")
logger = logging.getLogger(__name__)
CHUNK = 1024 * 1024


# Why a file cannot be read, and what to do about it: shown on the card ("Kan niet gelezen
# worden: …") and in the result of an upload. No internal codes: people read these.
def encrypted_reason() -> str:
    return _("Versleuteld met een wachtwoord; vraag de maker om een versie zonder wachtwoord")


def too_large_reason(limit: int) -> str:
    return _(
        "Te groot (meer dan %(size)s); splits het bestand of vraag de beheerder om de grens "
        "te verhogen"
    ) % {"size": filesizeformat(limit)}


def damaged_reason() -> str:
    return _("Beschadigd of onleesbaar; open het zelf en voeg zo nodig een goede kopie toe")


def empty_reason() -> str:
    return _("Leeg bestand (0 bytes); er staat niets in om te bewaren")


STORE_INSERT_CHUNK = 500
CLAIM_MINUTES = 5
UNDO_WINDOW = 10
NEAR_DUPLICATE_THRESHOLD = 0.8
UNSUPPORTED_TYPES = {
    DocType.BINARY,
    DocType.OLE,
    DocType.DOC,
    DocType.XLS,
    DocType.PPT,
    DocType.GZIP,
    DocType.SEVEN_Z,
}


def max_file_bytes() -> int:
    return int(getattr(settings, "RECORDS_MAX_FILE_BYTES", 200 * 1024 * 1024))


def file_read_seconds() -> float:
    """Time budget for reading one file of a server folder (a slow or stuck share)."""
    return float(getattr(settings, "RECORDS_IMPORT_FILE_SECONDS", 60))


def max_zip_total_bytes() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_TOTAL_BYTES", 4 * 1024 * 1024 * 1024))


def max_zip_members() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_MEMBERS", 20_000))


def max_zip_ratio() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_RATIO", 100))


def records_settings(organisation: Any) -> RecordsSettings:
    """Read the settings (the defaults when none are saved); never writes."""
    return RecordsSettings.for_organisation(organisation)


# --- Settings and categories -------------------------------------------------------------


def update_records_settings(
    organisation: Any, user: Any, *, cooling_off_days: int, archivist_required: bool
) -> RecordsSettings:
    if cooling_off_days < 1 or cooling_off_days > 365:
        raise ValidationError(_("Kies een wachttijd van 1 tot en met 365 dagen."))
    with transaction.atomic():
        found, _created = RecordsSettings.objects.select_for_update().get_or_create(
            organisation=organisation
        )
        found.cooling_off_days = cooling_off_days
        found.archivist_required = archivist_required
        found.save()
        record_event(
            "records.settings_changed",
            actor=user,
            organisation=organisation,
            obj=found,
            cooling_off_days=cooling_off_days,
            archivist_required=archivist_required,
        )
    return found


def save_category(
    organisation: Any, user: Any, category: SelectielijstCategory
) -> SelectielijstCategory:
    """Create or change a selectielijst category of the organisation."""
    category.organisation = organisation
    if category.waardering == "V" and not category.bewaartermijn_years:
        raise ValidationError(_("Vul bij waardering V een bewaartermijn in jaren in."))
    with transaction.atomic():
        category.full_clean()
        category.save()
        record_event("records.category_saved", actor=user, organisation=organisation, obj=category)
    return category


def create_collection(
    organisation: Any,
    user: Any,
    *,
    name: str,
    description: str = "",
    default_category: SelectielijstCategory | None = None,
    owner: Any = None,
) -> Collection:
    if not name.strip():
        raise ValidationError(_("Geef de verzameling een naam."))
    if default_category is not None and default_category.organisation_id != organisation.pk:
        raise ValidationError(_("Deze categorie hoort niet bij uw organisatie."))
    with transaction.atomic():
        collection = Collection.objects.create(
            organisation=organisation,
            name=name.strip(),
            description=description,
            default_category=default_category,
            owner=owner or user,
        )
        record_event(
            "records.collection_created", actor=user, organisation=organisation, obj=collection
        )
    return collection


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
    # local import: records.tasks imports records.services at load time (cycle)
    from .tasks import analyse_documents

    ids = [d.pk for d in documents if d.analysis_status == AnalysisStatus.PENDING]
    for start in range(0, len(ids), ANALYSIS_BATCH):
        analyse_documents.delay(ids[start : start + ANALYSIS_BATCH])
    if documents and not ids:
        # local import: records.tasks imports records.services at load time (cycle)
        from .tasks import find_near_duplicates

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


def _zip_time(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return timezone.make_aware(datetime(*info.date_time))  # noqa: DTZ001 - local zip time
    except (ValueError, TypeError, OverflowError):
        return None


def _zip_members(zf: zipfile.ZipFile) -> Iterator[Incoming]:
    limit = max_file_bytes()
    total_limit = max_zip_total_bytes()
    ratio_limit = max_zip_ratio()
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            yield Incoming(info.filename, None, 0, _("Symbolische koppeling, niet gevolgd"))
            continue
        if info.flag_bits & 0x1:
            yield Incoming(info.filename, None, info.file_size, encrypted_reason())
            continue
        if info.file_size > limit:
            yield Incoming(info.filename, None, info.file_size, too_large_reason(limit))
            continue
        if info.file_size > CHUNK and info.file_size > ratio_limit * max(info.compress_size, 1):
            yield Incoming(
                info.filename, None, info.file_size, _("Verdacht sterk ingepakt (mogelijke zipbom)")
            )
            continue
        if total + info.file_size > total_limit:
            yield Incoming(
                info.filename, None, info.file_size, _("Limiet voor de totale grootte bereikt")
            )
            continue
        _path, path_problem = clean_path(info.filename)
        if path_problem:
            yield Incoming(info.filename, None, info.file_size, path_problem)
            continue
        try:
            with zf.open(info) as member:
                # The header may lie about the size: read no more than the limit.
                copy, size = _bounded_copy(member, min(limit, max(info.file_size, 0)))
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            logger.info("records: ZIP member %r cannot be read: %r", info.filename, exc)
            yield Incoming(
                info.filename,
                None,
                info.file_size,
                _(
                    "Beschadigd in het ZIP-bestand; pak het ZIP-bestand zelf uit en voeg dit "
                    "bestand los toe"
                ),
            )
            continue
        if copy is None:
            yield Incoming(info.filename, None, size, _("Groter dan aangegeven (mogelijke zipbom)"))
            continue
        total += size
        yield Incoming(info.filename, copy, size, modified=_zip_time(info))


def _open_zip(upload: IO[bytes]) -> zipfile.ZipFile:
    """The archive, opened and checked (valid, not empty, not too many files)."""
    try:
        zf = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(_("Dit is geen geldig ZIP-bestand.")) from exc
    members = [i for i in zf.infolist() if not i.is_dir()]
    if len(members) > max_zip_members():
        zf.close()
        raise ValidationError(
            _("Het ZIP-bestand bevat meer dan %(max)s bestanden. Splits het op.")
            % {"max": max_zip_members()}
        )
    if not members:
        zf.close()
        raise ValidationError(_("Het ZIP-bestand is leeg."))
    return zf


def import_zip(
    collection: Collection,
    user: Any,
    upload: IO[bytes],
    finish: Callable[[list[Document], int], None] | None = None,
) -> list[Document]:
    """Import a ZIP, keeping folders as paths. Bad members become unreadable cards."""
    with _open_zip(upload) as zf:
        # Streamed: one member at a time is copied, stored and closed.
        return _store(collection, user, _zip_members(zf), finish)


class _AlreadyImported(Exception):
    """Another run of the same ZIP import committed first; this run's work is rolled back."""


def start_zip_import(collection: Collection, user: Any, upload: Any) -> ZipImport:
    """Store an uploaded ZIP and queue its import (a background job: a ZIP may be large).

    The archive is checked first (a bad one changes nothing), then stored with its row in one
    transaction; the job is queued when that commits. Without a broker the job runs at once,
    so the returned import is then already done (or failed).
    """
    # local import: records.tasks imports records.services at load time (cycle)
    from .tasks import run_zip_import as task

    _open_zip(upload).close()
    upload.seek(0)
    name = (getattr(upload, "name", "") or "archief.zip").rsplit("/", 1)[-1][:300]
    zip_import = ZipImport(
        organisation=collection.organisation, collection=collection, created_by=user, name=name
    )
    zip_import.archive.save(name, File(upload), save=False)
    try:
        with transaction.atomic():
            zip_import.save()
            record_event(
                "records.zip_import_started",
                actor=user,
                organisation=collection.organisation,
                obj=collection,
                zip_import=zip_import.pk,
            )
    except Exception:
        default_storage.delete(zip_import.archive.name)
        raise
    transaction.on_commit(lambda: task.delay(zip_import.pk))
    zip_import.refresh_from_db()
    return zip_import


def run_zip_import(zip_import: ZipImport) -> ZipImport:
    """The job: read the stored archive into the collection. Idempotent and resumable.

    A run that is killed leaves the import pending (its documents were never committed;
    files it stored are removed by the orphan sweep) and ``resume_stale_imports`` starts it
    again. Two runs at once: the one that marks the import done first keeps its documents.
    """
    if zip_import.status != ImportStatus.PENDING or not zip_import.archive:
        return zip_import
    archive = zip_import.archive.name

    def finish(created: list[Document], unreadable: int) -> None:
        if not ZipImport.objects.filter(pk=zip_import.pk, status=ImportStatus.PENDING).update(
            status=ImportStatus.DONE,
            finished_at=timezone.now(),
            document_count=len(created),
            unreadable_count=unreadable,
            archive="",
        ):
            raise _AlreadyImported

    try:
        with zip_import.archive.open("rb") as fh:
            import_zip(zip_import.collection, zip_import.created_by, fh, finish)
    except _AlreadyImported:
        pass
    except ValidationError as exc:
        _fail_zip_import(zip_import, " ".join(exc.messages))
    else:
        default_storage.delete(archive)
    zip_import.refresh_from_db()
    return zip_import


def _fail_zip_import(zip_import: ZipImport, problem: str) -> None:
    archive = zip_import.archive.name
    if ZipImport.objects.filter(pk=zip_import.pk, status=ImportStatus.PENDING).update(
        status=ImportStatus.FAILED, finished_at=timezone.now(), problem=problem[:300], archive=""
    ):
        record_event(
            "records.zip_import_failed",
            actor=zip_import.created_by,
            organisation=zip_import.organisation,
            obj=zip_import.collection,
            zip_import=zip_import.pk,
        )
        if archive:
            default_storage.delete(archive)


def zip_import_documents(zip_import: ZipImport) -> list[Document]:
    """The documents a finished ZIP import added, for the result on screen: those of its
    collection added while the import ran (an upload into the same collection in that very
    moment would be listed with it)."""
    if zip_import.status != ImportStatus.DONE or not zip_import.finished_at:
        return []
    return list(
        Document.objects.filter(
            collection_id=zip_import.collection_id,
            imported_at__gte=zip_import.queued_at,
            imported_at__lte=zip_import.finished_at,
        ).only("pk")
    )


def unfinished_zip_imports(collection: Collection, days: int = 14) -> list[ZipImport]:
    """ZIP imports still being read, and those that failed in the last ``days`` days."""
    recent = timezone.now() - timedelta(days=days)
    return list(
        collection.zip_imports.filter(
            Q(status=ImportStatus.PENDING) | Q(status=ImportStatus.FAILED, finished_at__gte=recent)
        )[:10]
    )


def resume_stale_imports(now: datetime | None = None) -> dict[str, int]:
    """Periodic job: ZIP imports still pending long after they were queued start again.

    After ``TALENTBRUG_JOB_MAX_ATTEMPTS`` starts the import fails with a message on the
    collection page (the archive itself may be what kills the worker).
    """
    # local import: records.tasks imports records.services at load time (cycle)
    from .tasks import run_zip_import as task

    give_up, retry = jobs.claim_stale(
        ZipImport.objects.filter(status=ImportStatus.PENDING),
        attempts="attempts",
        queued_at="queued_at",
        now=now,
    )
    problem = _("Inlezen is %(count)s keer afgebroken. Voeg het ZIP-bestand opnieuw toe.") % {
        "count": jobs.max_attempts()
    }
    for zip_import in ZipImport.objects.filter(pk__in=give_up).select_related("collection"):
        _fail_zip_import(zip_import, problem)
    for pk in retry:
        task.delay(pk)
    return {"requeued": len(retry), "failed": len(give_up)}


def import_roots() -> dict[str, str]:
    """Server folders that administrators allow for import (setting RECORDS_IMPORT_ROOTS).

    The setting is a mapping {name: folder}, or a list of ``name=/folder`` entries as read
    from the environment (``RECORDS_IMPORT_ROOTS=scans=/srv/scans,schijf=/mnt/werving``).
    """
    raw = getattr(settings, "RECORDS_IMPORT_ROOTS", None) or {}
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    roots: dict[str, str] = {}
    for entry in raw:
        name, sep, folder = str(entry).partition("=")
        if sep and name.strip() and folder.strip():
            roots[name.strip()] = folder.strip()
    return roots


def _folder_target(root_name: str, subpath: str) -> Path:
    """The folder to import: under a configured root, without '..', absolute parts or links."""
    roots = import_roots()
    if root_name not in roots:
        raise ValidationError(_("Deze map is niet vrijgegeven voor import."))
    base = Path(roots[root_name]).resolve()
    cleaned = (subpath or "").replace("\\", "/").strip()
    parts = [p for p in cleaned.split("/") if p not in ("", ".")]
    if cleaned.startswith("/") or re.match(r"^[A-Za-z]:", cleaned) or ".." in parts:
        raise ValidationError(_("Geef een map binnen de vrijgegeven map, zonder '..'."))
    if _CONTROL.search(cleaned):
        raise ValidationError(_("Deze mapnaam bevat ongeldige tekens."))
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise ValidationError(
                _("Deze map is een symbolische koppeling; die volgt Talentbrug niet.")
            )
    target = current.resolve()
    if not target.is_relative_to(base) or not target.is_dir():
        raise ValidationError(_("Deze map bestaat niet binnen de vrijgegeven map."))
    return target


def _folder_members(target: Path) -> Iterator[Incoming]:
    """Each file under ``target``, read one at a time within its time budget.

    The type of every entry is checked with ``lstat`` before it is opened: only regular files
    are read (a named pipe, socket or device would block or never end), symbolic links are
    never followed, and files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked again
    with ``fstat`` (the entry may have been swapped between the two looks).
    """
    limit = max_file_bytes()
    budget = file_read_seconds()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    for dirpath, dirnames, filenames in os.walk(target, followlinks=False):
        current = Path(dirpath)
        for dirname in sorted(dirnames):
            if (current / dirname).is_symlink():
                dirnames.remove(dirname)
                rel = str((current / dirname).relative_to(target))
                yield Incoming(rel, None, 0, _("Symbolische koppeling, niet gevolgd"))
        dirnames.sort()
        for filename in sorted(filenames):
            full = current / filename
            rel = str(full.relative_to(target))
            yield _folder_member(full, rel, flags, limit, budget)


def _folder_member(full: Path, rel: str, flags: int, limit: int, budget: float) -> Incoming:
    not_regular = _("Geen gewoon bestand (bijvoorbeeld een pipe of apparaat); niet gelezen")
    try:
        info = os.lstat(full)
    except OSError:
        return Incoming(rel, None, 0, _("Kan het bestand niet openen"))
    if stat.S_ISLNK(info.st_mode):
        return Incoming(rel, None, 0, _("Symbolische koppeling, niet gevolgd"))
    if not stat.S_ISREG(info.st_mode):
        return Incoming(rel, None, 0, not_regular)
    try:
        fd = os.open(full, flags)
    except OSError:
        return Incoming(rel, None, 0, _("Kan het bestand niet openen"))
    with os.fdopen(fd, "rb") as fh:
        opened = os.fstat(fh.fileno())
        if not stat.S_ISREG(opened.st_mode) or opened.st_ino != info.st_ino:
            return Incoming(rel, None, 0, not_regular)
        try:
            copy, size = _bounded_copy(fh, limit, time.monotonic() + budget)
        except ReadTooSlow:
            return Incoming(
                rel,
                None,
                opened.st_size,
                _("Inlezen duurde langer dan %(seconds)s seconden; niet gelezen")
                % {"seconds": int(budget)},
            )
        except OSError:
            return Incoming(rel, None, opened.st_size, _("Kan het bestand niet lezen"))
    if copy is None:
        return Incoming(rel, None, size, too_large_reason(limit))
    return Incoming(rel, copy, size, modified=datetime.fromtimestamp(opened.st_mtime, tz=UTC))


def import_folder(
    collection: Collection, user: Any, root_name: str, subpath: str = ""
) -> list[Document]:
    """Import a server folder under a configured root. Symlinks are never followed.

    Files are streamed one at a time (copied, stored, closed), so a folder of thousands of
    files does not have to fit in memory.
    """
    target = _folder_target(root_name, subpath)
    members = _folder_members(target)
    first = next(members, None)
    if first is None:
        raise ValidationError(_("Deze map bevat geen bestanden."))
    return _store(collection, user, itertools.chain([first], members))


@dataclass
class ImportReport:
    """What an import brought in, read back from the database after the (eager) analysis.

    ``problems`` names every file that could not be read, and why, and every empty file:
    each file is judged on its own, so one bad file never stops the others.
    """

    added: int
    unreadable: int
    problems: list[tuple[str, str]]  # (path, reason with what to do)
    reading: int  # still waiting for a background worker to read it


REPORT_CHUNK = 500


def import_report(documents: Iterable[Document]) -> ImportReport:
    ids = [d.pk for d in documents]
    rows: list[tuple[str, int, str, str]] = []
    for start in range(0, len(ids), REPORT_CHUNK):
        rows += Document.objects.filter(pk__in=ids[start : start + REPORT_CHUNK]).values_list(
            "path", "size", "analysis_status", "unreadable_reason"
        )
    rows.sort()
    problems: list[tuple[str, str]] = []
    unreadable = reading = 0
    for path, size, status, reason in rows:
        if status == AnalysisStatus.UNREADABLE:
            unreadable += 1
            problems.append((path, reason or damaged_reason()))
        elif status == AnalysisStatus.PENDING:
            reading += 1
        elif size == 0:
            problems.append((path, empty_reason()))
    return ImportReport(len(rows), unreadable, problems, reading)


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
        logger.info("records: document %s cannot be opened: %r", document.pk, exc)
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


# --- Triage ------------------------------------------------------------------------------


def _live_item(document: Document, statuses: Iterable[str]) -> DestructionListItem | None:
    return (
        DestructionListItem.objects.filter(
            document=document,
            status__in=LIVE_ITEM_STATUSES,
            destruction_list__status__in=list(statuses),
        )
        .select_related("destruction_list")
        .first()
    )


def _ensure_not_locked(document: Document) -> None:
    if document.destroyed_at:
        raise ValidationError(_("Dit document is al vernietigd."))
    if document.declaration_of_id:
        raise ValidationError(
            _("Dit is een verklaring van vernietiging. Die wordt altijd bewaard en blijft zo.")
        )
    item = _live_item(document, LOCKED_LIST_STATUSES)
    if item is not None:
        raise ValidationError(
            _(
                "Dit document staat op vernietigingslijst '%(name)s' (%(status)s). Zet het daar "
                "eerst terug."
            )
            % {
                "name": item.destruction_list.name,
                "status": item.destruction_list.get_status_display(),
            }
        )


def _drop_from_new_lists(document: Document) -> None:
    DestructionListItem.objects.filter(
        document=document,
        status=ItemStatus.PROPOSED,
        destruction_list__status__in=EDITABLE_LIST_STATUSES,
    ).delete()


def decide_document(
    document: Document,
    user: Any,
    decision: str,
    *,
    category: SelectielijstCategory | None = None,
    note: str = "",
    role: str = "",
) -> Document:
    """Record a person's decision about one card. Discarding only proposes destruction."""
    if decision not in Decision.values or decision == Decision.UNDECIDED:
        raise ValidationError(_("Kies bewaren, weggooien, later of twijfel."))
    if category is not None and category.organisation_id != document.organisation_id:
        raise ValidationError(_("Deze categorie hoort niet bij uw organisatie."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().select_related("collection").get(pk=document.pk)
        _ensure_not_locked(doc)
        if decision == Decision.DISCARD and doc.legal_hold:
            raise ValidationError(
                _("Dit document heeft een juridische blokkade (%(ref)s) en mag niet weg.")
                % {"ref": doc.legal_hold_reference}
            )
        chosen = category or doc.category or doc.collection.default_category
        if decision == Decision.KEEP and chosen is None:
            raise ValidationError(_("Kies een selectielijstcategorie om te bewaren."))
        DecisionLog.objects.create(
            collection=doc.collection,
            document=doc,
            user=user,
            previous_decision=doc.decision,
            previous_category=doc.category,
            previous_note=doc.note,
            previous_decided_by=doc.decided_by,
            previous_decided_at=doc.decided_at,
            decision=decision,
        )
        doc.decision = decision
        doc.decided_by = user
        doc.decided_at = timezone.now()
        if decision in (Decision.KEEP, Decision.DISCARD):
            doc.category = chosen
        doc.note = note.strip()[:2000]
        doc.claimed_by = None
        doc.claimed_until = None
        doc.save()
        if decision != Decision.DISCARD:
            _drop_from_new_lists(doc)
        Collection.objects.filter(pk=doc.collection_id).update(
            decision_version=F("decision_version") + 1
        )
        record_event(
            "records.document_decided",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
            role=role,
            decision=decision,
        )
    return doc


def undo_last_decision(collection: Collection, user: Any) -> Document:
    """Undo the user's most recent decision in this collection (up to the last ten)."""
    with transaction.atomic():
        recent = list(
            DecisionLog.objects.select_for_update()
            .filter(collection=collection, user=user)
            .order_by("-created_at", "-pk")[:UNDO_WINDOW]
        )
        log = next((entry for entry in recent if entry.undone_at is None), None)
        if log is None:
            raise ValidationError(
                _("Er is niets meer om ongedaan te maken (alleen de laatste tien beslissingen).")
            )
        doc = Document.objects.select_for_update().get(pk=log.document_id)
        _ensure_not_locked(doc)
        if doc.decision != log.decision or doc.decided_by_id != user.pk:
            raise ValidationError(
                _("Iemand anders heeft intussen over dit document beslist; er is niets veranderd.")
            )
        doc.decision = log.previous_decision
        doc.category = log.previous_category
        doc.note = log.previous_note
        doc.decided_by = log.previous_decided_by
        doc.decided_at = log.previous_decided_at
        now = timezone.now()
        release_claims(collection, user)  # the undone card is the one to show next
        doc.claimed_by = user
        doc.claimed_until = now + timedelta(minutes=CLAIM_MINUTES)
        doc.save()
        if doc.decision != Decision.DISCARD:
            _drop_from_new_lists(doc)
        log.undone_at = now
        log.save(update_fields=["undone_at"])
        Collection.objects.filter(pk=collection.pk).update(
            decision_version=F("decision_version") + 1
        )
        record_event(
            "records.decision_undone",
            actor=user,
            organisation=collection.organisation,
            obj=doc,
            decision=doc.decision,
        )
    return doc


def apply_decision_to_duplicates(document: Document, user: Any) -> int:
    """Give every undecided exact copy of this card the same decision (a person's bulk step)."""
    document = Document.objects.select_related("collection", "category").get(pk=document.pk)
    if document.decision not in (Decision.KEEP, Decision.DISCARD) or not document.sha256:
        raise ValidationError(_("Beslis eerst zelf over deze kaart: bewaren of weggooien."))
    copies = Document.objects.filter(
        collection=document.collection,
        sha256=document.sha256,
        decision__in=[Decision.UNDECIDED, Decision.LATER],
        destroyed_at__isnull=True,
    ).exclude(pk=document.pk)
    if document.decision == Decision.DISCARD:
        copies = copies.filter(legal_hold=False)
    count = 0
    with transaction.atomic():
        for copy in copies:
            decide_document(copy, user, document.decision, category=document.category)
            count += 1
        record_event(
            "records.duplicates_decided",
            actor=user,
            organisation=document.organisation,
            obj=document,
            count=count,
        )
    return count


TRIAGE_QUEUE = (Decision.UNDECIDED, Decision.LATER)


def _queue_order(qs: Any) -> Any:
    """Undecided cards first, then 'later' cards; within each, by path."""
    return qs.annotate(
        queue_rank=Case(When(decision=Decision.UNDECIDED, then=0), default=1)
    ).order_by("queue_rank", "path", "pk")


def retry_when_locked(fn: Callable[[], T], attempts: int = 40) -> T:
    """Run ``fn`` again when SQLite reports a lock (several people triaging at once).

    PostgreSQL waits for row locks by itself; SQLite can answer "database (table) is locked"
    at once (shared cache) or after its busy timeout. Only retried outside a transaction, so
    a retry never repeats half a transaction.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except OperationalError as exc:
            locked = "locked" in str(exc).lower()
            if not locked or connection.in_atomic_block or attempt == attempts - 1:
                raise
            time.sleep(min(0.2, 0.005 * (attempt + 1)) * (1 + random.random()))
    raise AssertionError("unreachable")


def claim_next_card(
    collection: Collection, user: Any, *, exclude: Iterable[int] = ()
) -> Document | None:
    """The card this person should see now, claimed so that nobody else gets it (see
    ``_claim_next_card``); retried when SQLite is momentarily locked by a colleague."""
    return retry_when_locked(lambda: _claim_next_card(collection, user, exclude=exclude))


def _claim_next_card(
    collection: Collection, user: Any, *, exclude: Iterable[int] = ()
) -> Document | None:
    """The card this person should see now, claimed so that nobody else gets it.

    A person keeps their own live claim (a reload shows the same card). Otherwise the first
    free undecided card, then the first free 'later' card. The claim is taken with a
    conditional update, so two people racing for one card cannot both win.

    ``exclude`` skips cards (the one on screen) so that the screen can prefetch the next card:
    a person may then hold two claims, and a reload shows the first of them in queue order.
    """
    now = timezone.now()
    until = now + timedelta(minutes=CLAIM_MINUTES)
    skip = [int(pk) for pk in exclude]
    open_docs = Document.objects.filter(collection=collection, destroyed_at__isnull=True)
    if skip:
        open_docs = open_docs.exclude(pk__in=skip)
    mine = (
        _queue_order(
            open_docs.filter(claimed_by=user, claimed_until__gt=now, decision__in=TRIAGE_QUEUE)
        )
        .select_related("collection__default_category", "category", "near_duplicate_of")
        .first()
    )
    if mine is not None:
        Document.objects.filter(pk=mine.pk, claimed_by=user).update(claimed_until=until)
        mine.claimed_until = until
        return mine
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=user)
    for decision in TRIAGE_QUEUE:
        pk = _take_first_free(open_docs.filter(free, decision=decision), user, until)
        if pk is not None:
            return Document.objects.select_related(
                "collection__default_category", "category", "near_duplicate_of"
            ).get(pk=pk)
    return None


def _take_first_free(free_docs: Any, user: Any, until: datetime) -> int | None:
    """Claim the first of ``free_docs`` in queue order; its id, or None when there is none.

    One short transaction with one indexed look-up (``records_doc_triage_queue``: collection,
    decision, path, id) and one update by primary key. PostgreSQL locks the row with
    ``FOR UPDATE SKIP LOCKED``, so colleagues claiming at the same moment each get another
    card without waiting. SQLite starts the transaction with ``BEGIN IMMEDIATE`` (see the
    database settings), so claims are serialised and the look-up cannot go stale.
    """
    queue = free_docs.order_by("path", "pk")
    if connection.features.has_select_for_update_skip_locked:
        queue = queue.select_for_update(skip_locked=True)
    with transaction.atomic():
        pk = queue.values_list("pk", flat=True).first()
        if pk is None:
            return None
        Document.objects.filter(pk=pk).update(claimed_by=user, claimed_until=until)
    return int(pk)


def release_claims(collection: Collection, user: Any) -> None:
    Document.objects.filter(collection=collection, claimed_by=user).update(
        claimed_by=None, claimed_until=None
    )


def set_legal_hold(document: Document, user: Any, *, hold: bool, reference: str = "") -> Document:
    """Put a legal hold on a document (Woo request, dispute) or lift it."""
    reference = reference.strip()
    if hold and not reference:
        raise ValidationError(_("Vul het kenmerk van het Woo-verzoek of geschil in."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if doc.destroyed_at:
            raise ValidationError(_("Dit document is al vernietigd."))
        doc.legal_hold = hold
        doc.legal_hold_reference = reference[:200] if hold else ""
        doc.save(update_fields=["legal_hold", "legal_hold_reference"])
        if hold:
            _drop_from_new_lists(doc)
        record_event(
            "records.legal_hold_set" if hold else "records.legal_hold_lifted",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
        )
    return doc


# --- Dates and overrides of the selectielijst ---------------------------------------------


def set_document_dates(
    document: Document,
    user: Any,
    *,
    document_date: date | None,
    trigger_date: date | None,
) -> Document:
    """Set (or correct) the dates from which the bewaartermijn runs, by hand."""
    today = timezone.localdate()
    for value in (document_date, trigger_date):
        if value is not None and value > today:
            raise ValidationError(_("Een datum in de toekomst kan niet. Kies vandaag of eerder."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        _ensure_not_locked(doc)
        changed = {}
        if document_date != doc.document_date:
            changed["document_date"] = document_date
            changed["document_date_by_hand"] = document_date is not None
        if trigger_date != doc.trigger_date:
            changed["trigger_date"] = trigger_date
        if not changed:
            return doc
        for field, value in changed.items():
            setattr(doc, field, value)
        doc.save(update_fields=list(changed))
        _drop_from_new_lists(doc)
        record_event(
            "records.document_dates_set",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
            fields=",".join(sorted(k for k in changed if k != "document_date_by_hand")),
        )
    return doc


def request_override(
    document: Document, user: Any, *, justification: str, reference: str = ""
) -> DestructionOverride:
    """Ask to destroy a document the selectielijst refuses (→ aangevraagd)."""
    if len(justification.strip()) < 20:
        raise ValidationError(
            _("Schrijf een onderbouwing van minstens 20 tekens: waarom mag dit document toch weg?")
        )
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if doc.destroyed_at:
            raise ValidationError(_("Dit document is al vernietigd."))
        verdict = document_verdict(doc, with_override=False)
        if verdict.destroyable:
            raise ValidationError(
                _(
                    "Dit document mag volgens de selectielijst al weg. Een uitzondering is niet nodig."
                )
            )
        if not verdict.overridable:
            raise ValidationError(
                _("Hier kan geen uitzondering: %(reason)s") % {"reason": verdict.reason}
            )
        if doc.overrides.filter(
            status__in=[OverrideStatus.REQUESTED, OverrideStatus.APPROVED]
        ).exists():
            raise ValidationError(_("Voor dit document loopt al een uitzondering."))
        override = DestructionOverride.objects.create(
            organisation=doc.organisation,
            document=doc,
            justification=justification.strip()[:4000],
            reference=reference.strip()[:200],
            refusal=verdict.reason[:300],
            requested_by=user,
        )
        record_event(
            "records.override_requested",
            actor=user,
            organisation=doc.organisation,
            obj=override,
            document_id=doc.pk,
            refusal=str(verdict.refusal),
        )
    return override


def _decide_override(
    override: DestructionOverride, user: Any, status: str, comment: str
) -> DestructionOverride:
    with transaction.atomic():
        override = DestructionOverride.objects.select_for_update().get(pk=override.pk)
        move = "approve" if status == OverrideStatus.APPROVED else "reject"
        OVERRIDE_FLOW.check(override, move, user=user)
        override.status = status
        override.decided_by = user
        override.decided_at = timezone.now()
        override.decision_comment = comment.strip()[:2000]
        override.save()
        record_event(
            "records.override_approved"
            if status == OverrideStatus.APPROVED
            else "records.override_rejected",
            actor=user,
            organisation=override.organisation,
            obj=override,
            document_id=override.document_id,
        )
    return override


def approve_override(
    override: DestructionOverride, user: Any, comment: str = ""
) -> DestructionOverride:
    """aangevraagd → goedgekeurd, by a second person. The document may then go on a list."""
    return _decide_override(override, user, OverrideStatus.APPROVED, comment)


def reject_override(override: DestructionOverride, user: Any, comment: str) -> DestructionOverride:
    """aangevraagd → afgewezen, by a second person, with a reason."""
    if not comment.strip():
        raise ValidationError(_("Geef een reden waarom de uitzondering niet doorgaat."))
    return _decide_override(override, user, OverrideStatus.REJECTED, comment)


# --- Destruction lists -------------------------------------------------------------------


def _lock(dl: DestructionList) -> DestructionList:
    return DestructionList.objects.select_for_update().get(pk=dl.pk)


def _item_for(dl: DestructionList, doc: Document) -> DestructionListItem:
    category = doc.effective_category
    return DestructionListItem(
        destruction_list=dl,
        document=doc,
        record_name=doc.name,
        record_path=doc.path,
        record_sha256=doc.sha256,
        record_date=doc.term_date,
        category_code=category.code if category else "",
        category_name=category.name if category else "",
        waardering=category.waardering if category else "",
        bewaartermijn_years=category.bewaartermijn_years if category else None,
    )


def destruction_candidates(
    collection: Collection, *, today: date | None = None
) -> tuple[list[Document], list[tuple[Document, Verdict]]]:
    """Discarded documents not yet on a list: (may go onto a list, refused with verdict)."""
    busy = DestructionListItem.objects.filter(
        status__in=LIVE_ITEM_STATUSES, destruction_list__status__in=ACTIVE_LIST_STATUSES
    ).values("document_id")
    documents = (
        Document.objects.filter(
            collection=collection,
            decision=Decision.DISCARD,
            destroyed_at__isnull=True,
        )
        .exclude(pk__in=busy)
        .select_related("category", "collection__default_category")
        .annotate(
            has_approved_override=Exists(
                DestructionOverride.objects.filter(
                    document=OuterRef("pk"), status=OverrideStatus.APPROVED
                )
            )
        )
    )
    allowed: list[Document] = []
    refused: list[tuple[Document, Verdict]] = []
    for doc in documents:
        verdict = document_verdict(doc, today=today)
        if verdict.destroyable:
            allowed.append(doc)
        else:
            refused.append((doc, verdict))
    return allowed, refused


def create_destruction_list(collection: Collection, user: Any, name: str = "") -> DestructionList:
    """Put every discarded document that may go onto a new list (status nieuw).

    Only documents the selectielijst allows to destroy (V, term known and run out) or that
    have an approved override; the rest stay off the list (see ``destruction_candidates``).
    """
    with transaction.atomic():
        documents, refused = destruction_candidates(collection)
        if not documents:
            if refused:
                raise ValidationError(
                    _(
                        "Geen enkel weggegooid document mag al weg: %(count)s documenten zijn "
                        "geweigerd. De redenen staan bij de verzameling."
                    )
                    % {"count": len(refused)}
                )
            raise ValidationError(
                _("Er zijn geen weggegooide documenten die nog niet op een lijst staan.")
            )
        dl = DestructionList.objects.create(
            organisation=collection.organisation,
            collection=collection,
            name=name.strip()
            or _("Vernietigingslijst %(collection)s %(date)s")
            % {"collection": collection.name, "date": timezone.localdate().strftime("%d-%m-%Y")},
            created_by=user,
        )
        DestructionListItem.objects.bulk_create([_item_for(dl, doc) for doc in documents])
        record_event(
            "records.list_created",
            actor=user,
            organisation=collection.organisation,
            obj=dl,
            count=len(documents),
            refused=len(refused),
        )
    return dl


def submit_destruction_list(
    dl: DestructionList, user: Any, reviewers: Iterable[Any] = ()
) -> DestructionList:
    """nieuw (or wijzigingen gevraagd) → ter beoordeling, with the named reviewer(s).

    Each reviewer may review destruction lists in this organisation and is not the maker.
    The reviewers get an e-mail and see the list on their staff home.
    """
    chosen = list({r.pk: r for r in reviewers}.values())
    if not chosen:
        raise ValidationError(_("Kies minstens één collega die de lijst beoordeelt."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "submit", user=user)
        for reviewer in chosen:
            if reviewer.pk == dl.created_by_id or reviewer.pk == user.pk:
                raise ValidationError(_("U kunt uw eigen lijst niet beoordelen. Kies een collega."))
            if not user_can(reviewer, dl.organisation, "records.review"):
                raise ValidationError(
                    _("%(name)s mag geen vernietigingslijsten beoordelen. Kies een ander.")
                    % {"name": reviewer}
                )
        if not dl.items.filter(status=ItemStatus.PROPOSED).exists():
            raise ValidationError(_("Deze lijst heeft geen documenten om te beoordelen."))
        resubmitted = dl.status == ListStatus.CHANGES_REQUESTED
        dl.status = ListStatus.IN_REVIEW
        dl.submitted_at = timezone.now()
        dl.save()
        dl.reviewers.set(chosen)
        record_event(
            "records.list_submitted",
            actor=user,
            organisation=dl.organisation,
            obj=dl,
            reviewers=len(chosen),
            resubmitted=resubmitted,
        )
        notify_list_event(dl, "submitted", chosen, actor=user)
    return dl


def _not_own_discard(item: DestructionListItem, user: Any) -> None:
    if item.document.decided_by_id == user.pk:
        raise ValidationError(
            _("U heeft '%(name)s' zelf weggegooid. Een collega moet dit beoordelen.")
            % {"name": item.record_name}
        )


def approve_item(item: DestructionListItem, user: Any) -> DestructionListItem:
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "approve_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        _not_own_discard(item, user)
        if item.status != ItemStatus.PROPOSED:
            raise ValidationError(_("Dit document is al beoordeeld."))
        item.status = ItemStatus.APPROVED
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        record_event("records.item_approved", actor=user, organisation=dl.organisation, obj=item)
    return item


def exclude_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """Take one document off the list with a reason; it goes back to the triage pile."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document niet weg mag."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "exclude_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        _not_own_discard(item, user)
        if item.status not in LIVE_ITEM_STATUSES:
            raise ValidationError(_("Dit document staat niet meer op de lijst."))
        item.status = ItemStatus.EXCLUDED
        item.reason = reason.strip()[:2000]
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        _return_to_triage(
            item.document, _("Uitgezonderd van vernietiging: %(reason)s") % {"reason": item.reason}
        )
        record_event("records.item_excluded", actor=user, organisation=dl.organisation, obj=item)
    return item


def _return_to_triage(document: Document, note: str) -> None:
    Document.objects.filter(pk=document.pk).update(
        decision=Decision.UNDECIDED, note=note[:2000], claimed_by=None, claimed_until=None
    )
    Collection.objects.filter(pk=document.collection_id).update(
        decision_version=F("decision_version") + 1
    )


def _review(dl: DestructionList, user: Any, outcome: str, comment: str) -> None:
    ListReview.objects.create(
        destruction_list=dl, user=user, outcome=outcome, comment=comment.strip()[:4000]
    )


def approve_destruction_list(dl: DestructionList, user: Any, comment: str = "") -> DestructionList:
    """ter beoordeling → goedgekeurd (→ wachttijd when no archivist is needed).

    Only a named reviewer may approve. Documents the reviewer has not excluded are approved
    with the list. The maker gets an e-mail (and the archivists, when they are needed next).
    """
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "approve", user=user)
        now = timezone.now()
        for item in dl.items.filter(status=ItemStatus.PROPOSED).select_related("document"):
            _not_own_discard(item, user)
            item.status = ItemStatus.APPROVED
            item.reviewed_by = user
            item.reviewed_at = now
            item.save()
        count = dl.items.filter(status=ItemStatus.APPROVED).count()
        if not count:
            raise ValidationError(
                _("Alle documenten zijn uitgezonderd. Zet de lijst terug naar nieuw.")
            )
        dl.status = ListStatus.APPROVED
        dl.reviewed_by = user
        dl.reviewed_at = now
        dl.save()
        _review(dl, user, ReviewOutcome.APPROVED, comment)
        record_event(
            "records.list_approved", actor=user, organisation=dl.organisation, obj=dl, count=count
        )
        archivist_needed = records_settings(dl.organisation).archivist_required
        notify_list_event(dl, "approved", [dl.created_by], actor=user, comment=comment)
        if archivist_needed:
            archivists = list(users_who_can(dl.organisation, "records.archivist"))
            notify_list_event(dl, "archivist_needed", archivists, actor=user)
        else:
            dl = start_cooling_off(dl, user)
    return dl


def request_changes(dl: DestructionList, user: Any, comment: str) -> DestructionList:
    """ter beoordeling → wijzigingen gevraagd: a named reviewer sends the list back.

    Approvals of single documents are cleared; the maker processes the comment (takes
    documents off, changes decisions or dates) and submits again.
    """
    return _send_back(dl, user, comment, "request_changes", ReviewOutcome.CHANGES_REQUESTED)


def _send_back(
    dl: DestructionList, user: Any, comment: str, move: str, outcome: str
) -> DestructionList:
    """status → wijzigingen gevraagd, with the comment for the maker (who gets an e-mail)."""
    if not comment.strip():
        raise ValidationError(_("Schrijf wat er moet veranderen."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, move, user=user)
        dl.items.filter(status=ItemStatus.APPROVED).update(
            status=ItemStatus.PROPOSED, reviewed_by=None, reviewed_at=None
        )
        dl.status = ListStatus.CHANGES_REQUESTED
        dl.reviewed_by = None
        dl.reviewed_at = None
        dl.save()
        _review(dl, user, outcome, comment)
        record_event(
            "records.list_changes_requested", actor=user, organisation=dl.organisation, obj=dl
        )
        notify_list_event(dl, "changes_requested", [dl.created_by], actor=user, comment=comment)
    return dl


def approve_as_archivist(dl: DestructionList, user: Any, comment: str = "") -> DestructionList:
    """goedgekeurd → akkoord archivaris → wachttijd (only when the organisation wants this)."""
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "archivist_approve", user=user)
        dl.status = ListStatus.ARCHIVIST_APPROVED
        dl.archivist = user
        dl.archivist_at = timezone.now()
        dl.save()
        _review(dl, user, ReviewOutcome.ARCHIVIST_APPROVED, comment)
        record_event(
            "records.list_archivist_approved", actor=user, organisation=dl.organisation, obj=dl
        )
        notify_list_event(dl, "archivist_approved", [dl.created_by], actor=user, comment=comment)
        dl = start_cooling_off(dl, user)
    return dl


def archivist_request_changes(dl: DestructionList, user: Any, comment: str) -> DestructionList:
    """goedgekeurd → wijzigingen gevraagd: the archivist sends the list back with a comment."""
    return _send_back(
        dl, user, comment, "archivist_request_changes", ReviewOutcome.ARCHIVIST_CHANGES
    )


def remove_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """The maker takes a document off a list that is new or sent back (back to the cards)."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document van de lijst gaat."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "remove_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        if item.status != ItemStatus.PROPOSED:
            raise ValidationError(_("Dit document staat niet meer op de lijst."))
        item.status = ItemStatus.EXCLUDED
        item.reason = reason.strip()[:2000]
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        _return_to_triage(
            item.document,
            _("Van de vernietigingslijst gehaald: %(reason)s") % {"reason": item.reason},
        )
        record_event("records.item_removed", actor=user, organisation=dl.organisation, obj=item)
    return item


def start_cooling_off(dl: DestructionList, user: Any) -> DestructionList:
    """approved (or archivist approved) → cooling off, for the organisation's number of days.

    A move of the system: it follows the approval in the same call (``user`` is the person
    whose approval started it, for the audit trail).
    """
    with transaction.atomic():
        dl = _lock(dl)
        config = records_settings(dl.organisation)
        LIST_FLOW.check(dl, "start_cooling_off", system=True)
        dl.status = ListStatus.COOLING_OFF
        dl.cooling_off_until = timezone.now() + timedelta(days=config.cooling_off_days)
        dl.save()
        record_event(
            "records.cooling_off_started",
            actor=user,
            organisation=dl.organisation,
            obj=dl,
            days=config.cooling_off_days,
        )
    return dl


def restore_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """Take an approved document off the list before destruction (back to the triage pile)."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document terug moet."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "restore_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        if item.status != ItemStatus.APPROVED:
            raise ValidationError(_("Alleen goedgekeurde documenten kunnen terug."))
        item.status = ItemStatus.RESTORED
        item.reason = reason.strip()[:2000]
        item.save()
        _return_to_triage(item.document, _("Teruggezet: %(reason)s") % {"reason": item.reason})
        record_event("records.item_restored", actor=user, organisation=dl.organisation, obj=item)
    return item


def abort_destruction_list(dl: DestructionList, user: Any, reason: str) -> DestructionList:
    """Any step before destruction → nieuw. Approvals are cleared; exclusions stay."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden om de lijst terug te zetten."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "abort", user=user)
        dl.items.filter(status=ItemStatus.APPROVED).update(
            status=ItemStatus.PROPOSED, reviewed_by=None, reviewed_at=None
        )
        dl.status = ListStatus.NEW
        dl.abort_reason = reason.strip()[:2000]
        dl.submitted_at = dl.reviewed_at = dl.archivist_at = dl.cooling_off_until = None
        dl.reviewed_by = dl.archivist = None
        dl.save()
        record_event("records.list_aborted", actor=user, organisation=dl.organisation, obj=dl)
    return dl


def _erase_file(name: str) -> None:
    """Delete one stored file; a file that is already gone is fine (re-runs)."""
    if name:
        default_storage.delete(name)


def _destroy_item(dl: DestructionList, item_pk: int, user: Any) -> bool:
    with transaction.atomic():
        item = DestructionListItem.objects.select_for_update().get(pk=item_pk)
        if item.status != ItemStatus.APPROVED:
            return False
        doc = Document.objects.select_for_update().get(pk=item.document_id)
        now = timezone.now()
        if doc.legal_hold:
            item.status = ItemStatus.HELD
            item.reason = _("Juridische blokkade: %(ref)s") % {"ref": doc.legal_hold_reference}
            item.save()
            record_event("records.item_held", actor=user, organisation=dl.organisation, obj=item)
            return False
        # The guard right before erasure: category, dates and overrides as they are now.
        verdict = document_verdict(doc)
        if not verdict.destroyable:
            item.status = ItemStatus.REFUSED
            item.reason = verdict.reason[:2000]
            item.save()
            record_event(
                "records.item_refused",
                actor=user,
                organisation=dl.organisation,
                obj=item,
                refusal=str(verdict.refusal),
            )
            return False
        _erase_file(doc.file.name)
        Document.objects.filter(pk=doc.pk).update(
            file="",
            extracted_text="",
            preview="",
            signature="",
            author="",
            title="",
            attachments=[],
            near_duplicate_of=None,
            claimed_by=None,
            claimed_until=None,
            destroyed_at=now,
        )
        item.status = ItemStatus.DESTROYED
        item.destroyed_at = now
        item.save()
        record_event(
            "records.document_destroyed",
            actor=user,
            organisation=dl.organisation,
            obj=doc,
            list_id=dl.pk,
            item_id=item.pk,
            override=verdict.overridden,
        )
    return True


def destroy_destruction_list(dl: DestructionList, user: Any = None) -> DestructionList:
    """wachttijd (after it ends) → wordt vernietigd → vernietigd. Idempotent and resumable.

    Each document is destroyed in its own transaction; after a crash the list stays in
    'wordt vernietigd' and a re-run continues with the documents that are left.
    """
    with transaction.atomic():
        dl = _lock(dl)
        if dl.status == ListStatus.DESTROYED:
            return dl
        if dl.status == ListStatus.COOLING_OFF:
            # A person starts it after the cooling-off; without one, the nightly job does.
            actor = user if getattr(user, "is_authenticated", False) else None
            LIST_FLOW.check(dl, "start_destruction", user=actor, system=actor is None)
            dl.status = ListStatus.DESTROYING
            dl.destroyed_by = user if getattr(user, "is_authenticated", False) else None
            dl.save()
            record_event(
                "records.destruction_started", actor=user, organisation=dl.organisation, obj=dl
            )
        else:
            LIST_FLOW.check(dl, "finish_destruction", system=True)
    for item_pk in list(
        dl.items.filter(status=ItemStatus.APPROVED).order_by("pk").values_list("pk", flat=True)
    ):
        _destroy_item(dl, item_pk, user)
    with transaction.atomic():
        dl = _lock(dl)
        if (
            dl.status == ListStatus.DESTROYING
            and not dl.items.filter(status=ItemStatus.APPROVED).exists()
        ):
            LIST_FLOW.check(dl, "finish_destruction", system=True)
            dl.status = ListStatus.DESTROYED
            dl.destroyed_at = timezone.now()
            dl.save()
            record_event(
                "records.list_destroyed",
                actor=user,
                organisation=dl.organisation,
                obj=dl,
                count=dl.items.filter(status=ItemStatus.DESTROYED).count(),
            )
            store_declaration(dl, user)
    return dl


def store_declaration(dl: DestructionList, user: Any = None) -> Document:
    """Keep the verklaring van vernietiging as a record of its own, in the same collection.

    It is kept (decision bewaren, never on a list: see ``retention.document_verdict``), with
    the list's date as document date. Called once when the list is destroyed; a re-run
    returns the stored record.
    """

    existing = Document.objects.filter(declaration_of=dl).first()
    if existing is not None:
        return existing
    content = declaration_csv_content(dl)
    today = timezone.localdate()
    name = f"verklaring-van-vernietiging-{dl.pk}-{today:%Y%m%d}.csv"
    doc = Document(
        organisation=dl.organisation,
        collection=dl.collection,
        path=f"{_('Verklaringen van vernietiging')}/{name}",
        name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        detected_type="csv",
        mime_type="text/csv",
        document_date=today,
        document_date_by_hand=False,
        title=_("Verklaring van vernietiging: %(name)s") % {"name": dl.name},
        analysis_status=AnalysisStatus.DONE,
        decision=Decision.KEEP,
        decided_by=user if getattr(user, "is_authenticated", False) else None,
        decided_at=timezone.now(),
        note=_("Verklaring van vernietiging van lijst %(id)s. Wordt altijd bewaard.")
        % {"id": dl.pk},
        declaration_of=dl,
    )
    with transaction.atomic():
        doc.file.save(name, ContentFile(content), save=False)
        try:
            doc.save()
        except Exception:
            default_storage.delete(doc.file.name)
            raise
        record_event(
            "records.declaration_stored",
            actor=user,
            organisation=dl.organisation,
            obj=doc,
            list_id=dl.pk,
        )
    return doc
