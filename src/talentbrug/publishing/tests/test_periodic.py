"""The periodic job that closes expired vacancies, the registry and the command."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from talentbrug.audit.models import AuditEvent
from talentbrug.core import periodic
from talentbrug.publishing.search import search_vacancies
from talentbrug.publishing.tasks import close_expired_vacancies
from talentbrug.vacancies.constants import VacancyStatus

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db


def test_close_job_closes_vacancies_after_their_closing_date(organisation):
    with freeze_time("2026-03-01 10:00:00"):
        vacancy = OpenVacancyFactory(organisation=organisation, closing_date=date(2026, 3, 10))
    with freeze_time("2026-03-10 22:30:00"):  # 23:30 in Amsterdam: still the closing day
        assert close_expired_vacancies() == 0
        assert list(search_vacancies("", {})) == [vacancy]
    with freeze_time("2026-03-11 06:00:00"):
        assert list(search_vacancies("", {})) == []  # already gone from the list
        assert close_expired_vacancies.delay().get() == 1  # as Celery would run it (eager)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.CLOSED
    event = AuditEvent.objects.get(event_type="vacancy.transition", object_id=str(vacancy.pk))
    assert event.actor_label == "systeem"
    assert event.data["to_status"] == VacancyStatus.CLOSED


def test_the_close_job_is_registered():
    assert "publishing.close_expired_vacancies" in periodic.PERIODIC_JOBS


def test_command_runs_all_jobs_and_reports(organisation):
    OpenVacancyFactory(organisation=organisation, closing_date=date(2020, 1, 1))
    out = StringIO()
    call_command("run_periodic_jobs", stdout=out)
    assert "publishing.close_expired_vacancies: 1" in out.getvalue()
    out = StringIO()
    call_command("run_periodic_jobs", "--list", stdout=out)
    assert "publishing.close_expired_vacancies" in out.getvalue().splitlines()


def test_one_failing_job_does_not_stop_the_others(monkeypatch):
    ran = []
    monkeypatch.setattr(periodic, "PERIODIC_JOBS", {})
    periodic.register("a.fails", lambda: 1 / 0)
    periodic.register("b.works", lambda: ran.append(True) or "ok")
    results = periodic.run_all()
    assert isinstance(results["a.fails"], ZeroDivisionError)
    assert results["b.works"] == "ok" and ran == [True]
    with pytest.raises(CommandError):
        call_command("run_periodic_jobs", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError):
        call_command("run_periodic_jobs", "bestaat.niet", stdout=StringIO())


def test_registering_another_job_under_the_same_name_is_refused(monkeypatch):
    monkeypatch.setattr(periodic, "PERIODIC_JOBS", {})

    def job():
        return None

    periodic.register("x.job", job)
    periodic.register("x.job", job)  # the same again is fine (apps may be loaded twice)
    with pytest.raises(ValueError):
        periodic.register("x.job", lambda: None)
