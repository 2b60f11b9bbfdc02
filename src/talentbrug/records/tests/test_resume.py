"""A killed worker leaves documents "Wordt gelezen": the periodic job reads them again.

The real kill (a Celery worker killed with SIGKILL) is in
``talentbrug/tests/integration/test_kill_workers.py``; these tests cover the rules.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.publishing import periodic
from talentbrug.records import services
from talentbrug.records.constants import AnalysisStatus
from talentbrug.records.models import Collection, Document

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

    result = services.resume_stale_analysis()

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

    assert services.resume_stale_analysis() == {"requeued": 1, "failed": 1}

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
    assert services.resume_stale_analysis() == {"requeued": 0, "failed": 0}
    collection.refresh_from_db()
    assert collection.analysis_done == 2


def test_the_card_of_a_given_up_document_says_why(collection, manager, settings):
    settings.TALENTBRUG_JOB_MAX_ATTEMPTS = 1
    document = left_pending(collection, minutes_ago=60)
    services.resume_stale_analysis()
    page = (
        verified_client(manager)
        .get(reverse("records:document_detail", args=[document.pk]))
        .content.decode()
    )
    assert "Kan niet gelezen worden: Lezen is 1 keer afgebroken" in page


def test_a_document_read_by_a_slow_worker_meanwhile_is_counted_once(collection):
    document = left_pending(collection, minutes_ago=60)
    services.analyse_document(Document.objects.get(pk=document.pk))  # the first run finishes
    assert services.resume_stale_analysis() == {"requeued": 0, "failed": 0}
    services.analyse_documents([Document.objects.get(pk=document.pk)])  # a late duplicate task
    collection.refresh_from_db()
    assert collection.analysis_done == 1


def test_the_job_is_registered_and_runs_with_the_others(collection):
    document = left_pending(collection, minutes_ago=60)
    assert "records.resume_stale_analysis" in periodic.PERIODIC_JOBS
    results = periodic.run_all(["records.resume_stale_analysis"])
    assert results == {"records.resume_stale_analysis": {"requeued": 1, "failed": 0}}
    document.refresh_from_db()
    assert document.analysis_status == AnalysisStatus.DONE
