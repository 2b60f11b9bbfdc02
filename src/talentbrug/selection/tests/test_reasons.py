from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.conftest import verified_client

from ..constants import StageKind
from ..models import RejectionReason
from ..services import candidate, moves, reasons
from ..workflow import SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db


def test_hr_adds_and_turns_off_a_reason(organisation, make_staff):
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = "/medewerkers/selectie/redenen/"
    response = client.post(
        url,
        {
            "action": "add",
            "label": "Te weinig uren beschikbaar",
            "candidate_text": "Voor dit werk heb je minimaal 24 uur per week nodig.",
        },
    )
    assert response.status_code == 302
    reason = RejectionReason.objects.get(label="Te weinig uren beschikbaar")
    client.post(url, {"action": "active", "reason": reason.pk, "is_active": "0"})
    reason.refresh_from_db()
    assert not reason.is_active


def test_an_empty_reason_is_refused_next_to_the_field(organisation, make_staff):
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.post("/medewerkers/selectie/redenen/", {"action": "add", "label": ""})
    assert response.status_code == 200
    assert "Er is iets niet goed ingevuld" in response.content.decode()


def test_a_reason_that_is_turned_off_cannot_be_used(organisation, hr):
    progress = application_in_pipeline(organisation)
    reason = RejectionReason.objects.filter(organisation=organisation).first()
    reasons.set_reason_active(reason, is_active=False, user=hr)
    with pytest.raises(SelectionError):
        moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.REJECTED), hr, HR_ROLES, 1, reason=reason
        )


def test_candidate_step_for_the_portal(organisation, hr):
    assert "ontvangen" in candidate.candidate_step(ApplicationFactory())
    progress = application_in_pipeline(organisation)
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, 1
    )
    assert "gesprek" in candidate.candidate_step(progress.application)
