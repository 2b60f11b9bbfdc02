"""Services: applying per route, the status workflow, slots, consent, export, merge, e-mail."""

from __future__ import annotations

import io
import json
import threading
import uuid
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from talentbrug.audit.models import AuditEvent
from talentbrug.outbox.services import send_due

from .. import merging
from ..constants import ApplicationStatus, BookingStatus, Route
from ..emails import build_email
from ..exports import CANDIDATE_VIEW, INTERNAL, export_data, export_zip
from ..models import (
    Application,
    Booking,
    Candidate,
    CandidateSkill,
    Consent,
    DeletionRequest,
    Document,
    Experience,
    Slot,
)
from ..services import booking, errors, lifecycle, portal, submission
from ..services import consent as application_consent
from ..uploads import check_document
from .factories import (
    ApplicationFactory,
    AssignmentFactory,
    CandidateFactory,
    PublishedVacancyFactory,
    SlotFactory,
)
from .helpers import docx_cv, pdf_cv, upload

pytestmark = pytest.mark.django_db


def _data(route: str, **extra) -> submission.ApplyData:
    values = {"route": route, "name": "Amira Haddad", "email": "Amira@Voorbeeld.nl"}
    values.update(extra)
    return submission.ApplyData(**values)


def _cv_file(data: bytes = b"", name: str = "cv.pdf"):
    file = upload(name, data or pdf_cv())
    return ("cv", file, check_document(file))


def test_apply_with_cv_stores_everything_and_extracts_skills(django_capture_on_commit_callbacks):
    vacancy = PublishedVacancyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        application, created = submission.apply(vacancy, _data(Route.CV, files=[_cv_file()]))
    assert created
    assert application.organisation == vacancy.organisation
    assert application.candidate.email == "amira@voorbeeld.nl"
    document = application.documents.get()
    assert document.detected_type == "pdf" and document.size > 0 and len(document.sha256) == 64
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert "netwerkbeheer" in document.extracted_text
    labels = set(application.candidate.skills.values_list("label", flat=True))
    assert {"netwerkbeheer", "klanten helpen"} <= labels
    assert not application.candidate.skills.filter(confirmed=True).exists()
    assert AuditEvent.objects.filter(event_type="application.submitted").count() == 1
    assert [m.subject for m in mail.outbox] == [
        f"We hebben je sollicitatie ontvangen: {vacancy.title}"
    ]
    assert "/mijn/inloggen/" in mail.outbox[0].body


def test_apply_without_cv_builds_the_same_profile(django_capture_on_commit_callbacks):
    vacancy = PublishedVacancyFactory()
    data = _data(
        Route.NO_CV,
        experience_title="Computers repareren",
        experience_country="Syrië",
        experience_abroad=True,
        experience_unpaid=True,
        experience_text="Ik repareerde laptops voor buren.",
        can_do_text="Ik kan klanten helpen en Python programmeren.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        application, _ = submission.apply(vacancy, data)
    experience = Experience.objects.get(candidate=application.candidate)
    assert experience.abroad and experience.unpaid and experience.country == "Syrië"
    labels = set(application.candidate.skills.values_list("label", flat=True))
    assert "Python (computer programming)" in labels


def test_apply_by_video_or_text():
    vacancy = PublishedVacancyFactory()
    application, _ = submission.apply(
        vacancy, _data(Route.VIDEO, motivation="Ik vertel het liever.")
    )
    assert application.route == "video" and application.motivation


def test_apply_with_work_sample():
    assignment = AssignmentFactory()
    application, _ = submission.apply(
        assignment.vacancy, _data(Route.WORK_SAMPLE, work_sample_text="Stap 1: open instellingen.")
    )
    assert application.work_sample.assignment == assignment


def test_work_sample_route_is_gone_after_the_deadline():
    assignment = AssignmentFactory(deadline=timezone.now() - timedelta(minutes=1))
    assert Route.WORK_SAMPLE not in submission.routes_for(assignment.vacancy)
    with pytest.raises(errors.ApplyError):
        submission.apply(assignment.vacancy, _data(Route.WORK_SAMPLE, work_sample_text="x"))


def test_apply_on_recruitment_day_books_and_mails_an_ics(django_capture_on_commit_callbacks):
    slot = SlotFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        application, _ = submission.apply(
            slot.day.vacancy, _data(Route.RECRUITMENT_DAY, slot_id=slot.pk)
        )
    slot.refresh_from_db()
    assert slot.booked_count == 1
    assert Booking.objects.get().application == application
    confirmation = next(m for m in mail.outbox if "wervingsdag" in m.subject.lower())
    name, content, mimetype = confirmation.attachments[0]
    assert name == "wervingsdag.ics" and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content and "DTSTART:" in content
    assert "De ingang is aan de achterkant" in confirmation.body


def test_full_slot_refuses_and_stores_nothing():
    slot = SlotFactory(capacity=1, booked_count=1)
    with pytest.raises(errors.ApplyError):
        submission.apply(slot.day.vacancy, _data(Route.RECRUITMENT_DAY, slot_id=slot.pk))
    assert not Application.objects.exists() and not Candidate.objects.exists()


def test_same_email_links_to_one_candidate_and_never_overwrites_name():
    vacancy = PublishedVacancyFactory()
    first, _ = submission.apply(vacancy, _data(Route.VIDEO, motivation="a"))
    second, _ = submission.apply(
        PublishedVacancyFactory(), _data(Route.VIDEO, name="Iemand Anders", motivation="b")
    )
    assert first.candidate_id == second.candidate_id
    assert Candidate.objects.get().name == "Amira Haddad"


def test_same_idempotency_key_gives_the_first_application():
    vacancy = PublishedVacancyFactory()
    key = uuid.uuid4()
    first, created = submission.apply(
        vacancy, _data(Route.VIDEO, motivation="a", idempotency_key=key)
    )
    again, created_again = submission.apply(
        vacancy, _data(Route.VIDEO, motivation="a", idempotency_key=key)
    )
    assert created and not created_again and first.pk == again.pk
    assert Application.objects.count() == 1


def test_unpublished_vacancy_or_unoffered_route_refuses():
    from talentbrug.vacancies.constants import VacancyStatus

    vacancy = PublishedVacancyFactory(status=VacancyStatus.CLOSED)
    with pytest.raises(errors.ApplyError):
        submission.apply(vacancy, _data(Route.VIDEO, motivation="a"))
    vacancy = PublishedVacancyFactory(apply_routes=["cv"])
    with pytest.raises(errors.ApplyError):
        submission.apply(vacancy, _data(Route.VIDEO, motivation="a"))


def test_failure_after_a_file_was_stored_leaves_no_file(monkeypatch, settings):
    from django.core.files.storage import default_storage

    vacancy = PublishedVacancyFactory()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(submission, "give_consent", boom)
    with pytest.raises(RuntimeError):
        submission.apply(vacancy, _data(Route.CV, files=[_cv_file()], talent_pool_consent=True))
    assert not Document.objects.exists()
    _dirs, files = (
        default_storage.listdir("applications")
        if default_storage.exists("applications")
        else ([], [])
    )
    assert files == []
    for sub in _dirs:
        assert default_storage.listdir(f"applications/{sub}")[1] == []


# --------------------------------------------------------------------------- workflow


def test_withdraw_is_allowed_from_submitted_and_frees_the_seat():
    slot = SlotFactory(capacity=2)
    application, _ = submission.apply(
        slot.day.vacancy, _data(Route.RECRUITMENT_DAY, slot_id=slot.pk)
    )
    lifecycle.withdraw_application(application, application.candidate)
    application.refresh_from_db()
    slot.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN and application.withdrawn_at
    assert slot.booked_count == 0
    assert Booking.objects.get().status == BookingStatus.CANCELLED
    assert AuditEvent.objects.filter(event_type="application.withdrawn").exists()


def test_withdraw_twice_is_forbidden():
    application = ApplicationFactory()
    lifecycle.withdraw_application(application, application.candidate)
    with pytest.raises(errors.InvalidTransition):
        lifecycle.withdraw_application(application, application.candidate)


def test_withdraw_by_someone_else_is_forbidden():
    application = ApplicationFactory()
    with pytest.raises(errors.InvalidTransition):
        lifecycle.withdraw_application(application, CandidateFactory())


# --------------------------------------------------------------------------- slots


def test_change_slot_moves_the_seat():
    first = SlotFactory(capacity=1)
    second = SlotFactory(day=first.day, capacity=1)
    application, _ = submission.apply(
        first.day.vacancy, _data(Route.RECRUITMENT_DAY, slot_id=first.pk)
    )
    booking.change_slot(application, second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.booked_count, second.booked_count) == (0, 1)
    assert application.bookings.filter(status=BookingStatus.BOOKED).get().slot == second


def test_slot_of_another_vacancy_is_refused():
    slot = SlotFactory()
    other = ApplicationFactory()
    with pytest.raises(errors.ApplyError):
        booking.book_slot(other, slot.pk)


@pytest.mark.django_db(transaction=True)
def test_no_overbooking_when_many_people_book_at_once():
    """Ten threads try to take the last three seats at the same moment."""
    slot = SlotFactory(capacity=3)
    applications = [ApplicationFactory(vacancy=slot.day.vacancy) for _ in range(10)]
    results: list[str] = []
    barrier = threading.Barrier(len(applications))

    def book(application):
        try:
            barrier.wait()
            booking.book_slot_with_retry(application, slot.pk)
            results.append("ok")
        except errors.SlotFull:
            results.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    slot.refresh_from_db()
    assert results.count("ok") == 3 and results.count("full") == 7
    assert slot.booked_count == 3
    assert Booking.objects.filter(slot=slot, status="booked").count() == 3


# --------------------------------------------------------------------------- consent, portal


def test_talent_pool_consent_is_separate_dated_versioned_and_expires():
    vacancy = PublishedVacancyFactory()
    application, _ = submission.apply(vacancy, _data(Route.VIDEO, motivation="a"))
    assert not Consent.objects.exists()
    submission.apply(
        vacancy,
        _data(Route.VIDEO, motivation="b", talent_pool_consent=True, consent_text="tekst"),
    )
    consent = Consent.objects.get()
    assert consent.text_version and consent.text == "tekst"
    assert 364 <= (consent.expires_at - consent.given_at).days <= 366
    assert application_consent.active_consent(application.candidate) == consent
    Consent.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert application_consent.active_consent(application.candidate) is None


def test_new_link_never_reveals_whether_an_address_exists():
    candidate = CandidateFactory()
    portal.request_portal_link("onbekend@voorbeeld.nl")
    send_due()
    assert mail.outbox == []
    portal.request_portal_link(candidate.email.upper())
    send_due()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [candidate.email]
    candidate.refresh_from_db()
    assert candidate.token_version == 2


def test_emails_are_sent_in_the_candidates_language():
    application = ApplicationFactory(candidate__preferred_language="ar")
    message = build_email(application.candidate, "application_received", application)
    assert "استلمنا" in message.subject
    for language in ("en", "tr", "fa", "ti"):
        application.candidate.preferred_language = language
        message = build_email(application.candidate, "portal_link")
        assert "persoonlijke pagina" not in message.body, language


def test_deletion_request_is_recorded_once():
    candidate = CandidateFactory()
    first = portal.request_deletion(candidate)
    assert portal.request_deletion(candidate) == first
    assert DeletionRequest.objects.count() == 1


# --------------------------------------------------------------------------- export, merge


def _models_with_fk_to_candidate(*targets: Any) -> set[str]:
    from django.apps import apps
    from django.db import models

    targets = targets or (Candidate,)
    labels = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey)
                and field.related_model in targets
                and field.name != "merged_into"
            ):
                labels.add(model._meta.label)
    return labels


def test_export_covers_every_model_that_refers_to_the_candidate():
    slot = SlotFactory()
    application, _ = submission.apply(
        slot.day.vacancy,
        _data(Route.RECRUITMENT_DAY, slot_id=slot.pk, talent_pool_consent=True, consent_text="t"),
    )
    portal.request_deletion(application.candidate)
    data = export_data(application.candidate)
    # Everything that points at the candidate or at one of their applications (interviews,
    # scorecards, group-day bookings, onboarding plans, ...), and what hangs off those.
    # The candidate's own export leaves out only the assessors' internal work (art. 15(4)).
    internal = {label for label, view in CANDIDATE_VIEW.items() if view == INTERNAL}
    assert _models_with_fk_to_candidate(Candidate, Application) - internal <= set(data["records"])
    assert {"interviews.InterviewSlot", "onboarding.PlanTask"} <= set(data["records"])
    assert not internal & set(data["records"])
    # The organisation's staff export holds all of it, the internal part apart.
    staff = export_data(application.candidate, organisation=application.organisation)
    assert _models_with_fk_to_candidate(Candidate, Application) <= set(staff["records"]) | set(
        staff["internal"]
    )
    assert {"selection.Score", "selection.Scorecard"} <= set(staff["internal"])
    assert data["candidate"]["email"] == "amira@voorbeeld.nl"
    assert data["records"]["applications.Booking"]


def test_every_model_of_the_walk_says_what_the_candidate_gets():
    """A new table about a person must be classified (internal notes or not) before it ships."""
    from ..ownership import candidate_paths

    walked = {model._meta.label for model, _path in candidate_paths()}
    assert walked == set(CANDIDATE_VIEW), (
        f"classify in exports.CANDIDATE_VIEW: {sorted(walked - set(CANDIDATE_VIEW))}; "
        f"no longer walked: {sorted(set(CANDIDATE_VIEW) - walked)}"
    )


def test_export_zip_holds_json_and_files():
    vacancy = PublishedVacancyFactory()
    application, _ = submission.apply(
        vacancy, _data(Route.CV, files=[_cv_file(docx_cv(), "mijn cv.docx")])
    )
    archive = zipfile.ZipFile(io.BytesIO(export_zip(application.candidate)))
    names = archive.namelist()
    assert "data.json" in names
    assert any(name.endswith("mijn cv.docx") for name in names)
    data = json.loads(archive.read("data.json"))
    assert data["records"]["applications.Application"][0]["id"] == application.pk


def test_merge_moves_everything_and_is_audited(make_staff):
    vacancy = PublishedVacancyFactory()
    one, _ = submission.apply(vacancy, _data(Route.CV, files=[_cv_file()]))
    two, _ = submission.apply(
        vacancy, _data(Route.CV, email="amira.h@voorbeeld.nl", files=[_cv_file()])
    )
    source, target = two.candidate, one.candidate
    hr = make_staff(vacancy.organisation)
    merging.merge_candidates(source, target, actor=hr, organisation=vacancy.organisation)
    source.refresh_from_db()
    assert source.merged_into == target
    assert set(target.applications.values_list("pk", flat=True)) == {one.pk, two.pk}
    assert Document.objects.filter(candidate=target).count() == 2
    assert not CandidateSkill.objects.filter(candidate=source).exists()
    labels = list(target.skills.values_list("label", flat=True))
    assert len(labels) == len(set(labels))
    event = AuditEvent.objects.get(event_type="candidate.merged")
    assert event.data == {
        "source": source.pk,
        "target": target.pk,
        "applications": 1,
        "documents": 1,
        "consents": 0,
        "rows": event.data["rows"],
    }
    assert event.data["rows"] >= 2  # the application, the document and the extracted skills


def test_slot_capacity_constraint_exists_in_the_database():
    from django.db import IntegrityError, transaction

    slot = SlotFactory(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Slot.objects.filter(pk=slot.pk).update(booked_count=2)
