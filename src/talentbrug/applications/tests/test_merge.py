"""Merging two candidates (one person, two e-mail addresses): look first, then confirm.

A merge touches only the requesting organisation's rows. When either person also has data at
another organisation it is refused, because that organisation's application, CV and notes
would otherwise belong to someone else (issue 14, item 2).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.privacy.tests.factories import consent, document, now

from .. import merging
from ..models import Application, Candidate, Consent, Document
from .factories import ApplicationFactory, CandidateFactory, PublishedVacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organisation: Any) -> dict[str, Any]:
    """At DICTU: sollicitatie ``keep`` of Amira (main address) and ``move`` of Amira (old address)."""
    vacancy = PublishedVacancyFactory(organisation=organisation, title="Servicedesk medewerker")
    target = CandidateFactory(email="amira@voorbeeld.nl")
    source = CandidateFactory(email="amira.oud@voorbeeld.nl")
    keep = ApplicationFactory(vacancy=vacancy, candidate=target)
    move = ApplicationFactory(vacancy=vacancy, candidate=source)
    cv = document(move, content=b"cv van het oude adres")
    cv.original_name = "cv-oud-adres.txt"
    cv.save(update_fields=["original_name"])
    consent(source, now())
    return {"target": target, "source": source, "keep": keep, "move": move, "cv": cv}


def _url(people: dict[str, Any]) -> str:
    return reverse("applications:staff_merge", args=[people["keep"].pk])


def _unchanged(people: dict[str, Any]) -> None:
    people["move"].refresh_from_db()
    assert people["move"].candidate_id == people["source"].pk
    assert Document.objects.get(pk=people["cv"].pk).candidate_id == people["source"].pk
    assert Consent.objects.filter(candidate=people["source"]).count() == 1
    assert Candidate.objects.get(pk=people["source"].pk).merged_into_id is None
    assert not AuditEvent.objects.filter(event_type="candidate.merged").exists()


def test_the_page_asks_for_the_other_application_first(people, staff_client, organisation):
    response = staff_client(organisation, Role.HR_ADVISER).get(_url(people))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="other_application"' in page and 'method="get"' in page
    assert 'name="confirm"' not in page
    _unchanged(people)


def test_looking_shows_exactly_what_moves_and_changes_nothing(people, staff_client, organisation):
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.get(_url(people), {"other_application": people["move"].pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Sollicitatie {people['move'].pk}: Servicedesk medewerker" in page
    assert f"Sollicitatie {people['keep'].pk}:" not in page  # that one stays where it is
    assert "cv-oud-adres.txt" in page
    assert "gegeven op" in page  # the consent
    assert "De persoonlijke link van amira.oud@voorbeeld.nl werkt daarna niet meer" in page
    assert 'name="confirm"' in page and 'method="post"' in page
    _unchanged(people)


def test_posting_without_the_tick_changes_nothing(people, staff_client, organisation):
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(_url(people), {"other_application": people["move"].pk})
    assert response.status_code == 400
    assert "Vink aan dat u wilt samenvoegen." in response.content.decode()
    _unchanged(people)


def test_confirming_moves_everything_and_audits_the_counts(people, staff_client, organisation):
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(_url(people), {"other_application": people["move"].pk, "confirm": "on"})
    assert response.status_code == 302
    target, source = people["target"], people["source"]
    assert set(target.applications.values_list("pk", flat=True)) == {
        people["keep"].pk,
        people["move"].pk,
    }
    assert Document.objects.get(pk=people["cv"].pk).candidate_id == target.pk
    assert Consent.objects.filter(candidate=target).count() == 1
    old = Candidate.objects.get(pk=source.pk)
    assert old.merged_into_id == target.pk
    assert old.token_version == source.token_version + 1  # the old link stops working
    event = AuditEvent.objects.get(event_type="candidate.merged")
    assert event.organisation == organisation
    assert (event.data["applications"], event.data["documents"], event.data["consents"]) == (
        1,
        1,
        1,
    )
    assert event.data["rows"] == 3
    assert "1 sollicitaties, 1 documenten, 1 toestemmingen" in event.message


@pytest.mark.parametrize("who", ["source", "target"])
def test_refused_when_either_person_applied_at_another_organisation(
    people, staff_client, organisation, other_organisation, who
):
    elsewhere = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=other_organisation), candidate=people[who]
    )
    document(elsewhere, content=b"cv bij Logius")
    hr = staff_client(organisation, Role.HR_ADVISER)
    look = hr.get(_url(people), {"other_application": people["move"].pk}).content.decode()
    assert "Samenvoegen kan niet" in look
    assert "ook gegevens bij een andere organisatie" in look
    assert other_organisation.name not in look  # where else the person applied is not said
    assert 'name="confirm"' not in look
    response = hr.post(_url(people), {"other_application": people["move"].pk, "confirm": "on"})
    assert response.status_code == 400
    assert "Samenvoegen kan niet" in response.content.decode()
    _unchanged(people)
    elsewhere.refresh_from_db()
    assert elsewhere.candidate_id == people[who].pk
    assert Document.objects.filter(application=elsewhere, candidate=people[who]).count() == 1


def test_refused_for_data_elsewhere_without_an_application(
    people, organisation, other_organisation, make_staff
):
    """A legal hold or a talent-pool contact request of another organisation counts too."""
    from talentbrug.privacy.services import holds as privacy_holds

    logius_hr = make_staff(other_organisation)
    privacy_holds.place_hold(other_organisation, people["source"], logius_hr, "Z-1", "Zaak")
    with pytest.raises(merging.MergeRefused):
        merging.merge_candidates(
            people["source"], people["target"], actor=make_staff(organisation),
            organisation=organisation,
        )  # fmt: skip
    _unchanged(people)


def test_an_application_of_another_organisation_cannot_be_picked(
    people, staff_client, organisation, other_organisation
):
    outside = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=other_organisation))
    hr = staff_client(organisation, Role.HR_ADVISER)
    for response in (
        hr.get(_url(people), {"other_application": outside.pk}),
        hr.post(_url(people), {"other_application": outside.pk, "confirm": "on"}),
    ):
        assert "Deze sollicitatie bestaat niet in uw organisatie." in response.content.decode()
    assert Application.objects.get(pk=outside.pk).candidate_id != people["target"].pk
    _unchanged(people)


def test_the_same_candidate_cannot_be_merged_with_itself(people, staff_client, organisation):
    again = ApplicationFactory(vacancy=people["keep"].vacancy, candidate=people["target"])
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(_url(people), {"other_application": again.pk, "confirm": "on"})
    assert response.status_code == 400
    assert "Deze sollicitatie is al van dezelfde kandidaat." in response.content.decode()
    _unchanged(people)


def test_a_merged_candidate_cannot_be_merged_again(people, organisation, make_staff):
    hr = make_staff(organisation)
    merging.merge_candidates(
        people["source"], people["target"], actor=hr, organisation=organisation
    )
    third = CandidateFactory()
    with pytest.raises(merging.MergeRefused):
        merging.merge_candidates(people["source"], third, actor=hr, organisation=organisation)
    assert AuditEvent.objects.filter(event_type="candidate.merged").count() == 1


def test_a_hiring_manager_may_not_merge(people, staff_client, organisation):
    manager = staff_client(organisation, Role.HIRING_MANAGER)
    response = manager.post(_url(people), {"other_application": people["move"].pk, "confirm": "on"})
    assert response.status_code == 403
    _unchanged(people)
