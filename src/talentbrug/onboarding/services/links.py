"""The portal links of the new hire and the supporters: revoking them, recording that one was sent."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from talentbrug.audit.services import record_event

from ..models import OnboardingPlan


@transaction.atomic
def revoke_portal_links(plan: OnboardingPlan, *, user: Any) -> OnboardingPlan:
    """Make every earlier link invalid (a new link is sent separately)."""
    plan.token_version += 1
    plan.save(update_fields=["token_version", "updated_at"])
    record_event(
        "onboarding.links_revoked",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        version=plan.token_version,
    )
    return plan


def record_link_sent(plan: OnboardingPlan, *, user: Any = None) -> None:
    record_event("onboarding.link_sent", actor=user, organisation=plan.organisation, obj=plan)
