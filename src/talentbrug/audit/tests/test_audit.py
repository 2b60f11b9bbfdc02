import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AppendOnlyError, AuditEvent
from talentbrug.audit.services import events_for_object, record_event


@pytest.mark.django_db
def test_record_event_stores_who_what_where(make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    event = record_event(
        "accounts.recovery_code_used",
        actor=user,
        organisation=organisation,
        obj=user,
        role=Role.HR_ADVISER,
        remaining=9,
    )
    assert event.actor == user
    assert event.actor_label == f"user:{user.pk}"
    assert event.organisation == organisation
    assert event.object_id == str(user.pk)
    assert event.message == "Herstelcode gebruikt; nog 9 over"
    assert list(events_for_object(user)) == [event]


@pytest.mark.django_db
def test_unknown_event_type_and_rich_data_are_refused(organisation):
    with pytest.raises(ValueError):
        record_event("made.up", organisation=organisation)
    with pytest.raises(ValueError):
        record_event("accounts.login", organisation=organisation, profile={"name": "x"})
    with pytest.raises(ValueError):
        record_event("accounts.login", organisation=organisation, note="x" * 500)
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_events_are_append_only(organisation):
    event = record_event("accounts.login", organisation=organisation)
    event.event_type = "accounts.logout"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(event_type="x")
    assert AuditEvent.objects.get(pk=event.pk).event_type == "accounts.login"


@pytest.mark.django_db
def test_admin_cannot_add_change_or_delete_events(organisation, admin_user):
    from talentbrug.conftest import verified_client

    # A technical admin with a verified second factor (the admin asks for it since issue 14).
    admin_client = verified_client(admin_user)
    event = record_event("accounts.login", organisation=organisation)
    model_admin = site._registry[AuditEvent]
    request = RequestFactory().get("/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
    delete_url = reverse("admin:audit_auditevent_delete", args=[event.pk])
    response = admin_client.post(delete_url, {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_event_list_is_scoped_and_filterable(staff_client, organisation, other_organisation):
    client = staff_client(organisation, Role.ORG_ADMIN)  # its log-in is an event of the org
    record_event("accounts.organisation_switched", organisation=organisation)
    record_event("accounts.2fa_enrolled", organisation=organisation)
    record_event("accounts.organisation_switched", organisation=other_organisation)
    response = client.get(reverse("audit:list"))
    events = list(response.context["page"].object_list)
    assert {e.organisation_id for e in events} == {organisation.pk}
    assert [e.event_type for e in events] == [
        "accounts.2fa_enrolled",
        "accounts.organisation_switched",
        "accounts.login",
    ]
    response = client.get(reverse("audit:list"), {"event_type": "accounts.2fa_enrolled"})
    assert [e.event_type for e in response.context["page"].object_list] == ["accounts.2fa_enrolled"]
    response = client.get(
        reverse("audit:list"), {"date_from": "2030-01-02", "date_to": "2030-01-01"}
    )
    assert "begindatum ligt na de einddatum" in response.content.decode()


@pytest.mark.django_db
def test_event_list_for_one_object(staff_client, make_staff, organisation):
    person = make_staff(organisation, Role.ASSESSOR)
    record_event("accounts.2fa_enrolled", organisation=organisation, obj=person)
    record_event("accounts.login", organisation=organisation)
    client = staff_client(organisation, Role.ORG_ADMIN)
    response = client.get(
        reverse("audit:list"), {"object_type": "accounts.user", "object_id": str(person.pk)}
    )
    assert [e.event_type for e in response.context["page"].object_list] == ["accounts.2fa_enrolled"]


# --------------------------------------------------------------------------- issue 19


@pytest.mark.django_db
def test_events_carry_the_actors_roles_in_the_organisation(make_staff, organisation):
    person = make_staff(organisation, Role.HR_ADVISER, Role.RECORDS_MANAGER)
    event = record_event("accounts.organisation_switched", actor=person, organisation=organisation)
    assert event.actor_role == "hr_adviser,records_manager"
    assert event.actor_role_label == "HR-adviseur, Informatiebeheerder"


@pytest.mark.django_db
def test_log_ins_land_in_each_organisation_of_the_person(
    make_staff, organisation, other_organisation
):
    from django.test import Client

    from talentbrug.accounts.tests.factories import MembershipFactory

    person = make_staff(organisation, Role.HR_ADVISER)
    MembershipFactory(user=person, organisation=other_organisation, role=Role.ASSESSOR)
    Client().post(
        reverse("accounts:login"),
        {"username": person.username, "password": "Een-goed-wachtwoord-2026"},
    )
    logins = AuditEvent.objects.filter(event_type="accounts.login", actor=person)
    assert {(e.organisation_id, e.actor_role) for e in logins} == {
        (organisation.pk, "hr_adviser"),
        (other_organisation.pk, "assessor"),
    }


@pytest.mark.django_db
def test_codes_in_the_log_read_as_dutch_words(organisation):
    undone = record_event(
        "records.decision_undone", organisation=organisation, decision="undecided"
    )
    decided = record_event(
        "records.document_decided", organisation=organisation, decision="discard"
    )
    assert undone.message == "Beslissing ongedaan gemaakt; terug naar Nog niet beslist"
    assert decided.message == "Beslissing over document: Weggooien"


@pytest.mark.django_db
def test_filter_by_person_and_security_and_export_is_logged(staff_client, make_staff, organisation):
    person = make_staff(organisation, Role.ASSESSOR)
    record_event("accounts.2fa_enrolled", actor=person, organisation=organisation, obj=person)
    record_event("records.list_created", organisation=organisation, count=3, refused=0)
    admin = staff_client(organisation, Role.ORG_ADMIN)
    mine = admin.get(reverse("audit:list"), {"person": str(person.pk)})
    assert [e.event_type for e in mine.context["page"].object_list] == ["accounts.2fa_enrolled"]
    security = admin.get(reverse("audit:list"), {"event_type": "beveiliging"})
    kinds = {e.event_type for e in security.context["page"].object_list}
    assert "accounts.2fa_enrolled" in kinds and "records.list_created" not in kinds
    csv = admin.get(reverse("audit:export"), {"formaat": "csv", "person": str(person.pk)})
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Disposition"].startswith("attachment")
    assert (
        "Tweestapsverificatie ingesteld" in text and str(person) in text and "Beoordelaar" in text
    )
    assert "Vernietigingslijst opgesteld" not in text
    exported = AuditEvent.objects.get(event_type="audit.exported")
    assert exported.data == {"format": "CSV", "count": 1}
    assert exported.actor_role == Role.ORG_ADMIN
    # HR may read the log but not download it.
    assert (
        staff_client(organisation, Role.HR_ADVISER).get(reverse("audit:export")).status_code == 403
    )


@pytest.mark.django_db
def test_pruning_removes_only_events_beyond_the_retention_and_says_so(organisation, settings):
    from datetime import timedelta

    from django.utils import timezone
    from freezegun import freeze_time

    from talentbrug.audit.services import prune_expired
    from talentbrug.core.periodic import PERIODIC_JOBS

    settings.TALENTBRUG_AUDIT_RETENTION_DAYS = 400
    with freeze_time(timezone.now() - timedelta(days=401)):
        old = record_event("accounts.login", organisation=organisation)
    with freeze_time(timezone.now() - timedelta(days=399)):
        young = record_event("accounts.login", organisation=organisation)
    assert "audit.prune_expired" in PERIODIC_JOBS
    assert prune_expired() == 1
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=young.pk).exists()
    pruned = AuditEvent.objects.get(event_type="audit.pruned")
    assert pruned.message == "1 logboekregels ouder dan 400 dagen verwijderd (bewaartermijn)"
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=young.pk).delete()


def test_every_security_event_is_a_registered_event_type():
    from talentbrug.audit.registry import EVENT_TYPES, SECURITY_EVENTS

    assert SECURITY_EVENTS - set(EVENT_TYPES) == set()
