"""Ranking inputs and outputs: vacancies, candidates, requirements, explanations, weights."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol

import numpy as np
from numpy.typing import NDArray

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
LANG_SKILLS = ("reading", "listening", "writing", "speaking")
LangSkill = Literal["reading", "listening", "writing", "speaking"]

WEIGHTS: dict[str, float] = {
    "must_have": 0.45,
    "learnable": 0.10,
    "language": 0.20,
    "hours": 0.08,
    "availability": 0.07,
    "location": 0.05,
    "education": 0.05,
}
COACH_CREDIT = 0.6  # below the level, reachable with a language coach
COACH_MAX_GAP = 2  # CEFR steps a coach can bridge
# Level not known (the candidate gave none, or has not confirmed one found in a text): not
# "too far" -- unknown. Less than a level within a coach's reach, more than one known too low.
UNKNOWN_LANGUAGE_CREDIT = 0.3
EDUCATION_SUBSTITUTE = 0.7  # skills score that replaces a missing diploma level
UNKNOWN_REGION_SCORE = 0.5
# The text part (chosen on the dev half of bench/data/ranking_graded.json, issue #20).
TEXT_WEIGHT = 0.4
TEXT_FLOOR = 0.75  # e5 query-passage cosine that counts as nothing alike
TEXT_CEIL = 0.85  # ... and as fully alike
TEXT_EVIDENCE = 0.84  # from here the text itself is evidence
# With a reference vector ("ICT work in general", see the ``ranking`` package docstring) the
# part is the contrast: cosine with the vacancy minus cosine with the reference. It removes the
# offset that a language gives every cosine (an Arabic or Tigrinya text is ~0.03-0.05 further
# from every Dutch text than a Dutch text about the same work). Chosen on the dev half too.
TEXT_CONTRAST_FLOOR = 0.0  # no closer to this vacancy than to ICT work in general
TEXT_CONTRAST_CEIL = 0.06  # ... clearly closer: full credit
TEXT_CONTRAST_EVIDENCE = 0.03  # from here the contrast is evidence as well
OTHER_REGION_SCORE = 0.2


def cefr_rank(level: str | None) -> int:
    """ "A1" -> 1 ... "C2" -> 6; None/unknown -> 0."""
    if not level:
        return 0
    lv = level.strip().upper()[:2]
    return CEFR_LEVELS.index(lv) + 1 if lv in CEFR_LEVELS else 0


@dataclass(frozen=True)
class SkillRequirement:
    skill_id: str
    must_have: bool = True  # False: learnable on the job (weighted lower, never knock-out)


@dataclass(frozen=True)
class LanguageRequirement:
    language: str  # ISO 639-1, e.g. "nl"
    skill: LangSkill
    level: str  # CEFR
    at_start: bool = True  # False: reachable with a language coach


@dataclass
class Vacancy:
    id: str
    skills: list[SkillRequirement] = field(default_factory=list)
    languages: list[LanguageRequirement] = field(default_factory=list)
    hours_min: float | None = None
    hours_max: float | None = None
    start_day: int | None = None  # date.toordinal()
    region: str | None = None
    remote: bool = False
    nlqf_level: int | None = None  # optional, substitutable signal
    # e5 query vector of the vacancy text (normalised); None: no text part in the score
    text_vector: NDArray[np.float32] | None = field(default=None, compare=False)
    # e5 query vector of "ICT work in general" (same model); None: the text part is the plain
    # cosine, else the contrast with this reference
    text_reference: NDArray[np.float32] | None = field(default=None, compare=False)


@dataclass
class Candidate:
    id: str
    skills: dict[str, float] = field(default_factory=dict)  # skill id -> strength 0..1
    languages: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, skill) -> CEFR
    hours_min: float | None = None
    hours_max: float | None = None
    available_day: int | None = None  # date.toordinal(); None = now
    regions: frozenset[str] = frozenset()  # regions the candidate accepts; empty = unknown
    nlqf_level: int | None = None
    # e5 passage vector of the candidate's texts (normalised mean); None: no text read yet
    text_vector: NDArray[np.float32] | None = field(default=None, compare=False)
    # the texts describe work outside ICT (see the ``ranking`` package docstring)
    other_work: bool = False


class SkillSimilarity(Protocol):
    def neighbours(self, skill_id: str) -> Mapping[str, float]:
        """Skills similar to ``skill_id`` with a partial credit in (0, 1)."""
        ...


class EmbeddingSkillSimilarity:
    """Partial credit from label-embedding cosine (credit 0.3..0.6 above ``threshold``)."""

    def __init__(
        self,
        skill_ids: Sequence[str],
        vectors: NDArray[np.float32],
        threshold: float = 0.9,
        top_k: int = 10,
    ) -> None:
        self.ids = list(skill_ids)
        self.index = {s: i for i, s in enumerate(self.ids)}
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.threshold = threshold
        self.top_k = top_k
        self._cache: dict[str, dict[str, float]] = {}

    def neighbours(self, skill_id: str) -> Mapping[str, float]:
        if skill_id in self._cache:
            return self._cache[skill_id]
        i = self.index.get(skill_id)
        out: dict[str, float] = {}
        if i is not None:
            sims = self.vectors @ self.vectors[i]
            k = min(self.top_k + 1, len(sims))
            for j in np.argpartition(-sims, k - 1)[:k]:
                sim = float(sims[j])
                if int(j) != i and sim >= self.threshold:
                    frac = (sim - self.threshold) / max(1e-6, 1.0 - self.threshold)
                    out[self.ids[int(j)]] = round(0.3 + 0.3 * min(1.0, frac), 4)
        self._cache[skill_id] = out
        return out


@dataclass
class Explanation:
    score: float
    components: dict[str, float]
    weights: dict[str, float]
    matched: list[dict[str, Any]] = field(default_factory=list)
    partly_matched: list[dict[str, Any]] = field(default_factory=list)
    missing_learnable: list[dict[str, Any]] = field(default_factory=list)
    missing_must_have: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # the text part: {"similarity": cosine or None, "evidence": bool, "other_work": bool}
    text: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class RankedCandidate:
    candidate_id: str
    score: float
    explanation: Explanation | None
