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
