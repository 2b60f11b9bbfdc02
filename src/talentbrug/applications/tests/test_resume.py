"""A killed worker leaves a CV "Wordt gelezen": the periodic job reads it again.

The real kill (a Celery worker killed with SIGKILL) is in
``talentbrug/tests/integration/test_kill_workers.py``; these tests cover the rules.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.core import periodic

from ..constants import ExtractionStatus
from ..models import Document, Experience
from ..services import extraction
from .factories import ApplicationFactory
from .helpers import pdf_cv

pytestmark = pytest.mark.django_db


def left_pending(application, *, minutes_ago: int, attempts: int = 1) -> Document:
    """A CV as a killed worker leaves it: stored, never read."""
    document = Document(
        candidate=application.candidate,
        application=application,
        kind="cv",
        original_name="cv.pdf",
        detected_type="pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        extraction_status=ExtractionStatus.PENDING,
        extraction_attempts=attempts,
    )
    document.file.save("cv.pdf", ContentFile(pdf_cv()), save=True)
    Document.objects.filter(pk=document.pk).update(
        extraction_queued_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return document


def test_stale_pending_cv_is_read_again(settings):
    settings.TALENTBRUG_JOB_STALE_MINUTES = 30
    application = ApplicationFactory()
    stale = left_pending(application, minutes_ago=31)
    fresh = left_pending(application, minutes_ago=5)

    assert extraction.resume_stale_extractions() == {"requeued": 1, "failed": 0}

    stale.refresh_from_db()
    assert stale.extraction_status == ExtractionStatus.DONE
    assert "netwerkbeheer" in stale.extracted_text and stale.extraction_attempts == 2
    assert {"netwerkbeheer", "klanten helpen"} <= set(
        application.candidate.skills.values_list("label", flat=True)
    )
    fresh.refresh_from_db()
    assert fresh.extraction_status == ExtractionStatus.PENDING and fresh.extraction_attempts == 1


def test_after_the_last_attempt_hr_sees_that_reading_failed(staff_client, settings):
    settings.TALENTBRUG_JOB_MAX_ATTEMPTS = 2
    application = ApplicationFactory()
    document = left_pending(application, minutes_ago=60, attempts=2)

    assert extraction.resume_stale_extractions() == {"requeued": 0, "failed": 1}

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extracted_text == ""
    hr = staff_client(application.organisation, Role.HR_ADVISER)
    page = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert "tekst lezen niet gelukt" in page
    assert extraction.resume_stale_extractions() == {"requeued": 0, "failed": 0}


def test_a_task_that_runs_twice_reads_and_adds_once():
    application = ApplicationFactory()
    document = left_pending(application, minutes_ago=60)
    extraction.extract_document_text(document.pk)
    experiences = Experience.objects.filter(candidate=application.candidate).count()
    skills = application.candidate.skills.count()
    Document.objects.filter(pk=document.pk).update(extracted_text="al gelezen")

    extraction.extract_document_text(document.pk)  # the re-queued copy of the same task

    document.refresh_from_db()
    assert document.extracted_text == "al gelezen"
    assert Experience.objects.filter(candidate=application.candidate).count() == experiences
    assert application.candidate.skills.count() == skills


def test_a_document_finished_while_the_job_was_reading_is_not_written_again(monkeypatch):
    """Two runs at once (a slow worker and the re-queued task): only the first one writes."""
    application = ApplicationFactory()
    document = left_pending(application, minutes_ago=60)

    def other_run_finishes_first(name):  # called after reading, before writing
        Document.objects.filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.DONE, extracted_text="door de andere taak"
        )

    monkeypatch.setattr(extraction, "hold_point", other_run_finishes_first)
    extraction.extract_document_text(document.pk)

    document.refresh_from_db()
    assert document.extracted_text == "door de andere taak"
    assert not application.candidate.skills.exists()


def test_the_job_is_registered():
    application = ApplicationFactory()
    document = left_pending(application, minutes_ago=60)
    results = periodic.run_all(["applications.resume_stale_extractions"])
    assert results == {"applications.resume_stale_extractions": {"requeued": 1, "failed": 0}}
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
