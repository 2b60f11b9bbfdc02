"""Expired application files handed to the records triage where the selectielijst says so."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Document
from talentbrug.audit.models import AuditEvent
from talentbrug.privacy.constants import ANONYMISED_DOMAIN
from talentbrug.privacy.services import errors as errors_services
from talentbrug.privacy.services import holds as holds_services
from talentbrug.privacy.services import policy as policy_services
from talentbrug.privacy.services import purge as purge_services
from talentbrug.records.models import Document as RecordDocument
from talentbrug.records.tests.factories import CategoryFactory, CollectionFactory

from . import factories as f

pytestmark = pytest.mark.django_db

T0 = "2026-03-02 10:00:00+00:00"


@pytest.fixture
def handover(organisation, make_staff):
    """The organisation's selectielijst keeps application files: category + collection."""
    user = make_staff(organisation, Role.HR_ADVISER, username="hr-handover")
    category = CategoryFactory(organisation=organisation, code="4.2", bewaartermijn_years=2)
    collection = CollectionFactory(organisation=organisation, owner=user, name="Werving")
    policy = policy_services.update_policy(
        organisation, user, records_category=category, records_collection=collection
    )
    return policy


def _expired_with_files(organisation, name="Amina Yusuf"):
    app = f.application(organisation, candidate__name=name)
    cv = f.document(app, "cv", b"Cv van Amina Yusuf, servicedesk")
    other = f.document(app, "other", b"Diploma van Amina")
    f.withdrawn(app, f.now() - timedelta(days=40))
    return app, [cv, other]


@freeze_time(T0)
def test_expired_files_go_to_the_collection_then_the_application_is_anonymised(
    organisation, handover, purge
):
    app, docs = _expired_with_files(organisation)
    storage = docs[0].file.storage
    names = [d.file.name for d in docs]
    result = purge()
    # In the records triage, under the selectielijst category, with neutral names.
    records = RecordDocument.objects.filter(collection=handover.records_collection).order_by("pk")
    assert [r.path for r in records] == [
        f"4.2 {handover.records_category.name}/sollicitatie-{app.pk}/cv-{docs[0].pk}.txt",
        f"4.2 {handover.records_category.name}/sollicitatie-{app.pk}/other-{docs[1].pk}.txt",
    ]
    assert all(r.organisation == organisation for r in records)
    with records[0].file.open("rb") as fh:
        assert fh.read() == b"Cv van Amina Yusuf, servicedesk"
    assert all("Amina" not in r.path for r in records)
    # ...and the application is anonymised as before; its own copies are gone.
    app.refresh_from_db()
    assert app.candidate.email.endswith(ANONYMISED_DOMAIN)
    assert not Document.objects.filter(application=app).exists()
    assert not any(storage.exists(n) for n in names)
    assert result["handover.applications"] == 1 and result["handover.documents"] == 2
    assert result["applications.anonymised"] == 1


@freeze_time(T0)
def test_handover_is_audited_with_counts_only(organisation, handover, purge):
    _expired_with_files(organisation)
    purge()
    event = AuditEvent.objects.get(event_type="privacy.handed_to_records")
    assert event.organisation == organisation
    assert event.data["applications"] == 1 and event.data["documents"] == 2
    assert event.data["collection"] == handover.records_collection_id
    assert event.data["category"] == handover.records_category_id
    for event in AuditEvent.objects.filter(event_type__startswith="privacy."):
        assert "Amina" not in str(event.data)
    run = AuditEvent.objects.get(event_type="privacy.retention_run", organisation=organisation)
    assert run.data["handover_documents"] == 2


@freeze_time(T0)
def test_without_the_setting_files_are_deleted(organisation, purge):
    _expired_with_files(organisation)
    purge()
    assert not RecordDocument.objects.exists()
    assert not AuditEvent.objects.filter(event_type="privacy.handed_to_records").exists()


@freeze_time(T0)
def test_only_the_organisation_with_the_setting_hands_over(
    organisation, other_organisation, handover, purge
):
    _expired_with_files(organisation)
    _expired_with_files(other_organisation, name="Bram")
    purge()
    assert RecordDocument.objects.count() == 2
    assert set(RecordDocument.objects.values_list("organisation", flat=True)) == {organisation.pk}


@freeze_time(T0)
def test_held_applications_are_not_handed_over(organisation, handover, make_staff, purge):
    app, _docs = _expired_with_files(organisation)
    user = make_staff(organisation)
    holds_services.place_hold(organisation, app.candidate, user, "WOO-1", "Woo-verzoek")
    purge()
    assert not RecordDocument.objects.exists()
    assert Document.objects.filter(application=app).count() == 2


@freeze_time(T0)
def test_a_failed_handover_keeps_the_application_for_the_next_run(
    organisation, handover, monkeypatch, purge
):
    app, _docs = _expired_with_files(organisation)

    def refuse(*args, **kwargs):
        raise RuntimeError("records refuses")

    monkeypatch.setattr("talentbrug.records.services.uploads.import_files", refuse)
    result = purge()
    assert result["handover.failed"] == 1
    app.refresh_from_db()
    assert not app.candidate.email.endswith(ANONYMISED_DOMAIN)
    assert Document.objects.filter(application=app).count() == 2
    monkeypatch.undo()
    purge()
    app.refresh_from_db()
    assert app.candidate.email.endswith(ANONYMISED_DOMAIN)
    assert RecordDocument.objects.count() == 2


@freeze_time(T0)
def test_dry_run_report_shows_the_handover(organisation, handover, capsys, staff_client):
    app, _docs = _expired_with_files(organisation)
    plan = purge_services.report(organisation_id=organisation.pk)
    assert plan["handover"] == [
        {
            "organisation_id": organisation.pk,
            "collection": handover.records_collection,
            "category": handover.records_category,
            "applications": 1,
            "documents": 2,
        }
    ]
    call_command("retention_report")
    out = capsys.readouterr().out
    assert "handed to records first: 2 file(s) of 1 application(s)" in out
    assert "Amina" not in out
    call_command("retention_report", "--json")
    assert '"documents": 2' in capsys.readouterr().out
    page = staff_client(organisation, Role.HR_ADVISER).get(reverse("privacy:index"))
    html = page.content.decode()
    assert "Eerst gaan 2 bestanden van 1 sollicitatie(s) naar de verzameling" in html
    assert "Werving" in html
    # Nothing moved: it was a dry run.
    assert not RecordDocument.objects.exists()
    assert Document.objects.filter(application=app).count() == 2


def test_policy_needs_both_and_of_the_own_organisation(
    organisation, other_organisation, make_staff
):
    user = make_staff(organisation)
    category = CategoryFactory(organisation=organisation)
    with pytest.raises(errors_services.PrivacyError):
        policy_services.update_policy(organisation, user, records_category=category)
    foreign = CollectionFactory(organisation=other_organisation)
    with pytest.raises(errors_services.PrivacyError):
        policy_services.update_policy(
            organisation, user, records_category=category, records_collection=foreign
        )


def test_policy_form_offers_only_own_categories_and_collections(
    organisation, other_organisation, staff_client
):
    own = CollectionFactory(organisation=organisation, name="Eigen verzameling")
    CollectionFactory(organisation=other_organisation, name="Vreemde verzameling")
    client = staff_client(organisation, Role.HR_ADVISER)
    html = client.get(reverse("privacy:policy")).content.decode()
    assert "Eigen verzameling" in html and "Vreemde verzameling" not in html
    response = client.post(
        reverse("privacy:policy"),
        {
            "rejected_days": 28,
            "consent_max_days": 365,
            "hire_material_days": 90,
            "closed_vacancy_days": 90,
            "records_category": own.default_category.pk,
            "records_collection": own.pk,
        },
    )
    assert response.status_code == 302
    policy = organisation.retention_policy
    assert policy.hands_over_files and policy.records_collection == own
