from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.models import Application, Candidate, Consent, Document
from talentbrug.applications.services.consent import give_consent
from talentbrug.applications.services.portal import request_deletion
from talentbrug.audit.models import AuditEvent
from talentbrug.pages.navigation import attention_for
from talentbrug.privacy.constants import ANONYMISED_DOMAIN
from talentbrug.privacy.models import ErasureOutcome, LegalHold, Objection
from talentbrug.privacy.services import erasure as erasure_services
from talentbrug.privacy.services import errors as errors_services
from talentbrug.privacy.services import holds as holds_services
from talentbrug.privacy.services import objections as objections_services

from . import factories as f

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_takes_the_last():
    from datetime import datetime

    assert erasure_services.add_months(datetime(2026, 1, 31, tzinfo=UTC), 1).day == 28
    assert erasure_services.add_months(datetime(2026, 12, 15, tzinfo=UTC), 1).month == 1


def test_hr_sees_requests_with_their_deadline(staff_client, organisation):
    app = f.application(organisation)
    request = request_deletion(app.candidate)
    client = staff_client(organisation, Role.HR_ADVISER)
    response = client.get(reverse("privacy:requests"))
    assert response.status_code == 200
    deadline = erasure_services.erasure_deadline(request)
    assert deadline.strftime("%Y") in response.content.decode()
    assert reverse("privacy:carry_out", args=[request.pk]) in response.content.decode()


def test_carrying_out_erasure_anonymises_and_wipes(
    staff_client, organisation, django_capture_on_commit_callbacks, mailoutbox
):
    app = f.application(organisation, candidate__name="Amina Yusuf")
    person = app.candidate
    doc = f.document(app)
    name, storage = doc.file.name, doc.file.storage
    give_consent(person, "tekst", "nl")
    person.preferred_language = "en"
    person.save()
    address = person.email
    request = request_deletion(person)
    client = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("privacy:carry_out", args=[request.pk])
    # First a confirmation page that says what will happen; without the tick nothing happens.
    page = client.get(url).content.decode()
    assert "1 sollicitatie wordt geanonimiseerd" in page and "profiel van de kandidaat" in page
    assert client.post(url).status_code == 302
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.REQUESTED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    # The person hears about it by e-mail (through the outbox), in their own language.
    from talentbrug.outbox.models import OutboxMail

    mail = OutboxMail.objects.get(kind="privacy.erasure_done")
    assert mail.to == [address] and mail.candidate_id is None
    with translation.override("en"):
        from django.utils.translation import gettext

        expected = gettext("We bewaren niets meer van je. Je persoonlijke pagina werkt niet meer.")
    sent = [m for m in mailoutbox if m.to == [address]]
    assert len(sent) == 1 and expected in sent[0].body
    assert organisation.name in sent[0].body
    person.refresh_from_db()
    assert person.name == "" and person.email.endswith(ANONYMISED_DOMAIN)
    assert not Consent.objects.filter(candidate=person).exists()
    assert not Document.objects.filter(pk=doc.pk).exists() and not storage.exists(name)
    assert Application.objects.get(pk=app.pk).candidate_id != person.pk
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.DONE
    outcome = ErasureOutcome.objects.get(deletion_request=request)
    assert (outcome.applications_anonymised, outcome.applications_kept) == (1, 0)
    assert outcome.candidate_erased
    event = AuditEvent.objects.get(event_type="privacy.erasure_carried_out")
    assert "Amina" not in json.dumps(event.data)
    # Still visible (as done) to the organisation that carried it out.
    page = client.get(reverse("privacy:requests")).content.decode()
    assert f"Verzoek {request.pk}" in page
    # Twice is refused.
    with pytest.raises(errors_services.PrivacyError):
        erasure_services.carry_out_erasure(request, user=None, organisation=organisation)


def test_erasure_respects_a_legal_hold(organisation, make_staff):
    user = make_staff(organisation)
    held = f.application(organisation)
    person = held.candidate
    other = f.application(f.application().organisation, candidate=person)
    holds_services.place_hold(organisation, person, user, "WOO-1", "Woo-verzoek")
    outcome = erasure_services.carry_out_erasure(
        request_deletion(person, organisation), user=user, organisation=organisation
    )
    assert (outcome.applications_anonymised, outcome.applications_kept) == (0, 1)
    assert not outcome.candidate_erased
    assert Application.objects.get(pk=held.pk).candidate_id == person.pk
    # The other organisation's application is its own business (its own request, its own terms).
    assert Application.objects.get(pk=other.pk).candidate_id == person.pk


def test_requests_near_their_deadline_are_an_attention_item(rf, organisation, make_staff):
    from talentbrug.accounts.access import PERMISSIONS

    app = f.application(organisation)
    with freeze_time(timezone.now() - timedelta(days=26)):
        request_deletion(app.candidate)
    request = rf.get("/")
    request.organisation = organisation
    request.roles = frozenset({Role.HR_ADVISER.value})
    request.user = make_staff(organisation)
    assert PERMISSIONS["privacy.view"] >= {Role.HR_ADVISER.value, Role.ORG_ADMIN.value}
    items = [i for i in attention_for(request) if str(i.url) == reverse("privacy:requests")]
    assert items and items[0].count == 1


def test_requests_of_another_organisation_are_not_shown(
    staff_client, organisation, other_organisation
):
    app = f.application(other_organisation)
    request = request_deletion(app.candidate)
    client = staff_client(organisation, Role.HR_ADVISER)
    assert f"Verzoek {request.pk}" not in client.get(reverse("privacy:requests")).content.decode()
    response = client.post(reverse("privacy:carry_out", args=[request.pk]))
    assert response.status_code == 404


def test_objection_recorded_and_upheld_withdraws_talent_pool_consent(staff_client, organisation):
    app = f.application(organisation)
    give_consent(app.candidate, "tekst", "nl")
    client = staff_client(organisation, Role.HR_ADVISER)
    response = client.post(
        reverse("privacy:objection_add"),
        {"email": app.candidate.email, "processing": "talent_pool"},
    )
    assert response.status_code == 302
    objection = Objection.objects.get(candidate=app.candidate)
    response = client.post(
        reverse("privacy:objection_decide", args=[objection.pk]), {"outcome": "upheld"}
    )
    objection.refresh_from_db()
    assert objection.outcome == "upheld"
    assert not Consent.objects.filter(candidate=app.candidate, withdrawn_at__isnull=True).exists()


def test_rejecting_an_objection_needs_a_note(organisation, make_staff):
    app = f.application(organisation)
    user = make_staff(organisation)
    objection = objections_services.record_objection(organisation, app.candidate, user, "matching")
    with pytest.raises(errors_services.PrivacyError):
        objections_services.decide_objection(objection, user, "rejected")
    objections_services.decide_objection(objection, user, "rejected", "Wettelijke plicht")


def test_unknown_email_is_refused_without_saying_more(
    staff_client, organisation, other_organisation
):
    stranger = f.application(other_organisation).candidate
    client = staff_client(organisation, Role.HR_ADVISER)
    response = client.post(
        reverse("privacy:hold_add"),
        {"email": stranger.email, "reference": "W", "reason": "R"},
    )
    assert response.status_code == 400
    assert not LegalHold.objects.exists()


def test_staff_export_for_a_person_without_a_link(staff_client, organisation, other_organisation):
    app = f.application(organisation, candidate__name="Amina Yusuf")
    f.document(app, "cv", b"mijn cv")
    client = staff_client(organisation, Role.HR_ADVISER)
    page = client.get(reverse("privacy:access"), {"email": app.candidate.email})
    assert reverse("privacy:access_download", args=[app.candidate_id]) in page.content.decode()
    response = client.get(reverse("privacy:access_download", args=[app.candidate_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("data.json"))
        assert data["candidate"]["name"] == "Amina Yusuf"
        assert any(n.startswith("files/") for n in archive.namelist())
    assert AuditEvent.objects.filter(event_type="privacy.export_made").exists()
    stranger = f.application(other_organisation).candidate
    assert client.get(reverse("privacy:access_download", args=[stranger.pk])).status_code == 404


def test_policy_and_vacancy_pages(staff_client, organisation):
    client = staff_client(organisation, Role.ORG_ADMIN)
    response = client.post(
        reverse("privacy:policy"),
        {
            "rejected_days": 60,
            "extension_reason": "",
            "consent_max_days": 365,
            "hire_material_days": 90,
            "closed_vacancy_days": 90,
        },
    )
    assert response.status_code == 200 and "reden" in response.content.decode()
    vacancy = f.application(organisation).vacancy
    response = client.post(
        reverse("privacy:vacancy_term", args=[vacancy.pk]), {"rejected_days": 60, "reason": ""}
    )
    assert response.status_code == 200
    response = client.post(
        reverse("privacy:vacancy_term", args=[vacancy.pk]), {"rejected_days": 14, "reason": ""}
    )
    assert response.status_code == 302
    assert client.get(reverse("privacy:index")).status_code == 200


def test_export_covers_every_model_that_refers_to_the_candidate(organisation, make_staff):
    """The applications export walks every FK to Candidate: privacy's own rows are in it."""
    from talentbrug.applications.exports import export_data

    app = f.application(organisation)
    objections_services.record_objection(
        organisation, app.candidate, make_staff(organisation), "matching"
    )
    data = export_data(app.candidate)
    assert data["records"]["privacy.Objection"]
    assert Candidate.objects.filter(pk=app.candidate_id).exists()


def test_erasure_removes_an_application_waiting_for_confirmation(
    organisation, make_staff, django_capture_on_commit_callbacks
):
    """Someone applied with the person's known address; the application waits for the
    address's confirmation (a PendingApplication, keyed by address) with its CV in the private
    store. Erasing the person removes it and its file too."""
    import uuid

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from talentbrug.applications.models import PendingApplication

    app = f.application(organisation)
    person = app.candidate
    path = default_storage.save("pending/cv-test.pdf", ContentFile(b"%PDF-1.4 test"))
    PendingApplication.objects.create(
        vacancy=app.vacancy,
        email=person.email.upper(),
        token_hash="x" * 64,
        idempotency_key=uuid.uuid4(),
        data={"name": "Amina Yusuf", "motivation": "Ik wil graag..."},
        files=[{"kind": "cv", "path": path, "check": "clean"}],
        expires_at=timezone.now() + timedelta(days=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        erasure_services.carry_out_erasure(
            request_deletion(person), user=make_staff(organisation), organisation=organisation
        )
    assert not PendingApplication.objects.exists()
    assert not default_storage.exists(path)


def test_the_access_look_up_is_audited_without_the_address(staff_client, organisation):
    application = f.application(organisation, candidate__email="amina.yusuf@example.org")
    client = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("privacy:access")
    client.get(url)  # the empty form: nothing looked up
    page = client.get(url, {"email": "amina.yusuf@example.org"}).content.decode()
    assert f"/{application.candidate_id}/" in page or "amina.yusuf@example.org" in page
    client.get(url, {"email": "niemand@example.org"})
    events = AuditEvent.objects.filter(event_type="privacy.person_looked_up").order_by("pk")
    assert [(e.data["found"], e.data["candidate"]) for e in events] == [
        (True, application.candidate_id),
        (False, None),
    ]
    for event in events:
        written = " ".join(str(getattr(event, f.attname)) for f in AuditEvent._meta.concrete_fields)
        assert "amina" not in written.lower() and "niemand" not in written.lower()
