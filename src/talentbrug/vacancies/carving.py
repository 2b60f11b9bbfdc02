"""Job carving: take the tasks and skills of a role that fit mbo level and carve them into a new,
linked vacancy. Works from an existing vacancy or from an ESCO occupation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from talentbrug import textcheck
from talentbrug.audit.services import record_event
from talentbrug.taxonomy.constants import NlqfLevel, SkillKind
from talentbrug.taxonomy.models import Occupation, Skill

from .constants import ContractType, RequirementKind, TargetGroup, WerkDenkniveau
from .models import LanguageRequirement, Requirement, Vacancy
from .services import _require

LEVELS = (("mbo3", "mbo 3"), ("mbo4", "mbo 4"), ("hbo", "hbo"))
MIN_ITEMS = 3


@dataclass(frozen=True)
class CarveItem:
    key: str  # "task:3", "skill:<esco id>", "free:<requirement pk>"
    label: str
    kind: str  # task | skill | knowledge
    suggested_level: str
    essential: bool = True


_LI = re.compile(r"<li[^>]*>(.*?)</li>", re.S | re.I)


def _tasks_from_html(html: str) -> list[str]:
    items = [textcheck.html_to_text(m).strip() for m in _LI.findall(html or "")]
    if not items:
        text = textcheck.html_to_text(html or "")
        items = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 3]
    return [item for item in items if item][:30]


def items_from_vacancy(vacancy: Vacancy) -> list[CarveItem]:
    items = [
        CarveItem(f"task:{i}", task, "task", "mbo4")
        for i, task in enumerate(_tasks_from_html(vacancy.tasks_text))
    ]
    for req in vacancy.requirements.select_related("skill"):
        if req.skill is not None:
            kind = "knowledge" if req.skill.kind == SkillKind.KNOWLEDGE else "skill"
            items.append(
                CarveItem(
                    f"skill:{req.skill.esco_id}",
                    req.label,
                    kind,
                    "mbo4",
                    req.kind == RequirementKind.MUST_HAVE,
                )
            )
        else:
            items.append(
                CarveItem(
                    f"free:{req.pk}",
                    req.free_text,
                    "skill",
                    "mbo4",
                    req.kind == RequirementKind.MUST_HAVE,
                )
            )
    return items


def items_from_occupation(occupation: Occupation) -> list[CarveItem]:
    # ISCO 35xx are technician (mbo) occupations; 25xx professional (hbo) ones.
    default = "mbo4" if occupation.isco_code.startswith("35") else "hbo"
    items = []
    for link in occupation.skill_links.select_related("skill").order_by(
        "-relation", "skill__label_nl"
    )[:60]:
        kind = "knowledge" if link.skill.kind == SkillKind.KNOWLEDGE else "skill"
        items.append(
            CarveItem(
                f"skill:{link.skill.esco_id}",
                link.skill.label(),
                kind,
                default,
                link.relation == "essential",
            )
        )
    return items


def carving_warnings(chosen: list[CarveItem], levels: dict[str, str], total: int) -> list[str]:
    """Why the carved role may not be a coherent job. Empty list = looks coherent."""
    warnings = []
    if len(chosen) < MIN_ITEMS:
        warnings.append(
            _("De nieuwe rol heeft minder dan %(n)s taken of vaardigheden. Is het wel een baan?")
            % {"n": MIN_ITEMS}
        )
    if chosen and all(item.kind == "knowledge" for item in chosen):
        warnings.append(
            _(
                "De nieuwe rol bevat alleen kennis, geen werk dat iemand doet. Voeg taken of vaardigheden toe."
            )
        )
    chosen_levels = {levels.get(item.key, item.suggested_level) for item in chosen}
    if len(chosen) >= MIN_ITEMS and len(chosen_levels) == 1:
        warnings.append(
            _(
                "Alle gekozen taken zijn van één niveau (%(level)s). Een rol met groei heeft ook taken om in te groeien."
            )
            % {"level": dict(LEVELS).get(next(iter(chosen_levels)), "")}
        )
    if "hbo" in chosen_levels:
        warnings.append(_("U koos ook taken op hbo-niveau. Past de rol dan nog bij mbo 3 of 4?"))
    if total and len(chosen) >= total:
        warnings.append(_("U neemt alles mee: er blijft niets over in de oorspronkelijke rol."))
    return warnings


@transaction.atomic
def carve_vacancy(
    *,
    organisation: Any,
    user: Any,
    roles: Iterable[str],
    title: str,
    items: list[CarveItem],
    chosen_keys: set[str],
    levels: dict[str, str],
    source_vacancy: Vacancy | None = None,
    source_occupation: Occupation | None = None,
) -> Vacancy:
    _require(roles, "vacancies.edit")
    chosen = [item for item in items if item.key in chosen_keys]
    if not chosen:
        raise ValidationError(_("Kies minstens één taak of vaardigheid voor de nieuwe rol."))
    if not title.strip():
        raise ValidationError(_("Geef de nieuwe rol een functienaam."))
    tasks = [item for item in chosen if item.kind == "task"]
    chosen_levels = {levels.get(item.key, item.suggested_level) for item in chosen}
    base: dict[str, Any] = {}
    if source_vacancy is not None:
        base = {
            "team": source_vacancy.team,
            "location": source_vacancy.location,
            "region": source_vacancy.region,
            "remote_option": source_vacancy.remote_option,
            "offer_text": source_vacancy.offer_text,
            "workplace_text": source_vacancy.workplace_text,
            "guidance_text": source_vacancy.guidance_text,
            "contact_name": source_vacancy.contact_name,
            "contact_email": source_vacancy.contact_email,
            "vakgebied": source_vacancy.vakgebied,
            "hours_min": source_vacancy.hours_min,
            "hours_max": source_vacancy.hours_max,
            # What was agreed for the work stays with it: the scale (HR lowers it if the carved
            # role is weighed lower), the contract, the NT2 welcome and the apply routes.
            "fgr_function_group": source_vacancy.fgr_function_group,
            "scale_min": source_vacancy.scale_min,
            "scale_max": source_vacancy.scale_max,
            "contract_type": source_vacancy.contract_type,
            "nt2_welcome": source_vacancy.nt2_welcome,
            "accommodations_offered": source_vacancy.accommodations_offered,
            "apply_routes": list(source_vacancy.apply_routes),
        }
    mbo_only = chosen_levels <= {"mbo3", "mbo4"}
    vacancy = Vacancy.objects.create(
        organisation=organisation,
        created_by=user,
        title=title.strip()[:200],
        werk_denkniveau=WerkDenkniveau.MBO if mbo_only else WerkDenkniveau.HBO,
        # mbo 3 and mbo 4 stay apart: the highest level chosen, always "or comparable experience".
        min_education_level=(
            (NlqfLevel.L4 if "mbo4" in chosen_levels else NlqfLevel.L3) if mbo_only else ""
        ),
        equivalent_by_experience=True,
        target_groups=[TargetGroup.MBO.value, TargetGroup.NEWCOMERS.value],
        **({"contract_type": ContractType.TEMPORARY} if "contract_type" not in base else {}),
        tasks_text="<ul>" + "".join(f"<li>{escape(t.label)}</li>" for t in tasks) + "</ul>"
        if tasks
        else "",
        carved_from=source_vacancy,
        carved_from_occupation=source_occupation,
        **base,
    )
    esco_ids = [item.key.split(":", 1)[1] for item in chosen if item.key.startswith("skill:")]
    skills = {s.esco_id: s for s in Skill.objects.filter(esco_id__in=esco_ids)}
    position = 0
    for item in chosen:
        if item.kind == "task":
            continue
        kind = RequirementKind.MUST_HAVE if item.essential else RequirementKind.LEARNABLE
        skill = skills.get(item.key.split(":", 1)[1]) if item.key.startswith("skill:") else None
        Requirement.objects.create(
            vacancy=vacancy,
            skill=skill,
            free_text="" if skill else item.label,
            kind=kind,
            evidence=["experience", "work_sample"],
            position=position,
        )
        position += 1
    if source_vacancy is not None:
        for language in source_vacancy.language_requirements.all():
            LanguageRequirement.objects.create(
                vacancy=vacancy,
                language=language.language,
                skill=language.skill,
                level=language.level,
                timing=language.timing,
                justification=language.justification,
            )
    source_kind = "vacature" if source_vacancy is not None else "beroep"
    source_id = (
        source_vacancy.pk
        if source_vacancy is not None
        else (source_occupation.pk if source_occupation else 0)
    )
    record_event(
        "vacancy.carved",
        actor=user,
        organisation=organisation,
        obj=vacancy,
        source_kind=source_kind,
        source=source_id,
        count=len(chosen),
    )
    return vacancy
