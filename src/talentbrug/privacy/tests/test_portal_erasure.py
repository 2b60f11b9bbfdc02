"""The candidate's own "verwijder mijn gegevens" (portal).

Nobody holds data of the person: the account is erased at once, audited without personal data,
and the page says so. Someone does: each organisation gets its own open request, as before.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.models import Candidate, DeletionRequest, Education
from talentbrug.applications.tests.factories import ApplicationFactory, CandidateFactory
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.audit.models import AuditEvent
from talentbrug.privacy.constants import ANONYMISED_DOMAIN

from . import factories as f

pytestmark = pytest.mark.django_db

NAME = "Amina Yusuf"
EMAIL = "amina.yusuf@example.org"


def test_no_organisation_holds_data_so_the_account_is_erased_at_once(
    django_capture_on_commit_callbacks,
):
    candidate = CandidateFactory(name=NAME, email=EMAIL, phone="0612345678")
    Education.objects.create(candidate=candidate, programme="ICT bij Amina")
    f.consent(candidate, f.now())
    client = portal_client(candidate)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:portal_delete"))
    page = response.content.decode()
    assert "Je gegevens zijn verwijderd" in page
    assert "meteen verwijderd" in page
    candidate.refresh_from_db()
    assert candidate.name == "" and candidate.phone == ""
    assert candidate.email.endswith("@" + ANONYMISED_DOMAIN)
    assert not Education.objects.filter(candidate=candidate).exists()
    assert not candidate.consents.exists()
    # Nothing left waiting for an organisation that does not exist.
    requests = DeletionRequest.objects.filter(candidate=candidate)
    assert [(r.organisation_id, r.status) for r in requests] == [(None, DeletionRequestStatus.DONE)]
    event = AuditEvent.objects.get(event_type="privacy.account_erased")
    assert event.organisation_id is None
    written = str(event.data) + str(getattr(event, "message", "")) + str(event.object_id)
    assert NAME not in written and EMAIL not in written and "Amina" not in written
    assert not AuditEvent.objects.filter(event_type="candidate.deletion_requested").exists()
    # The portal is gone with the account: the old session and link show nothing of the person.
    after = client.get(reverse("applications:portal"), follow=True).content.decode()
    assert NAME not in after and EMAIL not in after
    assert not Candidate.objects.filter(email=EMAIL).exists()


def test_an_organisation_holds_data_so_it_gets_its_own_request(organisation):
    application = ApplicationFactory(
        vacancy=f.application(organisation).vacancy, candidate__name=NAME, candidate__email=EMAIL
    )
    candidate = application.candidate
    client = portal_client(candidate)
    response = client.post(reverse("applications:portal_delete"), follow=True)
    assert "Binnen een maand verwijderen we je gegevens" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.name == NAME and candidate.email == EMAIL
    requests = DeletionRequest.objects.filter(candidate=candidate)
    assert [(r.organisation_id, r.status) for r in requests] == [
        (organisation.pk, DeletionRequestStatus.REQUESTED)
    ]
    assert not AuditEvent.objects.filter(event_type="privacy.account_erased").exists()


def test_old_open_requests_nobody_can_act_on_are_closed_by_wiping(
    organisation, django_capture_on_commit_callbacks
):
    """Requests from before the portal wiped at once: open, without an organisation. The job
    wipes the person (as the portal does now), closes the request and audits ids and counts;
    a person an organisation holds data of again is left alone; a dry run changes nothing."""
    import io
    import json

    from django.core.management import call_command

    from talentbrug.core import periodic
    from talentbrug.privacy import tasks

    assert periodic.PERIODIC_JOBS["privacy.close_unheld_requests"] is tasks.close_unheld_requests
    lonely = CandidateFactory(name=NAME, email=EMAIL, phone="0612345678")
    Education.objects.create(candidate=lonely, programme=f"ICT bij {NAME}")
    old = DeletionRequest.objects.create(candidate=lonely)  # as the portal made it before
    returned = ApplicationFactory(
        vacancy=f.application(organisation).vacancy, candidate__name="Yonas Tesfay"
    ).candidate
    kept = DeletionRequest.objects.create(candidate=returned)  # applied again since
    out = io.StringIO()
    call_command("close_unheld_deletion_requests", "--dry-run", stdout=out)
    assert json.loads(out.getvalue()) == {
        "dry_run": True,
        "candidates": 1,
        "requests": 1,
        "held": 1,
    }
    assert Candidate.objects.get(pk=lonely.pk).name == NAME  # nothing changed
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.close_unheld_requests()
    assert result == {"candidates": 1, "requests": 1, "held": 1}
    lonely.refresh_from_db()
    assert (lonely.name, lonely.phone) == ("", "")
    assert lonely.email.endswith("@" + ANONYMISED_DOMAIN)
    assert not Education.objects.filter(candidate=lonely).exists()
    assert DeletionRequest.objects.get(pk=old.pk).status == DeletionRequestStatus.DONE
    assert DeletionRequest.objects.get(pk=kept.pk).status == DeletionRequestStatus.REQUESTED
    assert Candidate.objects.get(pk=returned.pk).name == "Yonas Tesfay"
    [event] = AuditEvent.objects.filter(event_type="privacy.unheld_request_closed")
    assert event.data["request"] == old.pk and event.data["count"] == 1
    assert event.data["rows"] >= 1
    written = json.dumps(event.data) + event.object_id
    assert "Amina" not in written and EMAIL not in written
    # Run again: nothing left to do.
    assert tasks.close_unheld_requests() == {"candidates": 0, "requests": 0, "held": 1}
