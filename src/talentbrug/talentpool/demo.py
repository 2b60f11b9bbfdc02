"""Demo: candidates in the talent pool with skills that fit the demo servicedesk vacancy.

Uses the candidates of the applications demo when it put some in ``context["candidates"]``
(the first one gets a talent-pool consent); otherwise creates three fictitious pool candidates.
Checks every context key, so it also runs alone.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from talentbrug.applications.models import (
    Candidate,
    CandidateSkill,
    Consent,
    Education,
    LanguageProficiency,
)
from talentbrug.matches.models import WorkPreference
from talentbrug.talentpool import services as pool_services

DEMO_PEOPLE = [
    # name, e-mail, NL level, hours, regions, which requirement skills (index) + related ones
    ("Amira Haddad", "amira.haddad@voorbeeld.example", "B1", 32, ["Gelderland"], "all"),
    (
        "Tesfay Gebremedhin",
        "tesfay.g@voorbeeld.example",
        "A2",
        36,
        ["Gelderland", "Overijssel"],
        "some",
    ),
    ("Zeynep Kaya", "zeynep.kaya@voorbeeld.example", "B2", 24, ["Utrecht"], "learnable"),
]


def _candidates(context: dict[str, Any]) -> list[Any]:
    found = context.get("candidates")
    if isinstance(found, dict):
        return list(found.values())
    if isinstance(found, list | tuple):
        return list(found)
    return []


def seed(context: dict[str, Any]) -> None:

    now = timezone.now()

    def consent(candidate: Any) -> None:
        if not Consent.objects.filter(candidate=candidate, withdrawn_at__isnull=True).exists():
            Consent.objects.create(
                candidate=candidate,
                kind="talent_pool",
                text_version="2026-1",
                text="Ik wil 12 maanden in de talentpool van de Rijksoverheid staan.",
                language="nl",
                given_at=now,
                expires_at=now + timedelta(days=365),
            )

    existing = _candidates(context)
    if existing:
        first = existing[0]
        WorkPreference.objects.get_or_create(candidate=first, defaults={"regions": ["Gelderland"]})
        consent(first)
    vacancy = (context.get("vacancies") or {}).get("servicedesk")
    if vacancy is None:
        return
    reqs = [r for r in vacancy.requirements.select_related("skill") if r.skill_id]
    must = [r.skill for r in reqs if r.kind == "must_have"]
    learn = [r.skill for r in reqs if r.kind == "learnable"]
    made = []
    for name, email, nl, hours, regions, plan in DEMO_PEOPLE:
        if Candidate.objects.filter(email=email).exists():
            continue
        cand = Candidate.objects.create(
            email=email, name=name, hours_per_week=hours, right_to_work="yes"
        )
        skills = {"all": must + learn[:1], "some": must[:1], "learnable": learn}[plan]
        for skill in skills:
            CandidateSkill.objects.create(
                candidate=cand,
                skill=skill,
                esco_id=skill.esco_id,
                label=skill.label("nl"),
                source="chosen",
                confirmed=True,
            )
        for lang_skill in ("reading", "listening", "writing", "speaking"):
            LanguageProficiency.objects.create(
                candidate=cand, language="nl", skill=lang_skill, level=nl
            )
        Education.objects.create(
            candidate=cand, programme="ICT-beheer", level="3", level_source="idw_received"
        )
        WorkPreference.objects.create(
            candidate=cand,
            regions=regions,
            available_from=timezone.localdate() + timedelta(days=14),
        )
        consent(cand)
        made.append(cand)
    context["pool_candidates"] = made
    # One open contact request, so the candidate's answer page has something to show.
    hr = (context.get("users") or {}).get("hr.dictu")
    if made and hr is not None and len(made) > 1:
        pool_services.request_contact(
            made[1].pk,
            organisation=vacancy.organisation,
            actor=hr,
            vacancy=vacancy,
            message=(
                "Wij zoeken een servicedeskmedewerker in Apeldoorn. Je profiel past goed. "
                "Wil je solliciteren? Dan helpen we je daarbij."
            ),
        )
