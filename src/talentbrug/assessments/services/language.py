"""Language-test results per candidate, and the overview against the vacancy's requirements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.taxonomy.constants import CEFR_ORDER, CefrLevel, LanguageSkill

from ..models import (
    LanguageTestResult,
)
from .errors import AssessmentError


def record_language_results(
    application: Application,
    levels: Mapping[str, str],
    *,
    test_name: str = "",
    taken_on: date | None = None,
    user: Any,
) -> int:
    """Store the level per skill (empty = not tested, keeps what was there)."""
    count = 0
    for skill, level in levels.items():
        if not level:
            continue
        if skill not in LanguageSkill.values or level not in CefrLevel.values:
            raise AssessmentError(_("Kies een vaardigheid en een niveau van A1 tot en met C2."))
        LanguageTestResult.objects.update_or_create(
            application=application,
            skill=skill,
            defaults={
                "organisation_id": application.organisation_id,
                "level": level,
                "test_name": test_name.strip(),
                "taken_on": taken_on,
                "recorded_by": user,
            },
        )
        count += 1
    if not count:
        raise AssessmentError(_("Kies voor minstens één vaardigheid een niveau."))
    record_event(
        "assessments.language_recorded",
        actor=user,
        organisation=application.organisation,
        obj=application,
        application=application.pk,
        count=count,
    )
    return count


@dataclass
class LanguageRow:
    skill: str
    label: str
    required: str
    timing: str
    result: LanguageTestResult | None
    meets: bool | None


def language_overview(application: Application) -> list[LanguageRow]:
    """Per skill: the vacancy's Dutch requirement next to the measured level."""
    requirements = {
        r.skill: r for r in application.vacancy.language_requirements.filter(language="nl")
    }
    results = {r.skill: r for r in LanguageTestResult.objects.filter(application=application)}
    rows = []
    for skill, label in LanguageSkill.choices:
        requirement = requirements.get(skill)
        result = results.get(skill)
        meets = None
        if requirement and result:
            meets = CEFR_ORDER[result.level] >= CEFR_ORDER[requirement.level]
        rows.append(
            LanguageRow(
                skill=skill,
                label=str(label),
                required=requirement.level if requirement else "",
                timing=requirement.get_timing_display() if requirement else "",
                result=result,
                meets=meets,
            )
        )
    return rows
