"""The voluntary diversity form (per organisation on or off; answers can be withdrawn)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event

from ..constants import (
    AgeGroup,
    BornAbroad,
    Disability,
    Gender,
    Refugee,
)
from ..models import (
    DiversityResponse,
    DiversitySetting,
)
from .errors import AssessmentError


def diversity_enabled(organisation: Any) -> bool:
    return DiversitySetting.objects.filter(organisation=organisation, enabled=True).exists()


@transaction.atomic
def set_diversity_enabled(organisation: Any, *, enabled: bool, user: Any) -> DiversitySetting:
    setting, _created = DiversitySetting.objects.update_or_create(
        organisation=organisation, defaults={"enabled": enabled, "changed_by": user}
    )
    record_event(
        "assessments.diversity_setting_changed",
        actor=user,
        organisation=organisation,
        obj=setting,
        enabled=enabled,
    )
    return setting


DIVERSITY_FIELDS = {
    "gender": Gender,
    "age_group": AgeGroup,
    "born_abroad": BornAbroad,
    "refugee": Refugee,
    "disability": Disability,
}


@transaction.atomic
def save_diversity(application: Application, answers: Mapping[str, str]) -> DiversityResponse:
    """The candidate's own, voluntary answers. Only possible while the organisation asks."""
    if not diversity_enabled(application.organisation):
        raise AssessmentError(_("Deze organisatie stelt geen diversiteitsvragen."))
    clean = {}
    for name, choices in DIVERSITY_FIELDS.items():
        value = answers.get(name) or choices.NOT_SAID
        if value not in choices.values:
            raise AssessmentError(_("Kies een van de antwoorden."))
        clean[name] = value
    response, _created = DiversityResponse.objects.update_or_create(
        application=application,
        defaults={"organisation_id": application.organisation_id, **clean},
    )
    record_event(
        "assessments.diversity_answered",
        organisation=application.organisation,
        obj=application,
        application=application.pk,
    )
    return response


@transaction.atomic
def withdraw_diversity(application: Application) -> None:
    deleted, _per_model = DiversityResponse.objects.filter(application=application).delete()
    if deleted:
        record_event(
            "assessments.diversity_withdrawn",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )
