from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from freezegun import freeze_time

from talentbrug.applications.models import Application, Candidate, Document, Education
from talentbrug.audit.models import AuditEvent
from talentbrug.privacy import retention, tasks
from talentbrug.privacy.constants import ANONYMISED_DOMAIN
from talentbrug.privacy.models import LegalHold, PendingFileRemoval, RetentionPolicy
from talentbrug.privacy.services import errors as errors_services
from talentbrug.privacy.services import holds as holds_services
from talentbrug.privacy.services import policy as policy_services
from talentbrug.privacy.services import purge as purge_services

from . import factories as f

pytestmark = pytest.mark.django_db

T0 = "2026-03-02 10:00:00+00:00"


def _anonymised(application: Application) -> bool:
    application.refresh_from_db()
    return application.candidate.email.endswith("@" + ANONYMISED_DOMAIN)


@freeze_time(T0)
def test_withdrawn_application_goes_after_four_weeks_with_its_file(organisation, purge):
    app = f.application(organisation)
    candidate = app.candidate
    Education.objects.create(candidate=candidate, programme="ICT")
    doc = f.document(app)
    name = doc.file.name
    storage = doc.file.storage
    f.withdrawn(app, f.now())
    with freeze_time("2026-03-29 10:00:00+00:00"):  # 27 days
        purge()
    assert not _anonymised(app) and storage.exists(name)
    with freeze_time("2026-03-30 10:00:01+00:00"):  # 28 days and a second
        result = purge()
    assert _anonymised(app)
    assert not Document.objects.filter(pk=doc.pk).exists()
    assert not storage.exists(name)
    candidate.refresh_from_db()
    assert candidate.name == "" and candidate.email.endswith(ANONYMISED_DOMAIN)
    assert not Education.objects.filter(candidate=candidate).exists()
    # The figures keep the row: same vacancy, route, status.
    assert Application.objects.filter(pk=app.pk, vacancy=app.vacancy, status="withdrawn").exists()
    assert result["applications.anonymised"] == 1 and result["candidates.wiped"] == 1


@freeze_time(T0)
def test_every_run_writes_an_audit_event_with_counts_only(organisation, purge):
    app = f.application(organisation, candidate__name="Amina Yusuf")
    f.withdrawn(app, f.now() - timedelta(days=40))
    purge()
    events = AuditEvent.objects.filter(event_type="privacy.retention_run")
    assert events.count() == 2  # one for the organisation, one for the whole run
    for event in events:
        assert all(isinstance(v, int) for k, v in event.data.items())
        assert "Amina" not in str(event.data)
    assert events.filter(organisation=organisation).get().data["applications_anonymised"] == 1


@freeze_time(T0)
def test_legal_hold_blocks_removal_until_lifted(organisation, make_staff, purge):
    user = make_staff(organisation)
    app = f.application(organisation)
    f.withdrawn(app, f.now() - timedelta(days=60))
    hold = holds_services.place_hold(organisation, app.candidate, user, "WOO-2026-1", "Woo-verzoek")
    purge()
    assert not _anonymised(app)
    assert purge_services.report()["held"]
    holds_services.lift_hold(hold, user)
    purge()
    assert _anonymised(app)


@freeze_time(T0)
def test_hold_of_another_organisation_does_not_block(
    organisation, other_organisation, make_staff, purge
):
    app = f.application(organisation)
    person = app.candidate
    f.withdrawn(app, f.now() - timedelta(days=60))
    LegalHold.objects.create(
        organisation=other_organisation, candidate=person, reference="X", reason="Y"
    )
    purge()
    assert _anonymised(app)
    person.refresh_from_db()
    # The person stays (held elsewhere) but this organisation's application is gone.
    assert not person.email.endswith(ANONYMISED_DOMAIN)


@freeze_time(T0)
def test_consent_keeps_until_it_ends_and_never_longer(organisation, purge):
    app = f.application(organisation)
    f.withdrawn(app, f.now())
    f.consent(app.candidate, f.now())
    with freeze_time("2026-06-01"):
        purge()
    assert not _anonymised(app)
    with freeze_time("2027-03-03"):  # 366 days
        purge()
    assert _anonymised(app)


@freeze_time(T0)
def test_withdrawn_consent_ends_the_extension(organisation, purge):
    app = f.application(organisation)
    f.withdrawn(app, f.now())
    f.consent(app.candidate, f.now(), withdrawn_at=f.now() + timedelta(days=50))
    with freeze_time("2026-04-20"):  # 49 days
        purge()
    assert not _anonymised(app)
    with freeze_time("2026-04-22"):
        purge()
    assert _anonymised(app)


@freeze_time(T0)
def test_filled_vacancy_ends_the_procedure_of_open_applications(organisation, purge):
    app = f.application(organisation)
    f.move_vacancy(app.vacancy, "filled", f.now())
    with freeze_time("2026-03-29"):
        purge()
    assert not _anonymised(app)
    with freeze_time("2026-03-31"):
        purge()
    assert _anonymised(app)


@freeze_time(T0)
def test_closed_vacancy_counts_as_ended_after_the_policy_days(organisation, purge):
    app = f.application(organisation)
    f.move_vacancy(app.vacancy, "closed", f.now())
    with freeze_time(f.now() + timedelta(days=90 + 27)):
        purge()
    assert not _anonymised(app)
    with freeze_time(f.now() + timedelta(days=90 + 29)):
        purge()
    assert _anonymised(app)


@freeze_time(T0)
def test_a_vacancy_may_shorten_but_not_lengthen_without_reason(organisation, make_staff, purge):
    user = make_staff(organisation)
    app = f.application(organisation)
    policy_services.set_vacancy_term(app.vacancy, user, 7)
    f.withdrawn(app, f.now())
    with freeze_time("2026-03-10"):
        purge()
    assert _anonymised(app)
    other = f.application(organisation)
    with pytest.raises(errors_services.PrivacyError):
        policy_services.set_vacancy_term(other.vacancy, user, 60)
    policy_services.set_vacancy_term(other.vacancy, user, 60, reason="Bezwaarprocedure loopt")
    policy = retention.policy_for(organisation.pk)
    assert retention.rejected_days(policy, other.vacancy.retention) == 60


def test_organisation_policy_needs_a_reason_to_go_over_four_weeks(organisation, make_staff):
    user = make_staff(organisation)
    with pytest.raises(errors_services.PrivacyError):
        policy_services.update_policy(organisation, user, rejected_days=60)
    policy = policy_services.update_policy(
        organisation, user, rejected_days=60, extension_reason="Cao-afspraak"
    )
    assert policy.rejected_days == 60
    assert RetentionPolicy.objects.get(organisation=organisation).rejected_days == 60


@freeze_time(T0)
def test_hire_material_goes_after_its_term_and_the_rest_stays(organisation, monkeypatch, purge):
    monkeypatch.setitem(retention.STATUS_OUTCOMES, "hired", "hired")
    app = f.application(organisation)
    cv, video = f.document(app, "cv"), f.document(app, "video", b"video")
    Application.objects.filter(pk=app.pk).update(status="hired")
    with freeze_time(f.now() + timedelta(days=91)):
        purge()
    assert Document.objects.filter(pk=cv.pk).exists()
    assert not Document.objects.filter(pk=video.pk).exists()
    assert not _anonymised(app)


@freeze_time(T0)
def test_a_failed_file_removal_is_retried(organisation, monkeypatch, purge):
    app = f.application(organisation)
    doc = f.document(app)
    name, storage = doc.file.name, doc.file.storage
    f.withdrawn(app, f.now() - timedelta(days=60))
    from django.core.files.storage import FileSystemStorage

    def broken(self, name):
        raise OSError("disk gone")

    with monkeypatch.context() as patched:
        patched.setattr(FileSystemStorage, "delete", broken)
        purge()
    assert PendingFileRemoval.objects.count() == 1 and storage.exists(name)
    purge()
    assert not PendingFileRemoval.objects.exists() and not storage.exists(name)


@freeze_time(T0)
def test_daily_task_runs_once_a_day(organisation):
    assert "skipped" not in tasks.purge_expired()
    assert tasks.purge_expired() == {"skipped": "already ran today"}
    with freeze_time("2026-03-03 10:00:00+00:00"):
        assert "skipped" not in tasks.purge_expired()


def test_periodic_job_is_registered():
    from talentbrug.core import periodic

    assert periodic.PERIODIC_JOBS["privacy.purge_expired"] is tasks.purge_expired


@freeze_time(T0)
def test_report_command_is_a_dry_run(organisation, capsys):
    app = f.application(organisation, candidate__name="Amina Yusuf")
    f.withdrawn(app, f.now() - timedelta(days=30))
    soon = f.application(organisation)
    f.withdrawn(soon, f.now() - timedelta(days=25))
    call_command("retention_report")
    out = capsys.readouterr().out
    assert "Next run removes 1 item(s)" in out and f"application {app.pk}" in out
    assert "Within 7 days after that: 1" in out
    assert "Amina" not in out
    assert not _anonymised(app)
    call_command("retention_report", "--json")
    assert '"application.ended": 1' in capsys.readouterr().out


@freeze_time(T0)
def test_ongoing_procedures_are_never_touched(organisation, purge):
    app = f.application(organisation)
    f.consent(app.candidate, f.now() - timedelta(days=400))
    with freeze_time("2028-01-01"):
        purge()
    assert not _anonymised(app)
    assert Candidate.objects.filter(pk=app.candidate_id, name=app.candidate.name).exists()
