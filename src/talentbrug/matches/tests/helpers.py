"""Small builders for matching tests: real ESCO ids (so taxonomy relations work)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

TICKET = "6430eb0d-c6de-46b7-a7fc-3dd2e8e62a69"  # use ICT ticketing system
SUPPORT = "c2296e2e-5fef-4f24-a24f-e5b3792268be"  # provide ICT support
SUPPORT_USERS = "db36f7f1-5900-45bd-9ffb-f2b19c4362ac"  # support ICT system users (narrower)
SOLVE = "9e06bac6-6b91-48ca-8b7d-c1f48cdecd7c"  # solve ICT system problems
CRM = "9889b795-d755-41b2-8afd-2e3c87a65a38"  # use CRM software
ALL = [TICKET, SUPPORT, SUPPORT_USERS, SOLVE, CRM]


def make_skills(ids: list[str] | None = None) -> dict[str, Any]:
    """Skill rows for ``ids`` from the shipped taxonomy."""
    from talentbrug.matches.engine import taxonomy
    from talentbrug.taxonomy.models import Skill

    tax = taxonomy()
    out = {}
    for sid in ids or ALL:
        sk = tax.skills[sid]
        out[sid], _ = Skill.objects.get_or_create(
            esco_id=sid,
            defaults={
                "label_nl": sk.label_nl or "",
                "label_en": sk.label_en,
                "search_text": f"{sk.label_nl or ''}\n{sk.label_en}".lower(),
            },
        )
    return out


def make_vacancy(
    organisation: Any, must: list[str], learnable: list[str] = (), **kwargs: Any
) -> Any:  # type: ignore[assignment]
    from talentbrug.applications.tests.factories import PublishedVacancyFactory
    from talentbrug.vacancies.models import LanguageRequirement, Requirement

    skills = make_skills(list(must) + list(learnable))
    vacancy = PublishedVacancyFactory(organisation=organisation, region="Gelderland", **kwargs)
    for i, sid in enumerate(must):
        Requirement.objects.create(vacancy=vacancy, skill=skills[sid], kind="must_have", position=i)
    for i, sid in enumerate(learnable):
        Requirement.objects.create(vacancy=vacancy, skill=skills[sid], kind="learnable", position=i)
    LanguageRequirement.objects.create(
        vacancy=vacancy, language="nl", skill="speaking", level="B1", timing="with_coach"
    )
    return vacancy


def make_candidate(
    skills: list[str] = (),  # type: ignore[assignment]
    *,
    unconfirmed: list[str] = (),  # type: ignore[assignment]
    nl: str = "B1",
    hours: int | None = 32,
    regions: list[str] | None = None,
    consent: bool = False,
    **kwargs: Any,
) -> Any:
    from talentbrug.applications.models import CandidateSkill, Education, LanguageProficiency
    from talentbrug.applications.tests.factories import CandidateFactory
    from talentbrug.matches.models import WorkPreference

    rows = make_skills(list(skills) + list(unconfirmed))
    cand = CandidateFactory(hours_per_week=hours, **kwargs)
    for sid in skills:
        CandidateSkill.objects.create(
            candidate=cand, skill=rows[sid], esco_id=sid, label=rows[sid].label(), confirmed=True
        )
    for sid in unconfirmed:
        CandidateSkill.objects.create(
            candidate=cand, skill=rows[sid], esco_id=sid, label=rows[sid].label(), confirmed=False
        )
    LanguageProficiency.objects.create(candidate=cand, language="nl", skill="speaking", level=nl)
    Education.objects.create(candidate=cand, programme="ICT Beheer", level="4", completed=True)
    WorkPreference.objects.create(candidate=cand, regions=regions or ["Gelderland"])
    if consent:
        give_consent(cand)
    return cand


def give_consent(candidate: Any, days_ago: int = 0) -> Any:
    from talentbrug.applications.models import Consent

    given = timezone.now() - timedelta(days=days_ago)
    return Consent.objects.create(
        candidate=candidate,
        kind="talent_pool",
        text_version="2026-1",
        text="Ik wil in de talentpool.",
        language="nl",
        given_at=given,
        expires_at=given + timedelta(days=365),
    )


def apply(candidate: Any, vacancy: Any) -> Any:
    from talentbrug.applications.tests.factories import ApplicationFactory

    return ApplicationFactory(candidate=candidate, vacancy=vacancy)
