"""The quarterly PDF report: made and archived by the periodic job, for the programme team."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.core import periodic
from talentbrug.insights import report
from talentbrug.insights.models import QuarterlyReport

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def test_quarter_bounds_and_the_last_completed_quarter():
    start, end = report.quarter_bounds(2026, 4)
    assert (timezone.localtime(start).date(), timezone.localtime(end).date()) == (
        date(2026, 10, 1),
        date(2027, 1, 1),
    )
    assert report.last_completed_quarter(date(2026, 12, 7)) == (2026, 3)
    assert report.last_completed_quarter(date(2027, 2, 1)) == (2026, 4)


def test_the_periodic_job_makes_the_last_quarter_once_with_the_figures_inside(organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    for _i in range(6):
        application = ApplicationFactory(vacancy=vacancy, route="no_cv")
        application.submitted_at = timezone.make_aware(timezone.datetime(2026, 8, 12, 10))
        application.save(update_fields=["submitted_at"])
    assert "insights.quarterly_report" in periodic.PERIODIC_JOBS
    assert report.make_due_report(date(2026, 10, 2)) == 1
    assert report.make_due_report(date(2026, 11, 20)) == 0  # archived: not made again
    archived = QuarterlyReport.objects.get()
    assert (archived.year, archived.quarter) == (2026, 3)
    text = _pdf_text(archived.pdf.read())
    assert "Doelgroepen in cijfers, kwartaal 3 2026" in text
    assert "1 juli 2026 tot en met 30 september 2026" in text
    assert "Sollicitaties per manier van solliciteren" in text and "Wat tellen we" not in text
    assert "Zonder cv" in text or "zonder cv" in text
    assert vacancy.title not in text  # counts, never a vacancy or a person
    assert AuditEvent.objects.filter(event_type="insights.report_made").count() == 1


def test_only_the_programme_team_lists_and_downloads_reports(organisation, make_staff):
    archived = report.make_report(2026, 3)
    team = verified_client(UserFactory(is_programme_team=True))
    page = team.get(reverse("insights:reports")).content.decode()
    assert "Kwartaal 3 2026" in page
    download = reverse("insights:report_download", args=[archived.pk])
    assert f'href="{download}"' in page
    response = team.get(download)
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "doelgroepen-in-cijfers-2026-K3.pdf" in response["Content-Disposition"]
    assert "Doelgroepen in cijfers" in _pdf_text(body)
    assert AuditEvent.objects.filter(event_type="insights.report_downloaded").count() == 1
    assert team.get(reverse("insights:report_download", args=[archived.pk + 99])).status_code == 404
    for role in Role:
        staff = verified_client(make_staff(organisation, role))
        assert staff.get(reverse("insights:reports")).status_code == 403, role
        assert staff.get(download).status_code == 403, role


def test_an_empty_archive_says_when_the_first_report_comes():
    team = verified_client(UserFactory(is_programme_team=True))
    page = team.get(reverse("insights:reports")).content.decode()
    assert "Er is nog geen rapport" in page
