"""The orphan-file sweep: stored files that no row refers to are removed.

A process killed in the middle of an import (a ZIP of hundreds of files) has written files to
the storage while the transaction that would have created their rows was rolled back. No
retention or destruction job looks at a file without a row, so without this sweep such a file
(often a CV: personal data) would stay for ever.

The sweep walks the folders our file fields write to (:data:`SWEPT_FOLDERS`) with the storage
API only (``listdir``, ``get_modified_time``, ``delete``), so it works on a local folder and
on S3 alike. A file is removed when no file field of any model names it and it is older than
``TALENTBRUG_ORPHAN_GRACE_HOURS`` (a file of an import that is still running has no row yet).
Orphans are not adopted: the row of a killed import cannot be rebuilt (the name and folder of
the file in the archive are not stored with the file); the person imports the archive again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.db import models
from django.utils import timezone

from talentbrug.audit.services import record_event

logger = logging.getLogger(__name__)

# The first folder of every upload_to of a FileField in this project (a test checks this).
SWEPT_FOLDERS = ("applications", "records", "inzicht", "organisation-logos")
LOOKUP_CHUNK = 500


def file_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) that stores a file in the default storage."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def files_under(storage: Storage, folder: str) -> Iterator[str]:
    """Every file name under ``folder`` (recursively), through the storage API only."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from files_under(storage, f"{folder}/{sub}")


def _referenced(names: list[str], fields: list[tuple[type[models.Model], str]]) -> set[str]:
    found: set[str] = set()
    for model, field in fields:
        found.update(
            model._default_manager.filter(**{f"{field}__in": names}).values_list(field, flat=True)
        )
    return found


def _chunks(names: Iterator[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for name in names:
        chunk.append(name)
        if len(chunk) >= LOOKUP_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def find_orphan_files(storage: Storage | None = None, now: datetime | None = None) -> Iterator[str]:
    """Names of stored files that no row refers to and that are older than the grace period."""
    storage = storage or default_storage
    cutoff = (now or timezone.now()) - timedelta(hours=settings.TALENTBRUG_ORPHAN_GRACE_HOURS)
    fields = file_fields()
    for folder in SWEPT_FOLDERS:
        for chunk in _chunks(files_under(storage, folder)):
            referenced = _referenced(chunk, fields)
            for name in chunk:
                if name not in referenced and storage.get_modified_time(name) <= cutoff:
                    yield name


def remove_orphan_files(storage: Storage | None = None, now: datetime | None = None) -> int:
    """Periodic job: delete every orphan file; returns how many were removed. Safe to rerun."""
    storage = storage or default_storage
    removed = 0
    for name in list(find_orphan_files(storage, now)):
        try:
            storage.delete(name)
        except OSError as exc:
            # An OSError quotes the path: the kind of error only.
            logger.warning("Orphan file could not be removed (%s)", type(exc).__name__)
            continue
        removed += 1
    if removed:
        record_event("privacy.orphan_files_removed", count=removed)
        logger.info("Removed %s orphan files from storage", removed)
    return removed
