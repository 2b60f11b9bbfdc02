"""ZIP imports (in the background, resumable), server-folder imports, the import report."""

from __future__ import annotations

import itertools
import os
import re
import stat
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.core import jobs

from ..constants import (
    AnalysisStatus,
    ImportStatus,
)
from ..models import (
    Collection,
    Document,
    ZipImport,
)
from .limits import (
    CHUNK,
    damaged_reason,
    empty_reason,
    encrypted_reason,
    file_read_seconds,
    logger,
    max_file_bytes,
    max_zip_members,
    max_zip_ratio,
    max_zip_total_bytes,
    too_large_reason,
)
from .uploads import _CONTROL, Incoming, ReadTooSlow, _bounded_copy, _store, clean_path


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
    members = zf.infolist()
    for index, info in enumerate(members):
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
        except (
            zipfile.BadZipFile,
            zlib.error,  # broken deflate data
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            # File names (and zipfile's messages, which quote them) can hold a person's name:
            # log the member's position and the kind of error only.
            logger.info(
                "records: ZIP member %d of %d cannot be read (%s)",
                index + 1,
                len(members),
                type(exc).__name__,
            )
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
    # local import: tasks imports services at load time (cycle)
    from ..tasks import run_zip_import as task

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
    # local import: tasks imports services at load time (cycle)
    from ..tasks import run_zip_import as task

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
