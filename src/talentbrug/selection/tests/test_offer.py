"""Offer → hire → onboarding hand-off."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.conftest import verified_client
from talentbrug.onboarding.constants import ProgrammeKind
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.vacancies.models import SalaryScale

from .. import offer_letter
from ..constants import OfferStatus, StageKind
from ..services import offers
from ..workflow import OFFER_FLOW, SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def scale():
    return SalaryScale.objects.create(
        year=2026, scale=7, minimum=Decimal("3000"), maximum=Decimal("4200")
    )


def _offer(progress, hr, scale, **overrides):
    data = {
        "salary_scale": scale,
        "step": 3,
        "start_date": timezone.localdate() + timedelta(days=30),
        "hours": 32,
        "contract_type": "bbl",
    }
    data.update(overrides)
    return offers.make_offer(progress, hr, HR_ROLES, **data)


def test_offer_accept_hire_starts_onboarding_with_guidance(organisation, hr, scale):
    progress = application_in_pipeline(organisation, wants_buddy=True, wants_language_coach=True)
    offer = _offer(progress, hr, scale)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.OFFER
    plan = offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True, buddy=hr)
    progress.refresh_from_db()
    offer.refresh_from_db()
    assert progress.stage.kind == StageKind.HIRED
    assert offer.status == OfferStatus.ACCEPTED and offer.right_to_work_checked is True
    assert plan.application_id == progress.application_id
    assert plan.programme == ProgrammeKind.BBL  # a BBL contract gets the BBL plan
    assert plan.start_date == offer.start_date
    assert plan.supporters.filter(role="buddy", user=hr).exists()


def test_language_coach_wish_picks_the_language_coach_plan(organisation, hr, scale):
    progress = application_in_pipeline(organisation, wants_language_coach=True)
    offer = _offer(progress, hr, scale, contract_type="temporary")
    plan = offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True)
    assert plan.programme == ProgrammeKind.LANGUAGE_COACH


def test_guidance_is_read_from_the_application_not_the_candidate(organisation, hr, scale):
    # The candidate asked for a buddy and a language coach elsewhere (old profile fields),
    # not in this application: this organisation's hire follows this application only.
    candidate = CandidateFactory(wants_buddy=True, wants_language_coach=True)
    progress = application_in_pipeline(
        organisation, candidate=candidate, wants_buddy=False, wants_language_coach=False
    )
    offer = _offer(progress, hr, scale, contract_type="temporary")
    plan = offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True, buddy=hr)
    assert plan.programme == ProgrammeKind.STANDARD
    assert not plan.supporters.filter(role="buddy").exists()


@pytest.mark.parametrize("answer", [False, None])
def test_no_hire_without_a_yes_on_right_to_work(organisation, hr, scale, answer):
    progress = application_in_pipeline(organisation)
    offer = _offer(progress, hr, scale)
    with pytest.raises(SelectionError):
        offers.accept_offer(offer, hr, HR_ROLES, right_to_work=answer)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.OFFER
    assert not OnboardingPlan.objects.exists()


def test_declined_offer_ends_as_withdrawn(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    offer = _offer(progress, hr, scale)
    offers.decline_offer(offer, hr, HR_ROLES)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.WITHDRAWN


def test_offer_outside_the_vacancy_scales_is_refused(organisation, hr):
    progress = application_in_pipeline(organisation)  # vacancy: scale 6 to 8
    high = SalaryScale.objects.create(
        year=2026, scale=11, minimum=Decimal("4500"), maximum=Decimal("6500")
    )
    with pytest.raises(SelectionError, match="schaal 6 tot en met 8"):
        _offer(progress, hr, high)


def test_start_date_in_the_past_is_refused(organisation, hr, scale):
    progress = application_in_pipeline(organisation)
    with pytest.raises(SelectionError):
        _offer(progress, hr, scale, start_date=timezone.localdate() - timedelta(days=1))


def test_only_hr_makes_offers(organisation, manager, scale):
    progress = application_in_pipeline(organisation)
    with pytest.raises(SelectionError):
        offers.make_offer(
            progress,
            manager,
            {Role.HIRING_MANAGER.value},
            salary_scale=scale,
            step=0,
            start_date=timezone.localdate() + timedelta(days=5),
            hours=36,
            contract_type="permanent",
        )


def test_offer_and_hire_through_the_pages(organisation, make_staff, scale):
    hr = make_staff(organisation, Role.HR_ADVISER)
    progress = application_in_pipeline(organisation)
    client = verified_client(hr)
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/aanbod/"
    start = (timezone.localdate() + timedelta(days=40)).isoformat()
    response = client.post(
        url,
        {
            "salary_scale": scale.pk,
            "step": 2,
            "start_date": start,
            "hours": 36,
            "contract_type": "traineeship",
            "answer_by": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "right_to_work": "yes",
        },
    )
    assert response.status_code == 302
    response = client.post(
        f"{url}besluit/", {"decision": "accept", "right_to_work": "yes"}, follow=True
    )
    assert "Aangenomen" in response.content.decode()
    plan = OnboardingPlan.objects.get(application=progress.application)
    assert plan.programme == ProgrammeKind.TRAINEE


OFFER_CALLS = {
    "accept": lambda offer, hr: offers.accept_offer(offer, hr, HR_ROLES, right_to_work=True),
    "decline": lambda offer, hr: offers.decline_offer(offer, hr, HR_ROLES),
    "expire": lambda offer, hr: offer_letter.expire_offer(offer),
}


@pytest.mark.parametrize(("state", "name"), sorted(OFFER_FLOW.forbidden_pairs()))
def test_offer_moves_not_in_the_table_are_refused(organisation, hr, scale, state, name):
    """Derived from selection/workflow.py: a decided offer is never decided again."""
    from talentbrug.selection.models import Offer

    offer = _offer(application_in_pipeline(organisation), hr, scale)
    Offer.objects.filter(pk=offer.pk).update(status=state)
    offer.refresh_from_db()
    with pytest.raises(SelectionError, match="al besloten"):
        OFFER_CALLS[name](offer, hr)
    offer.refresh_from_db()
    assert offer.status == state


def test_every_offer_move_of_the_table_has_a_service():
    assert set(OFFER_CALLS) == set(OFFER_FLOW.by_name)
    # HR can still record an answer after the portal's deadline passed (offer_letter.py).
    assert {s for s, _n in OFFER_FLOW.allowed_pairs()} == {OfferStatus.MADE, OfferStatus.EXPIRED}
