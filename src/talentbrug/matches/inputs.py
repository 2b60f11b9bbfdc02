"""Turn ORM rows into the pure library's inputs (``talentbrug.matching.ranking``).

Vacancy  -> ESCO requirements (must-have / learnable), language requirements, hours, region,
            remote work, expected start and minimum NLQF level.
Candidate -> confirmed ESCO skills, language levels, hours, regions, available-from date and
             the highest completed NLQF level; for one organisation's staff only the skill and
             education rows that organisation may see (``organisation=``).

``candidate_inputs`` reads many candidates with a few flat queries (no ORM objects), so the
whole index of 100,000 candidates builds in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import numpy as np

from talentbrug.applications.models import (
    Candidate,
    CandidateSkill,
    Education,
    LanguageProficiency,
)
from talentbrug.applications.services.profile import scoped_rows
from talentbrug.matching import ranking
from talentbrug.matching.reading import OTHER_WORK_MARGIN
from talentbrug.vacancies.constants import LanguageTiming, RemoteOption, RequirementKind
from talentbrug.vacancies.models import Vacancy

from .models import TextVector, WorkPreference
from .textvectors import vector_of

# A candidate states one number of hours; we accept this much either side.
HOURS_SLACK = 4
# Without a start date we expect a vacancy to start four weeks after it closes.
START_AFTER_CLOSING = timedelta(days=28)
CHUNK = 20_000


# How much a skill found in a candidate's text counts before the candidate confirms it.
UNCONFIRMED_SKILL_WEIGHT = 0.5


def unconfirmed_strength(confidence: float | None) -> float:
    """A skill found in the candidate's text and not yet confirmed is evidence with a lower
    weight, not "missing" (issue #20): ``UNCONFIRMED_SKILL_WEIGHT`` times how sure the reader
    was (an exact ESCO label 0.95, an everyday phrase 0.55-0.8), so a weak guess counts less
    than a plain mention."""
    if confidence is None or confidence <= 0:
        return UNCONFIRMED_SKILL_WEIGHT
    return UNCONFIRMED_SKILL_WEIGHT * min(1.0, float(confidence))


def nlqf_number(level: str | None) -> int | None:
    """'4+' -> 4, '6' -> 6, '' -> None."""
    if not level:
        return None
    digits = "".join(ch for ch in str(level) if ch.isdigit())
    return int(digits) if digits else None


def vacancy_input(vacancy: Vacancy) -> tuple[ranking.Vacancy, list[str]]:
    """The pure vacancy and the labels of free-text requirements (not rankable)."""
    skills: list[ranking.SkillRequirement] = []
    free: list[str] = []
    seen: set[str] = set()
    for req in vacancy.requirements.select_related("skill").all():
        if req.skill_id and req.skill is not None:
            if req.skill.esco_id in seen:
                continue
            seen.add(req.skill.esco_id)
            skills.append(
                ranking.SkillRequirement(
                    req.skill.esco_id, must_have=req.kind == RequirementKind.MUST_HAVE
                )
            )
        elif req.free_text:
            free.append(req.free_text)
    languages = [
        ranking.LanguageRequirement(
            lr.language, lr.skill, lr.level, at_start=lr.timing == LanguageTiming.AT_START
        )
        for lr in vacancy.language_requirements.all()
    ]
    start = vacancy.closing_date + START_AFTER_CLOSING if vacancy.closing_date else None
    return (
        ranking.Vacancy(
            id=str(vacancy.pk),
            skills=skills,
            languages=languages,
            hours_min=vacancy.hours_min,
            hours_max=vacancy.hours_max,
            start_day=start.toordinal() if start else None,
            region=vacancy.region or None,
            remote=vacancy.remote_option == RemoteOption.MOSTLY_REMOTE,
            nlqf_level=nlqf_number(vacancy.min_education_level),
        ),
        free,
    )


def _hours(hours: int | None) -> tuple[float | None, float | None]:
    if not hours:
        return None, None
    return float(max(1, hours - HOURS_SLACK)), float(min(40, hours + HOURS_SLACK))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def candidate_inputs(
    candidate_ids: Iterable[int] | None = None, *, organisation: Any = None
) -> list[ranking.Candidate]:
    """Pure candidates for ``candidate_ids`` (all active candidates when None).

    Without ``organisation``: the whole profile (the warm index; the candidate's own page; the
    consented, anonymised talent pool). With ``organisation`` (an object or id): only the skill
    and education rows staff of that organisation may see
    (:func:`talentbrug.applications.services.profile.scoped_rows`), never rows from an application to
    another organisation."""

    base = Candidate.objects.filter(merged_into__isnull=True)
    # No model ordering: the rows are gathered into dicts, a sort would be wasted work.
    skill_rows = CandidateSkill.objects.order_by()
    education_rows = Education.objects.order_by()
    text_rows = TextVector.objects.order_by()
    if organisation is not None:
        skill_rows = scoped_rows(skill_rows, organisation)
        education_rows = scoped_rows(education_rows, organisation)
        text_rows = scoped_rows(text_rows, organisation)
    if candidate_ids is None:
        id_lists: Iterable[list[int]] = [list(base.values_list("pk", flat=True).order_by("pk"))]
        filters: list[dict[str, Any]] = [{}]
    else:
        ids = sorted({int(i) for i in candidate_ids})
        id_lists = list(_chunks(ids))
        filters = [{"candidate_id__in": chunk} for chunk in id_lists]
    out: list[ranking.Candidate] = []
    for ids, flt in zip(id_lists, filters, strict=True):
        if not ids:
            continue
        id_filter = {"pk__in": ids} if flt else {}
        hours = dict(base.filter(**id_filter).values_list("pk", "hours_per_week"))
        skills: dict[int, dict[str, float]] = defaultdict(dict)
        for cid, esco_id, confirmed, confidence in (
            skill_rows.filter(**flt)
            .exclude(esco_id="")
            .values_list("candidate_id", "esco_id", "confirmed", "confidence")
            .iterator(chunk_size=CHUNK)
        ):
            strength = 1.0 if confirmed else unconfirmed_strength(confidence)
            if strength > skills[cid].get(esco_id, 0.0):
                skills[cid][esco_id] = strength
        langs: dict[int, dict[tuple[str, str], str]] = defaultdict(dict)
        for cid, lang, skill, level in (
            LanguageProficiency.objects.filter(confirmed=True, **flt)
            .order_by()
            .values_list("candidate_id", "language", "skill", "level")
            .iterator(chunk_size=CHUNK)
        ):
            langs[cid][(lang, skill)] = level
        edu: dict[int, int] = {}
        for cid, level in (
            education_rows.filter(completed=True, **flt)
            .exclude(level="")
            .values_list("candidate_id", "level")
            .iterator(chunk_size=CHUNK)
        ):
            n = nlqf_number(level) or 0
            if n > edu.get(cid, 0):
                edu[cid] = n
        texts = _text_vectors(text_rows.filter(**flt))
        prefs: dict[int, tuple[list[str], date | None]] = {
            cid: (regions or [], available)
            for cid, regions, available in WorkPreference.objects.filter(**flt).values_list(
                "candidate_id", "regions", "available_from"
            )
        }
        for cid in ids:
            if cid not in hours:
                continue
            h_min, h_max = _hours(hours[cid])
            regions, available = prefs.get(cid, ([], None))
            text_vector, other_work = texts.get(cid, (None, False))
            out.append(
                ranking.Candidate(
                    id=str(cid),
                    skills=skills.get(cid, {}),
                    languages=langs.get(cid, {}),
                    hours_min=h_min,
                    hours_max=h_max,
                    available_day=available.toordinal() if available else None,
                    regions=frozenset(regions),
                    nlqf_level=edu.get(cid),
                    text_vector=text_vector,
                    other_work=other_work,
                )
            )
    return out


def _text_vectors(rows: Any) -> dict[int, tuple[Any, bool]]:
    """Per candidate: the normalised mean of the vectors of their texts, and whether those
    texts describe work outside ICT (no text is about ICT work: every margin is below
    ``OTHER_WORK_MARGIN``)."""
    sums: dict[int, Any] = {}
    margins: dict[int, float] = {}
    for cid, raw, margin in rows.values_list("candidate_id", "vector", "ict_margin").iterator(
        chunk_size=CHUNK
    ):
        vec = vector_of(raw)
        sums[cid] = vec if cid not in sums else sums[cid] + vec
        margins[cid] = max(margins.get(cid, -1.0), float(margin))
    out: dict[int, tuple[Any, bool]] = {}
    for cid, total in sums.items():
        norm = float(np.linalg.norm(total))
        vec = (total / norm if norm > 0 else total).astype(np.float32)
        out[cid] = (vec, margins[cid] < OTHER_WORK_MARGIN)
    return out


def candidate_input(
    candidate: Candidate | int, *, organisation: Any = None
) -> ranking.Candidate | None:
    pk = candidate if isinstance(candidate, int) else candidate.pk
    found = candidate_inputs([pk], organisation=organisation)
    return found[0] if found else None
