"""The orphan-file sweep: files no row refers to (a killed import) leave the storage."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from talentbrug.applications.tests.factories import AssignmentFactory
from talentbrug.audit.models import AuditEvent
from talentbrug.core import periodic
from talentbrug.records.models import Document as RecordsDocument
from talentbrug.records.services import imports as records_imports
from talentbrug.records.services import uploads as records_uploads
from talentbrug.records.tests.factories import CollectionFactory, DocumentFactory, with_file

from .. import orphans
from . import factories as f
from .test_s3 import _keys, s3  # noqa: F401 - the moto S3 fixture

pytestmark = pytest.mark.django_db
LATER = timedelta(hours=25)  # past the default grace period of 24 hours


def stored_names() -> set[str]:
    return set(orphans.files_under(default_storage, "records")) | set(
        orphans.files_under(default_storage, "applications")
    )


class Killed(BaseException):
    """Stands in for SIGKILL: no ``except Exception`` clean-up runs."""


def killed_zip_import(monkeypatch) -> tuple[object, set[str]]:
    """A ZIP import that dies after storing its files, before its rows are committed."""
    collection = CollectionFactory()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for n in range(3):
            zf.writestr(f"Werving/cv-{n}.txt", f"cv nummer {n}")
    archive.seek(0)
    monkeypatch.setattr(records_uploads, "_start_analysis", lambda documents: None)

    real_bulk_create = RecordsDocument.objects.bulk_create

    def die_at_insert(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(RecordsDocument.objects, "bulk_create", die_at_insert)
    with pytest.raises(Killed):
        records_imports.import_zip(collection, None, archive)
    monkeypatch.setattr(RecordsDocument.objects, "bulk_create", real_bulk_create)
    return collection, stored_names()


def test_files_of_a_killed_import_are_removed_after_the_grace_period(monkeypatch):
    collection, left = killed_zip_import(monkeypatch)
    assert len(left) == 3 and not RecordsDocument.objects.exists()  # the bug: files, no rows
    kept = with_file(DocumentFactory(collection=collection), b"een document met een rij")

    assert orphans.remove_orphan_files() == 0  # too young: an import may still be running
    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 3

    assert stored_names() == {kept.file.name}
    assert AuditEvent.objects.get(event_type="privacy.orphan_files_removed").data == {"count": 3}
    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 0


def test_every_kind_of_referenced_file_is_kept(organisation):
    application = f.application(organisation)
    cv = f.document(application, "cv", b"cv van Amina")
    assignment = AssignmentFactory(vacancy=application.vacancy)
    assignment.attachment.save("opdracht.txt", ContentFile(b"de opdracht"), save=True)
    record = with_file(DocumentFactory(), b"archiefstuk")
    stray = default_storage.save("applications/ab/weesbestand", ContentFile(b"zonder rij"))

    assert list(orphans.find_orphan_files(now=timezone.now() + LATER)) == [stray]
    orphans.remove_orphan_files(now=timezone.now() + LATER)

    assert stored_names() == {cv.file.name, assignment.attachment.name, record.file.name}


def test_files_outside_the_upload_folders_are_never_touched(settings):
    other = default_storage.save("exports/overzicht.csv", ContentFile(b"a;b"))
    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 0
    assert default_storage.exists(other)
    assert Path(settings.STORAGES["default"]["OPTIONS"]["location"], other).exists()


def test_every_file_field_writes_inside_a_swept_folder():
    """A new FileField with another folder would never be swept: this test names it."""
    fields = orphans.file_fields()
    assert {(m._meta.label, name) for m, name in fields} == {
        ("accounts.Organisation", "logo"),
        ("applications.Document", "file"),
        ("applications.WorkSampleAssignment", "attachment"),
        ("insights.QuarterlyReport", "pdf"),
        ("records.Document", "file"),
        ("records.ZipImport", "archive"),
    }
    for model, name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.FileField)
        ids = (
            {"organisation_id": 1, "collection_id": 2} if model._meta.app_label == "records" else {}
        )
        instance = model(**ids)
        generated = field.generate_filename(instance, "x.pdf")
        assert generated.split("/", 1)[0] in orphans.SWEPT_FOLDERS, (model, generated)
    assert apps.get_model("records", "Document") is RecordsDocument


def test_the_sweep_works_on_s3(s3, monkeypatch):  # noqa: F811
    collection, left = killed_zip_import(monkeypatch)
    kept = with_file(DocumentFactory(collection=collection), b"een document met een rij")
    assert _keys(s3) == left | {kept.file.name} and len(left) == 3

    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 3

    assert _keys(s3) == {kept.file.name}


def test_the_sweep_is_a_periodic_job():
    assert periodic.PERIODIC_JOBS["privacy.remove_orphan_files"].name == (
        "privacy.remove_orphan_files"
    )
