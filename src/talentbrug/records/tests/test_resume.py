"""A killed worker leaves documents "Wordt gelezen" or a ZIP half-read: the periodic jobs resume.

The real kill (a Celery worker killed with SIGKILL) is in
``talentbrug/tests/test_kill_workers.py``; these tests cover the rules.
"""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.core import periodic
from talentbrug.records.constants import AnalysisStatus, ImportStatus
from talentbrug.records.models import Collection, Document, ZipImport
from talentbrug.records.services import analysis, uploads
from talentbrug.records.services import imports as imports_services

from .factories import DocumentFactory, with_file

pytestmark = pytest.mark.django_db


def left_pending(collection, *, minutes_ago: int, attempts: int = 1, text: bytes = b"") -> Document:
    """A document as a killed worker leaves it: stored, counted, never read."""
    document = with_file(
        DocumentFactory(
            collection=collection,
            analysis_status=AnalysisStatus.PENDING,
            extracted_text="",
            sha256="",
            detected_type="",
            analysis_attempts=attempts,
        ),
        text or b"Verslag van het selectiegesprek met de kandidaat.",
    )
    Document.objects.filter(pk=document.pk).update(
        analysis_queued_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    Collection.objects.filter(pk=collection.pk).update(
        analysis_total=Collection.objects.get(pk=collection.pk).analysis_total + 1
    )
    return document


def test_stale_pending_document_is_read_again(collection, settings):
    settings.TALENTBRUG_JOB_STALE_MINUTES = 30
    stale = left_pending(collection, minutes_ago=31)
    fresh = left_pending(collection, minutes_ago=5)

    result = analysis.resume_stale_analysis()

    assert result == {"requeued": 1, "failed": 0}
    stale.refresh_from_db()
    assert stale.analysis_status == AnalysisStatus.DONE
    assert "selectiegesprek" in stale.extracted_text and len(stale.sha256) == 64
    assert stale.analysis_attempts == 2
    fresh.refresh_from_db()
    assert fresh.analysis_status == AnalysisStatus.PENDING and fresh.analysis_attempts == 1
    collection.refresh_from_db()
    assert (collection.analysis_done, collection.analysis_total) == (1, 2)


def test_after_the_last_attempt_the_document_is_unreadable_with_a_reason(collection, settings):
    settings.TALENTBRUG_JOB_MAX_ATTEMPTS = 3
    given_up = left_pending(collection, minutes_ago=60, attempts=3)
    retried = left_pending(collection, minutes_ago=60, attempts=2)

    assert analysis.resume_stale_analysis() == {"requeued": 1, "failed": 1}

    given_up.refresh_from_db()
    assert given_up.analysis_status == AnalysisStatus.UNREADABLE
    assert given_up.unreadable_reason == "Lezen is 3 keer afgebroken"
    retried.refresh_from_db()
    assert retried.analysis_status == AnalysisStatus.DONE and retried.analysis_attempts == 3
    collection.refresh_from_db()
    assert (collection.analysis_done, collection.analysis_total) == (2, 2)
    event = AuditEvent.objects.get(event_type="records.analysis_failed")
    assert event.data == {"count": 1} and event.organisation == collection.organisation
    # Running it again changes nothing: nothing is pending any more.
    assert analysis.resume_stale_analysis() == {"requeued": 0, "failed": 0}
    collection.refresh_from_db()
    assert collection.analysis_done == 2


def test_the_card_of_a_given_up_document_says_why(collection, manager, settings):
    settings.TALENTBRUG_JOB_MAX_ATTEMPTS = 1
    document = left_pending(collection, minutes_ago=60)
    analysis.resume_stale_analysis()
    page = (
        verified_client(manager)
        .get(reverse("records:document_detail", args=[document.pk]))
        .content.decode()
    )
    assert "Kan niet gelezen worden: Lezen is 1 keer afgebroken" in page


def test_a_document_read_by_a_slow_worker_meanwhile_is_counted_once(collection):
    document = left_pending(collection, minutes_ago=60)
    analysis.analyse_document(Document.objects.get(pk=document.pk))  # the first run finishes
    assert analysis.resume_stale_analysis() == {"requeued": 0, "failed": 0}
    analysis.analyse_documents([Document.objects.get(pk=document.pk)])  # a late duplicate task
    collection.refresh_from_db()
    assert collection.analysis_done == 1


def test_the_job_is_registered_and_runs_with_the_others(collection):
    document = left_pending(collection, minutes_ago=60)
    assert "records.resume_stale_analysis" in periodic.PERIODIC_JOBS
    results = periodic.run_all(["records.resume_stale_analysis"])
    assert results == {"records.resume_stale_analysis": {"requeued": 1, "failed": 0}}
    document.refresh_from_db()
    assert document.analysis_status == AnalysisStatus.DONE


# --- ZIP imports: stored first, read by a job, resumed when the job was killed ------------


def make_zip(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for n in range(count):
            zf.writestr(f"Werving/verslag-{n}.txt", f"Verslag {n} van een gesprek.")
    return buffer.getvalue()


def stored(private_media) -> list[str]:
    return sorted(
        str(p.relative_to(private_media)) for p in private_media.rglob("*") if p.is_file()
    )


def waiting_import(collection, *, minutes_ago: int, attempts: int = 1) -> ZipImport:
    """A ZIP import as a killed worker leaves it: archive stored, status pending, no rows."""
    zip_import = ZipImport(
        organisation=collection.organisation,
        collection=collection,
        name="dossiers.zip",
        attempts=attempts,
    )
    zip_import.archive.save("dossiers.zip", ContentFile(make_zip(3)), save=True)
    ZipImport.objects.filter(pk=zip_import.pk).update(
        queued_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return zip_import


def test_an_uploaded_zip_is_stored_then_read_by_the_job(
    collection, manager, private_media, django_capture_on_commit_callbacks
):
    client = verified_client(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("records:collection_upload", args=[collection.pk]),
            {"archive": SimpleUploadedFile("dossiers.zip", make_zip(3))},
            follow=True,
        )
    # The job is queued when the upload commits (here: when the test's capture block ends).
    assert "Het ZIP-bestand dossiers.zip wordt ingelezen." in response.content.decode()
    zip_import = ZipImport.objects.get()
    assert zip_import.status == ImportStatus.DONE and zip_import.document_count == 3
    assert zip_import.archive.name == "" and zip_import.attempts == 1
    documents = Document.objects.filter(collection=collection)
    assert sorted(d.path for d in documents) == [f"Werving/verslag-{n}.txt" for n in range(3)]
    assert {d.analysis_status for d in documents} == {AnalysisStatus.DONE}
    assert stored(private_media) == sorted(d.file.name for d in documents)  # archive removed


def test_while_the_job_waits_the_page_says_the_zip_is_being_read(collection, manager):
    client = verified_client(manager)
    response = client.post(  # the job is queued after commit; the test transaction never ends
        reverse("records:collection_upload", args=[collection.pk]),
        {"archive": SimpleUploadedFile("dossiers.zip", make_zip(2))},
        follow=True,
    )
    page = response.content.decode()
    assert "Het ZIP-bestand dossiers.zip wordt ingelezen." in page
    assert "<strong>dossiers.zip</strong>: wordt ingelezen" in page
    assert not Document.objects.exists()


def test_a_bad_zip_is_refused_before_anything_is_stored(collection, manager, private_media):
    with pytest.raises(ValidationError, match="geen geldig ZIP-bestand"):
        imports_services.start_zip_import(
            collection, manager, SimpleUploadedFile("x.zip", b"geen zip")
        )
    assert not ZipImport.objects.exists() and stored(private_media) == []


def test_a_stale_zip_import_starts_again_and_completes(collection, private_media):
    zip_import = waiting_import(collection, minutes_ago=60)

    assert imports_services.resume_stale_imports() == {"requeued": 1, "failed": 0}

    zip_import.refresh_from_db()
    assert zip_import.status == ImportStatus.DONE and zip_import.attempts == 2
    assert Document.objects.filter(collection=collection).count() == 3
    assert not default_storage.exists(zip_import.archive.name or "-")
    assert len(stored(private_media)) == 3
    assert imports_services.resume_stale_imports() == {"requeued": 0, "failed": 0}
    assert (
        imports_services.run_zip_import(zip_import).status == ImportStatus.DONE
    )  # a duplicate task
    assert Document.objects.filter(collection=collection).count() == 3


def test_of_two_runs_at_once_only_the_first_keeps_its_documents(
    collection, private_media, monkeypatch
):
    zip_import = waiting_import(collection, minutes_ago=60)
    archive = zip_import.archive.name

    def other_run_finishes_first(name):  # after this run stored its first file
        ZipImport.objects.filter(pk=zip_import.pk).update(status=ImportStatus.DONE, archive="")

    monkeypatch.setattr(uploads, "hold_point", other_run_finishes_first)
    imports_services.run_zip_import(zip_import)

    assert not Document.objects.exists()  # this run's rows rolled back ...
    assert stored(private_media) == [archive]  # ... and its files removed
    collection.refresh_from_db()
    assert collection.analysis_total == 0


def test_after_the_last_attempt_the_zip_import_fails_visibly(collection, manager, private_media):
    zip_import = waiting_import(collection, minutes_ago=60, attempts=3)

    assert imports_services.resume_stale_imports() == {"requeued": 0, "failed": 1}

    zip_import.refresh_from_db()
    assert zip_import.status == ImportStatus.FAILED
    assert zip_import.problem == ("Inlezen is 3 keer afgebroken. Voeg het ZIP-bestand opnieuw toe.")
    assert stored(private_media) == [] and not Document.objects.exists()
    page = verified_client(manager).get(reverse("records:collection_detail", args=[collection.pk]))
    assert (
        "<strong>dossiers.zip</strong>: niet gelukt. Inlezen is 3 keer afgebroken."
        in page.content.decode()
    )


def test_the_import_job_is_registered():
    assert "records.resume_stale_imports" in periodic.PERIODIC_JOBS
