"""The organisation's retention policy and a vacancy's own term."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from .. import retention
from ..constants import (
    MAX_REJECTED_DAYS_WITHOUT_REASON,
)
from ..models import (
    RetentionPolicy,
    VacancyRetention,
)
from .errors import PrivacyError


def _check_handover(organisation: Any, policy: RetentionPolicy) -> None:
    """Handing files to records needs both a category and a collection of this organisation."""
    category, collection = policy.records_category, policy.records_collection
    if bool(category) != bool(collection):
        raise PrivacyError(
            _("Kies voor het overdragen zowel een selectielijstcategorie als een verzameling."),
            code="handover",
        )
    for obj in (category, collection):
        if obj is not None and obj.organisation_id != organisation.pk:
            raise PrivacyError(_("Deze keuze hoort niet bij uw organisatie."), code="handover")


def update_policy(organisation: Any, user: Any, **values: Any) -> RetentionPolicy:
    policy, _created = RetentionPolicy.objects.get_or_create(organisation=organisation)
    for key, value in values.items():
        setattr(policy, key, value)
    if (
        policy.rejected_days > MAX_REJECTED_DAYS_WITHOUT_REASON
        and not (policy.extension_reason or "").strip()
    ):
        raise PrivacyError(
            _("Een termijn langer dan 4 weken kan alleen met een reden."), code="reason"
        )
    _check_handover(organisation, policy)
    policy.full_clean()
    policy.updated_by = user
    policy.save()
    record_event(
        "privacy.policy_changed",
        actor=user,
        organisation=organisation,
        obj=policy,
        rejected_days=policy.rejected_days,
        consent_max_days=policy.consent_max_days,
        hire_material_days=policy.hire_material_days,
        closed_vacancy_days=policy.closed_vacancy_days,
        records_collection=policy.records_collection_id,
        records_category=policy.records_category_id,
    )
    return policy


def set_vacancy_term(vacancy: Any, user: Any, days: int, reason: str = "") -> VacancyRetention:
    """A vacancy may shorten the term; longer than the organisation's only with a reason."""
    policy = retention.policy_for(vacancy.organisation_id)
    reason = (reason or "").strip()
    if days < 0 or days > 365:
        raise PrivacyError(_("Kies een termijn van 0 tot en met 365 dagen."), code="days")
    if days > policy.rejected_days and not reason:
        raise PrivacyError(
            _(
                "Langer bewaren dan het beleid van de organisatie (%(days)s dagen) kan alleen met een reden."
            )
            % {"days": policy.rejected_days},
            code="reason",
        )
    with transaction.atomic():
        term, _created = VacancyRetention.objects.update_or_create(
            vacancy=vacancy,
            defaults={
                "organisation_id": vacancy.organisation_id,
                "rejected_days": days,
                "reason": reason,
                "set_by": user,
            },
        )
        record_event(
            "privacy.vacancy_term_set",
            actor=user,
            organisation=vacancy.organisation,
            obj=vacancy,
            vacancy=vacancy.pk,
            days=days,
            longer=days > policy.rejected_days,
        )
    return term
