"""Ranking both ways through the warm index, storing every computed match for audit.

* :func:`rank_candidates` — candidates for a vacancy: the vacancy's own applicants (scored on
  the profile rows the vacancy's organisation may see only) and, with consent, the talent pool
  (anonymised; the whole profile, as the talent pool shows it). Each shown result is stored
  as a :class:`Match` with its explanation JSON and the engine version, and one audit event
  records the ranking (ids and counts only).
* :func:`rank_vacancies` — open vacancies (including carved roles) for one candidate, for the
  portal fragment "vacatures die bij je passen"; scored on the whole profile and stored as the
  candidate's record, under no organisation.

Both weigh the text part (issue #20) the same way: the vacancy text's vector
(``matches.VacancyVector``, computed in a task after the vacancy is saved) against the mean
vector of the candidate's texts (``matches.TextVector``). ``rank_candidates`` falls back to the
per-process vector (model ready here, nothing written) for a vacancy without a current stored
one; ``rank_vacancies`` uses stored vectors only and embeds nothing in the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from talentbrug.applications.constants import ApplicationStatus
from talentbrug.applications.models import Application, Candidate
from talentbrug.audit.services import record_event
from talentbrug.matching.ranking import has_skill_evidence, score_candidate
from talentbrug.matching.ranking.model import TEXT_CONTRAST_EVIDENCE, TEXT_EVIDENCE
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Requirement, Vacancy

from . import engine, reader
from . import pool as talent_pool
from .constants import DEFAULT_LIMIT, Direction, MatchSource
from .describe import Described, describe
from .inputs import candidate_input, candidate_inputs, vacancy_input
from .models import Match, VacancyVector, WorkPreference
from .textvectors import ranking_vector, stored_vacancy_vectors, vector_of

# Skills (own + related) used to pick vacancies worth scoring for one candidate.
MAX_REACH = 900


class IndexBuilding(Exception):
    """The candidate index is being built in the background; ask again in a moment."""


@dataclass
class RankedCandidate:
    candidate_id: int
    source: str
    score: float
    explanation: dict[str, Any]
    described: Described
    match_id: int | None = None


@dataclass
class RankedVacancy:
    vacancy: Vacancy
    score: float
    explanation: dict[str, Any]
    described: Described
    carved: bool


def applicant_ids(vacancy: Vacancy) -> set[int]:
    return set(
        Application.objects.filter(vacancy=vacancy)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .values_list("candidate_id", flat=True)
    )


def rank_candidates(
    vacancy: Vacancy,
    *,
    actor: Any = None,
    role: str = "",
    include_applicants: bool = True,
    include_pool: bool = True,
    limit: int = DEFAULT_LIMIT,
    store: bool = True,
    wait: bool = True,
) -> tuple[list[RankedCandidate], list[str]]:
    """Top ``limit`` candidates for ``vacancy`` and the free-text requirements not ranked.

    With ``wait=False`` this raises :class:`IndexBuilding` instead of waiting for a large
    index that is still being built (the staff page then says so)."""
    pure, free = vacancy_input(vacancy)
    # the text part (issue #20): the stored vector of the vacancy's current text, or (not
    # computed yet) the per-process one when the model is ready here; never a write. With the
    # reader's reference ("ICT work in general") the part is the contrast with it.
    pure.text_vector = ranking_vector(vacancy)
    pure.text_reference = reader.ict_reference() if pure.text_vector is not None else None
    applied = applicant_ids(vacancy)
    applicants = applied if include_applicants else set()
    # An applicant never shows up anonymised (whole profile) beside their named, scoped row.
    pool = talent_pool.candidate_ids() - applied if include_pool else set()
    if not (applicants | pool):
        return [], free
    index = engine.get_index(wait=wait)
    if index is None:
        raise IndexBuilding
    results: list[RankedCandidate] = []
    # Applicants, shown by name: scored and explained on the rows this organisation may see
    # only (their own page + applications to this organisation), never on skills or education
    # from an application to another organisation. Fresh from the database, not the index.
    for cand in candidate_inputs(applicants, organisation=vacancy.organisation_id):
        exp = score_candidate(cand, pure, index.taxonomy, index.similarity).to_dict()
        results.append(
            RankedCandidate(
                candidate_id=int(cand.id),
                source=MatchSource.APPLICANT,
                score=float(exp["score"]),
                explanation=exp,
                described=describe(exp, free),
            )
        )
    # The talent pool, shown anonymised: the candidate consented to other organisations seeing
    # the profile (the same whole, anonymised profile the talent pool pages show).
    rows = np.fromiter(
        (index.row_of[str(cid)] for cid in pool if str(cid) in index.row_of), dtype=np.int64
    )
    if rows.size:
        scores = index.scores(pure)[rows]
        # evidence first: a pool candidate with no required skill never pushes out one with it
        key = scores + 2.0 * index.skill_evidence(pure)[rows]
        k = min(limit, rows.size)
        top = np.argpartition(-key, k - 1)[:k]
        top = top[np.lexsort((rows[top], -key[top]))]
        for pos in top:
            cid = index.id_of[int(rows[pos])]
            assert cid is not None
            exp = score_candidate(
                index.profiles[cid], pure, index.taxonomy, index.similarity
            ).to_dict()
            results.append(
                RankedCandidate(
                    candidate_id=int(cid),
                    source=MatchSource.TALENT_POOL,
                    score=float(exp["score"]),
                    explanation=exp,
                    described=describe(exp, free),
                )
            )
    # No evidence never outranks evidence (issue #20): with skill requirements, candidates with
    # no evidence for the work (no required skill met, even partly, and no text resembling the
    # vacancy) come after those with some, whatever their score.
    results.sort(
        key=lambda r: (
            bool(pure.skills) and not has_skill_evidence(r.explanation),
            -r.score,
            r.candidate_id,
        )
    )
    results = results[:limit]
    if not results:
        return [], free
    if store:
        _store(vacancy, results, Direction.CANDIDATES_FOR_VACANCY, actor)
        record_event(
            "matching.candidates_ranked",
            actor=actor,
            organisation=vacancy.organisation,
            obj=vacancy,
            role=role,
            vacancy=vacancy.pk,
            count=len(results),
            applicants=sum(r.source == MatchSource.APPLICANT for r in results),
            pool=sum(r.source == MatchSource.TALENT_POOL for r in results),
        )
    return results, free


def _store(vacancy: Vacancy, results: list[RankedCandidate], direction: str, actor: Any) -> None:
    now = timezone.now()
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        made = Match.objects.bulk_create(
            [
                Match(
                    organisation_id=vacancy.organisation_id,
                    vacancy=vacancy,
                    candidate_id=r.candidate_id,
                    direction=direction,
                    source=r.source,
                    rank=i,
                    score=r.score,
                    explanation=r.explanation,
                    engine_version=engine.engine_label(),
                    computed_at=now,
                    computed_by=user,
                )
                for i, r in enumerate(results, start=1)
            ]
        )
    for r, m in zip(results, made, strict=True):
        r.match_id = m.pk


def open_vacancies() -> Any:
    today = timezone.localdate()
    return Vacancy.objects.filter(status=VacancyStatus.PUBLISHED, is_template=False).filter(
        Q(closing_date__isnull=True) | Q(closing_date__gte=today)
    )


def rank_vacancies(
    candidate: Candidate, *, limit: int = 5, store: bool = True, max_scored: int = 500
) -> list[RankedVacancy]:
    """Open vacancies that fit ``candidate`` best (carved roles included and marked).

    Scored: open vacancies that ask for one of the candidate's skills or a related one, and,
    when the candidate's texts have a stored vector, those whose stored text vector resembles
    it enough to count as evidence (cosine >= ``TEXT_EVIDENCE``, or, once this process has the
    reader's reference, a contrast >= ``TEXT_CONTRAST_EVIDENCE``). Every vacancy with a current
    stored vector then gets the text part, as in ``rank_candidates``; nothing is embedded here.
    A vacancy without any evidence (no required skill met, even partly, and no resembling
    text) is never shown."""

    pure_cand = candidate_input(candidate)
    if pure_cand is None:
        return []
    text_reach = pure_cand.text_vector is not None and not pure_cand.other_work
    if not pure_cand.skills and not text_reach:
        return []
    tax = engine.taxonomy()
    vacancy_ids: set[int] = set()
    if pure_cand.skills:
        reach = set(pure_cand.skills)
        for sid in pure_cand.skills:
            if len(reach) >= MAX_REACH:
                break
            reach.update(list(tax.related_skills(sid))[: MAX_REACH - len(reach)])
        vacancy_ids.update(
            Requirement.objects.filter(skill__esco_id__in=reach, vacancy__in=open_vacancies())
            .values_list("vacancy_id", flat=True)
            .distinct()[:max_scored]
        )
    reference = reader.ict_reference()  # None until this process's warm-up computed it
    if text_reach:
        vacancy_ids.update(_resembling_vacancies(pure_cand.text_vector, reference, max_scored))
    # a vacancy the candidate applied to (and did not withdraw from) is on the page already,
    # under "Je sollicitaties": not a suggestion
    applied = Application.objects.filter(candidate=candidate).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    vacancies = list(
        Vacancy.objects.filter(pk__in=vacancy_ids)
        .exclude(pk__in=applied.values("vacancy_id"))
        .select_related("organisation")
        .prefetch_related("requirements__skill", "language_requirements")
    )
    # the text part only when the candidate has a text: without one, every vacancy with a
    # vector would lose its weight to a part the candidate cannot score on
    texts = stored_vacancy_vectors(vacancies) if pure_cand.text_vector is not None else {}
    scored: list[RankedVacancy] = []
    for vacancy in vacancies:
        pure, free = vacancy_input(vacancy)
        pure.text_vector = texts.get(vacancy.pk)
        pure.text_reference = reference if pure.text_vector is not None else None
        exp = score_candidate(pure_cand, pure, tax, engine.similarity()).to_dict()
        if not has_skill_evidence(exp):
            continue
        scored.append(
            RankedVacancy(
                vacancy,
                float(exp["score"]),
                exp,
                describe(exp, free),
                vacancy.carved_from_id is not None,
            )
        )
    scored.sort(key=lambda r: (-r.score, r.vacancy.pk))
    top = scored[:limit]
    if store and top:
        # Stored WITHOUT an organisation. This list is computed on the candidate's whole
        # profile, at the candidate's request, and shown to the candidate only; scores, ranks
        # and explanations may rest on rows from applications to other organisations (see
        # applications.services.profile.profile_for / scoped_rows), and even which vacancies made the
        # top depends on them. Filed under the vacancy's organisation, it would tell that
        # organisation what it may not see. We keep the record of what the candidate was shown
        # (the audit stays true to the screen) as the candidate's own: it goes with the
        # candidate's data (export, erasure), and no organisation-scoped query finds it.
        # Recomputing per organisation on its scoped profile instead would store scores the
        # candidate never saw, and the rank and the row itself would still leak.
        now = timezone.now()
        Match.objects.bulk_create(
            [
                Match(
                    organisation=None,
                    vacancy=r.vacancy,
                    candidate=candidate,
                    direction=Direction.VACANCIES_FOR_CANDIDATE,
                    source=MatchSource.CANDIDATE,
                    rank=i,
                    score=r.score,
                    explanation=r.explanation,
                    engine_version=engine.engine_label(),
                    computed_at=now,
                )
                for i, r in enumerate(top, start=1)
            ]
        )
    return top


def _resembling_vacancies(text_vector: Any, reference: Any, limit: int) -> list[int]:
    """Open vacancies whose stored text vector resembles ``text_vector`` enough to count as
    evidence (``matching.ranking.scoring.text_is_evidence``: a cosine >= ``TEXT_EVIDENCE``, or with the
    reference a contrast >= ``TEXT_CONTRAST_EVIDENCE``), most alike first (whether the vector is
    of the current text is checked when scoring)."""
    target = np.asarray(text_vector, np.float32)
    threshold = TEXT_EVIDENCE
    if reference is not None and np.shape(reference) == target.shape:
        # contrast = cosine - cosine(text, reference): the same offset for every vacancy
        offset = float(np.asarray(reference, np.float32) @ target)
        threshold = min(TEXT_EVIDENCE, offset + TEXT_CONTRAST_EVIDENCE)
    found: list[tuple[float, int]] = []
    for vacancy_id, raw in (
        VacancyVector.objects.filter(vacancy__in=open_vacancies())
        .values_list("vacancy_id", "vector")
        .iterator(chunk_size=2000)
    ):
        vec = vector_of(raw)
        if vec.shape != target.shape:
            continue  # computed with another model
        similarity = float(vec @ target)
        if similarity >= threshold:
            found.append((similarity, vacancy_id))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [vacancy_id for _sim, vacancy_id in found[:limit]]


def set_work_preference(candidate: Candidate, **values: Any) -> WorkPreference:
    """Create or change the candidate's structured work preferences (regions, start date)."""
    allowed = {"regions", "remote_ok", "available_from"}
    pref, _created = WorkPreference.objects.update_or_create(
        candidate=candidate, defaults={k: v for k, v in values.items() if k in allowed}
    )
    return pref


def candidate_changed(candidate_id: int) -> None:
    """Call after bulk changes that send no signals (``QuerySet.update``)."""
    transaction.on_commit(lambda: engine.candidate_changed(candidate_id))
