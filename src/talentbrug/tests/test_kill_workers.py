"""Kill tests (issue 14, item 9): a process killed mid-job leaves nothing half-done for ever.

Runs only in .ci/run ("kill tests" step): real Celery workers on Redis, PostgreSQL. Each test
starts its own worker process (``--pool=solo``, so the job runs in that process), sends it
real work through the normal services, waits until the job is provably in progress (the
test-only hold point of ``core.jobs`` writes ``<name>.started`` and waits), kills the worker
with SIGKILL, starts a fresh worker, runs the recovery jobs from the periodic-job registry,
and then checks the content: every document read, no orphan file in the storage, no
duplicate row. Waits are on conditions (a file, a row state, a worker's ping reply), bounded
by generous deadlines for a loaded machine; nothing waits for a fixed time.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from talentbrug.applications.constants import ExtractionStatus, Route
from talentbrug.applications.models import Document as CandidateDocument
from talentbrug.applications.models import Education, Experience
from talentbrug.applications.services import submission as application_submission
from talentbrug.applications.tests.factories import PublishedVacancyFactory
from talentbrug.applications.tests.helpers import pdf_cv, upload
from talentbrug.applications.uploads import check_document
from talentbrug.celery import app as celery_app
from talentbrug.core import periodic
from talentbrug.privacy import orphans
from talentbrug.records.constants import AnalysisStatus, ImportStatus
from talentbrug.records.models import Collection, Document, ZipImport
from talentbrug.records.services import imports
from talentbrug.records.tests.factories import CollectionFactory
from talentbrug.records.tests.test_resume import make_zip

pytestmark = [pytest.mark.integration, pytest.mark.kill, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[3]
DEADLINE = 180  # seconds; a bound for a loaded two-core machine, not a synchronisation
LATER = timedelta(hours=25)  # past the orphan grace period


def wait_for(condition: Callable[[], Any], what: str, log: Path | None = None) -> Any:
    """Poll ``condition`` until it is truthy; fail (with the worker log) after DEADLINE."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    detail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    pytest.fail(f"Timed out waiting for {what}\n{detail}")


class Workers:
    """Starts and kills real worker processes that share this test's database and storage."""

    def __init__(self, tmp_path: Path) -> None:
        self.holds = tmp_path / "holds"
        self.holds.mkdir()
        self.log = tmp_path / "worker.log"
        database = (
            os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
        )
        self.env = {
            **os.environ,
            "DATABASE_URL": database,
            "DJANGO_SETTINGS_MODULE": "talentbrug.conf.test",
            "PYTHONPATH": str(ROOT / "src"),
            "TALENTBRUG_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "TALENTBRUG_JOB_HOLD_DIR": str(self.holds),
        }
        self.processes: list[subprocess.Popen[bytes]] = []
        self.count = 0

    def start(self) -> subprocess.Popen[bytes]:
        self.count += 1
        name = f"kill{self.count}-{os.getpid()}@localhost"
        with self.log.open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "talentbrug.celery", "worker",
                 "--pool=solo", "--concurrency=1", "--prefetch-multiplier=1",
                 "--without-gossip", "--without-mingle", "-n", name, "--loglevel=INFO"],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.processes.append(process)
        wait_for(
            lambda: celery_app.control.ping(destination=[name], timeout=0.5),
            f"worker {name} to answer a ping",
            self.log,
        )
        return process

    def arm(self, point: str) -> Path:
        """The next job reaching ``point`` stops there; returns the file that says it did."""
        (self.holds / f"{point}.hold").touch()
        return self.holds / f"{point}.started"

    def release(self, point: str) -> None:
        (self.holds / f"{point}.hold").unlink(missing_ok=True)

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=DEADLINE) == -signal.SIGKILL

    def stop_all(self) -> None:
        for point in self.holds.glob("*.hold"):
            point.unlink()
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def workers(tmp_path: Path, settings: Any) -> Iterator[Workers]:
    assert settings.CELERY_BROKER_URL.startswith("redis://"), "set CELERY_BROKER_URL"
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert connection.vendor == "postgresql", "the kill tests run on PostgreSQL"
    # The recovery jobs count anything pending as stale, the sweep only files of a
    # killed process (the test moves its clock past the grace period instead).
    settings.TALENTBRUG_JOB_STALE_MINUTES = 0
    # Each test its own storage folder, shared with the processes it starts.
    media = tmp_path / "media"
    settings.MEDIA_ROOT = str(media)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
    }
    celery_app.control.purge()
    pool = Workers(tmp_path)
    yield pool
    pool.stop_all()


def stored_files() -> set[str]:
    return {
        name
        for folder in orphans.SWEPT_FOLDERS
        for name in orphans.files_under(default_storage, folder)
    }


def referenced_files() -> set[str]:
    return {
        name
        for model, field in orphans.file_fields()
        for name in model.objects.exclude(**{field: ""}).values_list(field, flat=True)
    }


def assert_no_orphans() -> None:
    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 0
    assert stored_files() == referenced_files()


def all_read(collection: Collection) -> bool:
    return not Document.objects.filter(
        collection=collection, analysis_status=AnalysisStatus.PENDING
    ).exists()


def test_a_killed_analysis_is_resumed_and_completes(workers: Workers) -> None:
    collection = CollectionFactory()
    started = workers.arm("records.analysis")
    worker = workers.start()
    created = imports.import_zip(collection, None, io.BytesIO(make_zip(5)))
    assert len(created) == 5

    wait_for(started.exists, "the analysis to be in progress", workers.log)
    workers.kill(worker)
    workers.release("records.analysis")
    assert Document.objects.filter(analysis_status=AnalysisStatus.PENDING).count() == 5

    workers.start()
    results = periodic.run_all(["records.resume_stale_analysis"])
    assert results == {"records.resume_stale_analysis": {"requeued": 5, "failed": 0}}
    wait_for(lambda: all_read(collection), "the re-queued analysis to finish", workers.log)

    documents = list(Document.objects.filter(collection=collection))
    assert len(documents) == 5 and len({d.path for d in documents}) == 5
    assert {d.analysis_status for d in documents} == {AnalysisStatus.DONE}
    assert all("van een gesprek" in d.extracted_text for d in documents)
    assert {d.analysis_attempts for d in documents} == {2}
    collection.refresh_from_db()
    assert (collection.analysis_done, collection.analysis_total) == (5, 5)
    assert_no_orphans()


def test_a_killed_cv_extraction_is_resumed_and_adds_nothing_twice(workers: Workers) -> None:
    started = workers.arm("applications.extraction")
    worker = workers.start()
    cv = upload("cv.pdf", pdf_cv())
    data = application_submission.ApplyData(
        route=Route.CV, name="Amira Haddad", email="amira@voorbeeld.nl",
        files=[("cv", cv, check_document(cv))],
    )  # fmt: skip
    application, created = application_submission.apply(PublishedVacancyFactory(), data)
    assert created
    document = application.documents.get()

    wait_for(started.exists, "the CV extraction to be in progress", workers.log)
    workers.kill(worker)
    workers.release("applications.extraction")
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.PENDING

    workers.start()
    periodic.run_all(["applications.resume_stale_extractions"])
    wait_for(
        lambda: (
            CandidateDocument.objects.filter(pk=document.pk)
            .exclude(extraction_status=ExtractionStatus.PENDING)
            .exists()
        ),
        "the re-queued CV extraction to finish",
        workers.log,
    )
    # A second recovery run and a duplicate task change nothing.
    assert periodic.run_all(["applications.resume_stale_extractions"]) == {
        "applications.resume_stale_extractions": {"requeued": 0, "failed": 0}
    }
    celery_app.send_task("talentbrug.applications.tasks.extract_document", args=[document.pk]).get(
        timeout=DEADLINE
    )

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "netwerkbeheer" in document.extracted_text
    assert document.extraction_attempts == 2
    candidate = application.candidate
    skills = list(candidate.skills.values_list("esco_id", "application_id"))
    assert skills and len(skills) == len(set(skills))
    experiences = list(
        Experience.objects.filter(candidate=candidate).values_list("title", flat=True)
    )
    educations = list(
        Education.objects.filter(candidate=candidate).values_list("programme", flat=True)
    )
    assert len(experiences) == len(set(experiences)) and len(educations) == len(set(educations))
    assert CandidateDocument.objects.filter(candidate=candidate).count() == 1
    assert_no_orphans()


def test_a_killed_zip_import_is_resumed_without_orphans_or_duplicates(workers: Workers) -> None:
    collection = CollectionFactory()
    started = workers.arm("records.import")
    worker = workers.start()
    zip_import = imports.start_zip_import(
        collection, None, SimpleUploadedFile("dossiers.zip", make_zip(4))
    )

    wait_for(started.exists, "the ZIP import to have stored a file", workers.log)
    workers.kill(worker)
    workers.release("records.import")
    zip_import.refresh_from_db()
    assert zip_import.status == ImportStatus.PENDING and not Document.objects.exists()
    left = stored_files() - {zip_import.archive.name}
    assert len(left) == 1  # the file the killed run had stored: an orphan, no row
    assert periodic.run_all(["privacy.remove_orphan_files"]) == {
        "privacy.remove_orphan_files": 0  # within the grace period: an import may be running
    }

    workers.start()
    assert periodic.run_all(["records.resume_stale_imports"]) == {
        "records.resume_stale_imports": {"requeued": 1, "failed": 0}
    }
    wait_for(
        lambda: ZipImport.objects.filter(pk=zip_import.pk, status=ImportStatus.DONE).exists(),
        "the re-queued ZIP import to finish",
        workers.log,
    )
    wait_for(lambda: all_read(collection), "the analysis of the imported files", workers.log)
    # A duplicate task of the finished import adds nothing.
    celery_app.send_task("talentbrug.records.tasks.run_zip_import", args=[zip_import.pk]).get(
        timeout=DEADLINE
    )

    zip_import.refresh_from_db()
    assert zip_import.attempts == 2 and zip_import.document_count == 4
    documents = list(Document.objects.filter(collection=collection))
    assert len(documents) == 4 and len({d.path for d in documents}) == 4
    assert {d.analysis_status for d in documents} == {AnalysisStatus.DONE}
    collection.refresh_from_db()
    assert (collection.analysis_done, collection.analysis_total) == (4, 4)
    assert orphans.remove_orphan_files(now=timezone.now() + LATER) == 1
    assert not (left & stored_files())
    assert_no_orphans()
