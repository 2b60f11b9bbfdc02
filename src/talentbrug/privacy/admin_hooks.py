"""What privacy adds to the organisation settings page in accounts (registered in ``ready()``):
the default retention after rejection. The other terms stay on the Privacy page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.terms import OrganisationTerm, days_field

from .constants import DEFAULT_REJECTED_DAYS
from .models import RetentionPolicy
from .services.policy import update_policy


def _rejected_days_field() -> forms.Field:
    return days_field(
        _("Bewaartermijn sollicitaties na afwijzing (dagen)"),
        _(
            "Zo lang bewaren we gegevens van afgewezen kandidaten. De AP adviseert 4 weken; "
            "langer dan 4 weken vraagt een reden op de pagina Privacy."
        ),
    )


def _rejected_days(organisation: Any) -> int:
    policy = RetentionPolicy.objects.filter(organisation=organisation).first()
    return policy.rejected_days if policy else DEFAULT_REJECTED_DAYS


def _save_rejected_days(organisation: Any, actor: Any, days: int) -> None:
    policy = RetentionPolicy.objects.filter(organisation=organisation).first()
    if policy is None or policy.rejected_days != days:
        update_policy(organisation, actor, rejected_days=days)


REJECTED_DAYS = OrganisationTerm(
    "rejected_days", _rejected_days_field, _rejected_days, _save_rejected_days
)
