"""An erasure at one organisation touches only that organisation's rows (issue 14 follow-up).

Each organisation is its own controller (AVG) with its own Archiefwet terms. DICTU and Logius
share a candidate (the two worlds of ``test_export_isolation``: application, CV, scorecard with
notes, interview, question, onboarding plan, legal hold). The candidate asks for erasure in the
portal: one request reaches each organisation. DICTU carries out its part: DICTU's rows and
files are gone (checked on disk and in every export ZIP), Logius's application, CV file and
scorecard stay, visible to Logius and to the candidate. Only when Logius carries out its part
too is the person-level record wiped.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.models import Application, DeletionRequest, Document, Question
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.privacy.constants import ANONYMISED_DOMAIN
from talentbrug.privacy.services import erasure as privacy_erasure
from talentbrug.privacy.services import errors as privacy_errors
from talentbrug.privacy.services import holds as privacy_holds
from talentbrug.selection.models import Scorecard
from talentbrug.tests.test_export_isolation import (  # noqa: F401 - fixtures and helpers
    _assert_none_of,
    _download,
    _logius_client,
    private_media,
    shared,
)

pytestmark = pytest.mark.django_db


def _present(text: str, secrets: dict[str, str], keys: tuple[str, ...], where: str) -> None:
    missing = [secrets[k] for k in keys if secrets[k] not in text]
    assert not missing, f"{where} lost the organisation's own data: {missing}"


def _carry_out(client: Any, request: DeletionRequest, capture: Any) -> str:
    url = reverse("privacy:carry_out", args=[request.pk])
    page = client.get(url).content.decode()
    with capture(execute=True):
        assert client.post(url, {"confirm": "yes"}).status_code == 302
    return page


def test_erasure_at_one_organisation_leaves_the_other_organisations_data(
    shared,  # noqa: F811 - the fixture imported above
    staff_client,
    make_staff,
    django_capture_on_commit_callbacks,
):
    candidate = shared["candidate"]
    dictu, logius = shared["dictu"], shared["logius"]
    dictu_org, logius_org = shared["dictu_org"], shared["logius_org"]
    privacy_holds.lift_hold(shared["dictu_hold"], shared["dictu_assessor"])

    # The candidate asks in the portal: one request per organisation that holds data.
    person = portal_client(candidate)
    assert person.post(reverse("applications:portal_delete")).status_code == 302
    requests = {r.organisation_id: r for r in DeletionRequest.objects.filter(candidate=candidate)}
    assert set(requests) == {dictu_org.pk, logius_org.pk}
    home = person.get(reverse("applications:portal")).content.decode()
    assert home.count("nog niet uitgevoerd") == 2

    # Each organisation sees only its own part.
    dictu_hr = staff_client(dictu_org, Role.HR_ADVISER)
    listing = dictu_hr.get(reverse("privacy:requests")).content.decode()
    assert f"Verzoek {requests[dictu_org.pk].pk} " in listing
    assert f"Verzoek {requests[logius_org.pk].pk} " not in listing
    other = reverse("privacy:carry_out", args=[requests[logius_org.pk].pk])
    assert dictu_hr.post(other, {"confirm": "yes"}).status_code == 404

    dictu_cv, logius_cv = dictu["document"], logius["document"]
    dictu_file, logius_file = dictu_cv.file.name, logius_cv.file.name
    storage = dictu_cv.file.storage
    dictu_app, logius_app = dictu["application"], logius["application"]

    confirm = _carry_out(dictu_hr, requests[dictu_org.pk], django_capture_on_commit_callbacks)
    assert (
        "Bij andere organisaties blijven gegevens bestaan; zij beslissen daar zelf over" in confirm
    )
    assert logius_org.name not in confirm  # the other organisations are never named

    # DICTU's rows and files are gone.
    assert Application.objects.get(pk=dictu_app.pk).candidate_id != candidate.pk
    assert not Document.objects.filter(pk=dictu_cv.pk).exists()
    assert not storage.exists(dictu_file)
    assert not Scorecard.objects.filter(organisation=dictu_org).exists()
    assert not Question.objects.filter(organisation=dictu_org, candidate=candidate).exists()
    assert not candidate.deletion_requests.filter(
        organisation=dictu_org, status=DeletionRequestStatus.REQUESTED
    ).exists()

    # Logius's application, CV (on disk, unchanged) and scorecard are intact.
    assert Application.objects.get(pk=logius_app.pk).candidate_id == candidate.pk
    assert Document.objects.filter(pk=logius_cv.pk).exists()
    with storage.open(logius_file) as handle:
        assert handle.read().decode() == logius["secrets"]["cv"]
    assert Scorecard.objects.filter(organisation=logius_org, progress__application=logius_app)
    candidate.refresh_from_db()
    assert candidate.name == "Amira Haddad" and candidate.email == "amira@voorbeeld.nl"

    # Logius still sees its own part, in its staff export too.
    status, text = _download(
        _logius_client(shared), reverse("privacy:access_download", args=[candidate.pk])
    )
    assert status == 200
    _present(text, logius["secrets"], ("cv", "motivation", "notes"), "Logius's staff export")
    _assert_none_of(text, dictu["secrets"], "Logius's staff export")

    # The candidate still reaches Logius's part; DICTU's is gone from the own export.
    page = person.get(reverse("applications:portal_application", args=[logius_app.pk]))
    assert page.status_code == 200
    assert (
        person.get(reverse("applications:portal_application", args=[dictu_app.pk])).status_code
        == 404
    )
    status, text = _download(person, reverse("applications:portal_export"))
    assert status == 200
    _present(text, logius["secrets"], ("cv", "motivation"), "the candidate's export")
    for key in ("cv", "cv_name", "motivation", "question", "location", "job_title"):
        assert dictu["secrets"][key] not in text, key
    home = person.get(reverse("applications:portal")).content.decode()
    assert "uitgevoerd op" in home and "nog niet uitgevoerd" in home

    # Logius carries out its part (after lifting its hold): now the person goes.
    privacy_holds.lift_hold(shared["logius_hold"], shared["walker"])
    logius_hr = staff_client(logius_org, Role.HR_ADVISER)
    confirm = _carry_out(logius_hr, requests[logius_org.pk], django_capture_on_commit_callbacks)
    assert "Bij andere organisaties" not in confirm and "wordt gewist" in confirm
    candidate.refresh_from_db()
    assert candidate.name == "" and candidate.email.endswith(ANONYMISED_DOMAIN)
    assert not storage.exists(logius_file)
    assert not Application.objects.filter(candidate=candidate).exists()


def test_staff_erasure_of_a_request_of_another_organisation_is_refused(
    organisation, other_organisation, make_staff
):
    from talentbrug.applications.services.portal import request_deletion
    from talentbrug.privacy.tests import factories as f

    app = f.application(other_organisation)
    f.application(organisation, candidate=app.candidate)
    request = request_deletion(app.candidate, other_organisation)
    with pytest.raises(privacy_errors.PrivacyError):
        privacy_erasure.carry_out_erasure(
            request, user=make_staff(organisation), organisation=organisation
        )
    assert Application.objects.filter(candidate=app.candidate).count() == 2
