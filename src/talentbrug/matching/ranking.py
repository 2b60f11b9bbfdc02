"""Candidate-vacancy scoring with an audit explanation, and a numpy candidate index.

Signals (each 0..1) and default weights:

=================  ======  ===============================================================
must-have skills    0.45   exact skill = 1; via taxonomy relation (narrower/broader/sibling/
                           related) or embedding similarity = partial credit
learnable skills    0.10   same credit, weighted lower, never a knock-out
languages           0.20   per language x CEFR skill; below the level but "reachable with a
                           language coach" = partial (0.6 within two levels), not a fail
hours               0.08   overlap of the hour ranges, else decays per missing hour
availability        0.07   available on the start date, else decays over 90 days
location            0.05   region accepted by the candidate (or remote work)
education (NLQF)    0.05   optional and substitutable: skills score >= 0.7 replaces it
=================  ======  ===============================================================

**Text resembles the vacancy** (issue #20). When the vacancy has an e5 vector of its text, the
score is ``(1 - TEXT_WEIGHT) x`` the signals above ``+ TEXT_WEIGHT x`` the text part: the cosine
between the vacancy text (query) and the candidate's texts (passage, computed when the text was
read), mapped linearly from ``TEXT_FLOOR`` (0) to ``TEXT_CEIL`` (1). It is shown as its own part
(``components["text"]``, ``weights["text"]``). A cosine >= ``TEXT_EVIDENCE`` counts as evidence
of the type "the text resembles the vacancy", so a candidate whose skills the reader could not
find (a Tigrinya CV) is not ranked as "no evidence". A candidate whose texts describe work
outside ICT (closer to the "other work" phrases than to any skill phrase, ``other_work``: a
ceiling-systems installer, a security guard) gets no text part, and skills only found in those
texts (not confirmed) are not evidence either: words overlap, the work does not.

Weights of absent signals (no skill requirements, no language requirement, ...) are spread
over the present ones, and the explanation says so. Nothing is a hard knock-out: missing
must-haves are listed and pull the score down, the employer decides.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from numpy.typing import NDArray

from .taxonomy import Taxonomy

__all__ = [
    "CEFR_LEVELS",
    "WEIGHTS",
    "Candidate",
    "CandidateIndex",
    "EmbeddingSkillSimilarity",
    "Explanation",
    "LanguageRequirement",
    "RankedCandidate",
    "SkillRequirement",
    "SkillSimilarity",
    "Vacancy",
    "cefr_rank",
    "score_candidate",
]

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
    # the texts describe work outside ICT (see the module docstring)
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


# -- credit maps ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Credit:
    credit: float
    via: str  # skill id that gives the credit
    how: str  # "exact", "narrower", "broader", "sibling", "related", "embedding"


def credit_map(
    skill_id: str, taxonomy: Taxonomy | None, similarity: SkillSimilarity | None
) -> dict[str, _Credit]:
    """Which candidate skills satisfy the requirement ``skill_id``, and how much."""
    out: dict[str, _Credit] = {}
    if similarity is not None:
        for other, c in similarity.neighbours(skill_id).items():
            out[other] = _Credit(c, other, "embedding")
    if taxonomy is not None:
        for other, rel in taxonomy.related_skills(skill_id).items():
            if other not in out or out[other].credit < rel.credit:
                out[other] = _Credit(rel.credit, other, rel.relation)
    out[skill_id] = _Credit(1.0, skill_id, "exact")
    return out


def _label(taxonomy: Taxonomy | None, skill_id: str) -> str:
    if taxonomy is not None and skill_id in taxonomy.skills:
        return taxonomy.skills[skill_id].label("nl")
    return skill_id


def _effective_weights(vacancy: Vacancy) -> tuple[dict[str, float], list[str]]:
    notes: list[str] = []
    present = dict(WEIGHTS)
    if not any(r.must_have for r in vacancy.skills):
        present.pop("must_have")
    if not any(not r.must_have for r in vacancy.skills):
        present.pop("learnable")
    if not vacancy.skills:
        notes.append("Vacancy has no skill requirements: ranked on the other signals only.")
    if not vacancy.languages:
        present.pop("language")
    if vacancy.hours_min is None and vacancy.hours_max is None:
        present.pop("hours")
    if vacancy.region is None and not vacancy.remote:
        present.pop("location")
    if vacancy.nlqf_level is None:
        present.pop("education")
    total = sum(present.values())
    if total == 0:
        notes.append("Vacancy has no requirements at all: every candidate scores the same.")
        return {"availability": 1.0}, notes
    share = 1.0 - TEXT_WEIGHT if vacancy.text_vector is not None else 1.0
    out = {k: share * v / total for k, v in present.items()}
    if vacancy.text_vector is not None:
        out["text"] = TEXT_WEIGHT
    return out, notes


def text_credit(similarity: float) -> float:
    """The text part from the e5 cosine: 0 at ``TEXT_FLOOR``, 1 at ``TEXT_CEIL``."""
    return min(1.0, max(0.0, (similarity - TEXT_FLOOR) / (TEXT_CEIL - TEXT_FLOOR)))


# -- scalar signal functions (shared by the single scorer and the index) ---------------------


def _hours_score(c_min: float, c_max: float, v_min: float, v_max: float) -> float:
    if c_max < c_min:
        c_min, c_max = c_max, c_min
    gap = max(0.0, v_min - c_max, c_min - v_max)
    return max(0.0, 1.0 - gap / 8.0)


def _availability_score(avail_day: int, start_day: int) -> float:
    late = max(0, avail_day - start_day)
    return max(0.0, 1.0 - late / 90.0)


def _language_credit(have: int, need: int, at_start: bool) -> float:
    if have == 0 and need > 0:
        return UNKNOWN_LANGUAGE_CREDIT
    if have >= need:
        return 1.0
    if not at_start and have > 0 and need - have <= COACH_MAX_GAP:
        return COACH_CREDIT
    return 0.0


def has_skill_evidence(explanation: Mapping[str, Any]) -> bool:
    """True when there is evidence for the vacancy's work: a required skill met, fully or
    partly (by a confirmed skill, or by a skill found in the candidate's text unless those
    texts describe work outside ICT), or the candidate's text resembling the vacancy's
    (cosine >= ``TEXT_EVIDENCE``). A candidate without evidence never ranks above one with it
    (issue #20); their score is still shown as it is."""
    text = explanation.get("text") or {}
    if text.get("evidence"):
        return True
    items = [*explanation.get("matched", []), *explanation.get("partly_matched", [])]
    if text.get("other_work"):
        items = [i for i in items if i.get("strength", 1.0) >= 1.0]
    return bool(items)


def score_candidate(
    candidate: Candidate,
    vacancy: Vacancy,
    taxonomy: Taxonomy | None = None,
    similarity: SkillSimilarity | None = None,
) -> Explanation:
    """Score one candidate for one vacancy, with the full explanation."""
    weights, notes = _effective_weights(vacancy)
    comp: dict[str, float] = {}
    exp = Explanation(0.0, comp, weights, notes=notes)
    sums = {True: [0.0, 0], False: [0.0, 0]}
    for req in vacancy.skills:
        best: _Credit | None = None
        best_val = 0.0
        best_strength = 1.0
        for other, cr in credit_map(req.skill_id, taxonomy, similarity).items():
            strength = candidate.skills.get(other)
            if strength is None:
                continue
            val = cr.credit * strength
            if val > best_val:
                best, best_val, best_strength = cr, val, strength
        sums[req.must_have][0] += best_val
        sums[req.must_have][1] += 1
        item: dict[str, Any] = {
            "skill_id": req.skill_id,
            "label": _label(taxonomy, req.skill_id),
            "must_have": req.must_have,
        }
        if best is not None and best_strength < 1.0:
            item["strength"] = round(best_strength, 4)  # evidence not yet confirmed
        if best is None:
            (exp.missing_must_have if req.must_have else exp.missing_learnable).append(item)
        elif best.how == "exact":
            exp.matched.append({**item, "credit": round(best_val, 4)})
        else:
            exp.partly_matched.append(
                {
                    **item,
                    "credit": round(best_val, 4),
                    "via_skill_id": best.via,
                    "via_label": _label(taxonomy, best.via),
                    "relation": best.how,
                }
            )
    if sums[True][1]:
        comp["must_have"] = sums[True][0] / sums[True][1]
    if sums[False][1]:
        comp["learnable"] = sums[False][0] / sums[False][1]
    if vacancy.languages:
        total = 0.0
        for lr in vacancy.languages:
            have = cefr_rank(candidate.languages.get((lr.language, lr.skill)))
            need = cefr_rank(lr.level)
            cr_lang = _language_credit(have, need, lr.at_start)
            total += cr_lang
            if not have and need:
                status = "unknown"
            else:
                status = "ok" if cr_lang == 1.0 else ("with_coach" if cr_lang > 0 else "below")
            exp.languages.append(
                {
                    "language": lr.language,
                    "skill": lr.skill,
                    "required": lr.level,
                    "at_start": lr.at_start,
                    "candidate": CEFR_LEVELS[have - 1] if have else None,
                    "status": status,
                    "credit": cr_lang,
                }
            )
        comp["language"] = total / len(vacancy.languages)
    if "hours" in weights:
        v_min = vacancy.hours_min if vacancy.hours_min is not None else 0.0
        v_max = vacancy.hours_max if vacancy.hours_max is not None else 40.0
        if candidate.hours_min is None and candidate.hours_max is None:
            comp["hours"] = 0.5
            exp.notes.append("Candidate did not state hours.")
        else:
            c_min = candidate.hours_min if candidate.hours_min is not None else 0.0
            c_max = candidate.hours_max if candidate.hours_max is not None else 40.0
            comp["hours"] = _hours_score(c_min, c_max, v_min, v_max)
    if vacancy.start_day is not None and candidate.available_day is not None:
        comp["availability"] = _availability_score(candidate.available_day, vacancy.start_day)
    else:
        comp["availability"] = 1.0
    if "location" in weights:
        if vacancy.remote:
            comp["location"] = 1.0
        elif not candidate.regions:
            comp["location"] = UNKNOWN_REGION_SCORE
        else:
            comp["location"] = 1.0 if vacancy.region in candidate.regions else OTHER_REGION_SCORE
    if "education" in weights and vacancy.nlqf_level is not None:
        have_lv = candidate.nlqf_level or 0
        skills_score = comp.get("must_have", 0.0)
        if have_lv >= vacancy.nlqf_level:
            comp["education"] = 1.0
        elif skills_score >= EDUCATION_SUBSTITUTE:
            comp["education"] = 1.0
            exp.notes.append("Education level substituted by demonstrated skills.")
        else:
            comp["education"] = have_lv / vacancy.nlqf_level
    if "text" in weights and vacancy.text_vector is not None:
        sim = None
        if candidate.text_vector is not None:
            sim = float(np.dot(vacancy.text_vector, candidate.text_vector))
        comp["text"] = 0.0 if sim is None or candidate.other_work else text_credit(sim)
        exp.text = {
            "similarity": None if sim is None else round(sim, 4),
            "evidence": sim is not None and not candidate.other_work and sim >= TEXT_EVIDENCE,
            "other_work": candidate.other_work,
        }
    elif candidate.other_work:
        exp.text = {"similarity": None, "evidence": False, "other_work": True}
    exp.score = round(sum(weights[k] * comp.get(k, 0.0) for k in weights), 6)
    exp.components = {k: round(v, 6) for k, v in comp.items()}
    return exp


# -- index -----------------------------------------------------------------------------------


class _Posting:
    __slots__ = ("rows", "size", "weights")

    def __init__(self) -> None:
        self.rows = np.empty(8, np.int32)
        self.weights = np.empty(8, np.float32)
        self.size = 0

    def add(self, row: int, weight: float) -> None:
        if self.size == len(self.rows):
            self.rows = np.resize(self.rows, 2 * self.size)
            self.weights = np.resize(self.weights, 2 * self.size)
        self.rows[self.size] = row
        self.weights[self.size] = weight
        self.size += 1

    def remove(self, row: int) -> None:
        hit = np.flatnonzero(self.rows[: self.size] == row)
        if len(hit):
            i, last = int(hit[0]), self.size - 1
            self.rows[i] = self.rows[last]
            self.weights[i] = self.weights[last]
            self.size = last


SNAPSHOT_FORMAT = "talentbrug.CandidateIndex/2"


class _StoredProfiles(MutableMapping[str, Candidate]):
    """The candidate profiles of a loaded index, rebuilt from compact arrays when asked for.

    A loaded index needs a profile only to explain a top result or to update/remove a row, so
    the 100,000 objects are not created at load time. Profiles written after loading are
    ordinary objects (``_over``); a removed one is gone from both.
    """

    def __init__(
        self,
        index: CandidateIndex,
        skill_vocab: list[str],
        sk_ptr: NDArray[np.int64],
        sk_idx: NDArray[np.int32],
        sk_val: NDArray[np.float64],
        lang_vocab: list[str],
        lg_ptr: NDArray[np.int64],
        lg_idx: NDArray[np.int32],
    ) -> None:
        self._index = index
        self._stored: dict[str, int] = dict(index.row_of)
        self._over: dict[str, Candidate] = {}
        self._skill_vocab = skill_vocab
        self._sk = (sk_ptr, sk_idx, sk_val)
        self._lang_vocab = [tuple(x.split("\t")) for x in lang_vocab]
        self._lg = (lg_ptr, lg_idx)
        self._region_names = {bit: r for r, bit in index.region_bits.items()}

    def _materialise(self, cid: str, row: int) -> Candidate:
        ix = self._index
        sk_ptr, sk_idx, sk_val = self._sk
        lo, hi = int(sk_ptr[row]), int(sk_ptr[row + 1])
        skills = {
            self._skill_vocab[int(j)]: float(v)
            for j, v in zip(sk_idx[lo:hi], sk_val[lo:hi], strict=True)
        }
        lg_ptr, lg_idx = self._lg
        languages: dict[tuple[str, str], str] = {}
        for j in lg_idx[int(lg_ptr[row]) : int(lg_ptr[row + 1])]:
            lang, skill, level = self._lang_vocab[int(j)]
            languages[(lang, skill)] = level
        mask = int(ix.regions[row])
        h_min, h_max = float(ix.hours_min[row]), float(ix.hours_max[row])
        return Candidate(
            id=cid,
            skills=skills,
            languages=languages,
            hours_min=None if np.isnan(h_min) else h_min,
            hours_max=None if np.isnan(h_max) else h_max,
            available_day=int(ix.available[row]) or None,
            regions=frozenset(name for bit, name in self._region_names.items() if mask >> bit & 1),
            nlqf_level=int(ix.nlqf[row]) or None,
            text_vector=ix.text[row].copy() if ix.text is not None and ix.has_text[row] else None,
            other_work=bool(ix.other_work[row]),
        )

    def __getitem__(self, cid: str) -> Candidate:
        if cid in self._over:
            return self._over[cid]
        return self._materialise(cid, self._stored[cid])

    def __setitem__(self, cid: str, cand: Candidate) -> None:
        self._stored.pop(cid, None)
        self._over[cid] = cand

    def __delitem__(self, cid: str) -> None:
        if cid in self._over:
            del self._over[cid]
        else:
            del self._stored[cid]

    def __contains__(self, cid: object) -> bool:
        return cid in self._over or cid in self._stored

    def __iter__(self) -> Iterator[str]:
        yield from list(self._stored)
        yield from list(self._over)

    def __len__(self) -> int:
        return len(self._stored) + len(self._over)


class CandidateIndex:
    """N candidates in column arrays: skill postings (skill id -> rows), CEFR levels per
    language (N x 4 int8), hours, availability, region bitmask and NLQF level.

    ``add``/``update``/``remove`` touch one row and the postings of its skills (no rebuild);
    freed rows are reused. ``rank`` scores every active row with numpy and explains the top k
    with :func:`score_candidate` (same formulas, so the numbers agree).
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        similarity: SkillSimilarity | None = None,
        capacity: int = 1024,
    ) -> None:
        self.taxonomy = taxonomy
        self.similarity = similarity
        self._cap = 0
        self._n = 0  # rows in use (including freed ones)
        self._free: list[int] = []
        self.row_of: dict[str, int] = {}
        self.id_of: list[str | None] = []
        self.profiles: MutableMapping[str, Candidate] = {}
        self.postings: dict[str, _Posting] = {}
        self.languages: dict[str, NDArray[np.int8]] = {}
        self.region_bits: dict[str, int] = {}
        self.active: NDArray[np.bool_] = np.zeros(0, np.bool_)
        self.hours_min: NDArray[np.float32] = np.zeros(0, np.float32)
        self.hours_max: NDArray[np.float32] = np.zeros(0, np.float32)
        self.available: NDArray[np.int32] = np.zeros(0, np.int32)
        self.regions: NDArray[np.int64] = np.zeros(0, np.int64)
        self.nlqf: NDArray[np.int8] = np.zeros(0, np.int8)
        self.other_work: NDArray[np.bool_] = np.zeros(0, np.bool_)
        # candidates' text vectors (rows x dim), allocated with the first vector
        self.text: NDArray[np.float32] | None = None
        self.has_text: NDArray[np.bool_] = np.zeros(0, np.bool_)
        self._grow(max(capacity, 16))

    def _grow(self, cap: int) -> None:
        def grow(a: NDArray[Any] | None, dtype: Any, fill: Any, shape: tuple[int, ...] = ()) -> Any:
            new = np.full((cap, *shape), fill, dtype=dtype)
            if a is not None:
                new[: len(a)] = a
            return new

        first = self._cap == 0
        self.active = grow(None if first else self.active, np.bool_, False)
        self.hours_min = grow(None if first else self.hours_min, np.float32, np.nan)
        self.hours_max = grow(None if first else self.hours_max, np.float32, np.nan)
        self.available = grow(None if first else self.available, np.int32, 0)
        self.regions = grow(None if first else self.regions, np.int64, 0)
        self.nlqf = grow(None if first else self.nlqf, np.int8, 0)
        self.other_work = grow(None if first else self.other_work, np.bool_, False)
        self.has_text = grow(None if first else self.has_text, np.bool_, False)
        if self.text is not None:
            self.text = grow(self.text, np.float32, 0.0, (self.text.shape[1],))
        for lang, arr in list(self.languages.items()):
            self.languages[lang] = grow(arr, np.int8, 0, (4,))
        self.id_of.extend([None] * (cap - len(self.id_of)))
        self._cap = cap

    def __len__(self) -> int:
        return len(self.row_of)

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self.row_of

    def _region_mask(self, regions: Iterable[str]) -> int:
        mask = 0
        for r in regions:
            if r not in self.region_bits:
                if len(self.region_bits) >= 62:
                    raise ValueError("CandidateIndex supports at most 62 distinct regions")
                self.region_bits[r] = len(self.region_bits)
            mask |= 1 << self.region_bits[r]
        return mask

    def add(self, cand: Candidate) -> None:
        if cand.id in self.row_of:
            self.update(cand)
            return
        if self._free:
            row = self._free.pop()
        else:
            if self._n == self._cap:
                self._grow(self._cap * 2)
            row = self._n
            self._n += 1
        self._write(row, cand)

    def add_many(self, cands: Iterable[Candidate]) -> None:
        for c in cands:
            self.add(c)

    def _write(self, row: int, cand: Candidate) -> None:
        self.row_of[cand.id] = row
        self.id_of[row] = cand.id
        self.profiles[cand.id] = cand
        self.active[row] = True
        self.hours_min[row] = np.nan if cand.hours_min is None else cand.hours_min
        self.hours_max[row] = np.nan if cand.hours_max is None else cand.hours_max
        self.available[row] = 0 if cand.available_day is None else cand.available_day
        self.regions[row] = self._region_mask(cand.regions)
        self.nlqf[row] = cand.nlqf_level or 0
        self.other_work[row] = cand.other_work
        if cand.text_vector is not None:
            if self.text is None:
                self.text = np.zeros((self._cap, len(cand.text_vector)), np.float32)
            self.text[row] = cand.text_vector
            self.has_text[row] = True
        for (lang, skill), level in cand.languages.items():
            if skill not in LANG_SKILLS:
                continue
            arr = self.languages.get(lang)
            if arr is None:
                arr = self.languages[lang] = np.zeros((self._cap, 4), np.int8)
            arr[row, LANG_SKILLS.index(skill)] = cefr_rank(level)
        for sid, strength in cand.skills.items():
            self.postings.setdefault(sid, _Posting()).add(row, float(strength))

    def _clear(self, row: int, cand: Candidate) -> None:
        for sid in cand.skills:
            p = self.postings.get(sid)
            if p is not None:
                p.remove(row)
        for arr in self.languages.values():
            arr[row] = 0
        self.has_text[row] = False
        self.other_work[row] = False
        self.active[row] = False
        self.id_of[row] = None

    def remove(self, candidate_id: str) -> None:
        row = self.row_of.pop(candidate_id, None)
        if row is None:
            return
        self._clear(row, self.profiles.pop(candidate_id))
        self._free.append(row)

    def update(self, cand: Candidate) -> None:
        row = self.row_of.get(cand.id)
        if row is None:
            self.add(cand)
            return
        self._clear(row, self.profiles[cand.id])
        self._write(row, cand)

    def memory_bytes(self) -> int:
        total = sum(
            a.nbytes
            for a in (self.active, self.hours_min, self.hours_max, self.available, self.regions)
        )
        total += self.nlqf.nbytes + sum(a.nbytes for a in self.languages.values())
        total += self.other_work.nbytes + self.has_text.nbytes
        total += self.text.nbytes if self.text is not None else 0
        total += sum(p.rows.nbytes + p.weights.nbytes for p in self.postings.values())
        return int(total)

    # -- persistence -----------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], version: str = "") -> None:
        """Write the index to ``path`` (one ``.npz``, no pickle; written atomically).

        ``version`` is stored with it (for example a hash of the data the index was built
        from); :meth:`load` returns None when it does not match. Taxonomy and similarity are
        not stored: they come from the code and the embedding cache.
        """
        n = self._n
        ids = [i or "" for i in self.id_of[:n]]
        skill_vocab = sorted(self.postings)
        sidx = {s: i for i, s in enumerate(skill_vocab)}
        post_ptr = np.zeros(len(skill_vocab) + 1, np.int64)
        for i, s in enumerate(skill_vocab):
            post_ptr[i + 1] = post_ptr[i] + self.postings[s].size
        post_rows = np.concatenate(
            [self.postings[s].rows[: self.postings[s].size] for s in skill_vocab]
            or [np.zeros(0, np.int32)]
        ).astype(np.int32)
        post_w = np.concatenate(
            [self.postings[s].weights[: self.postings[s].size] for s in skill_vocab]
            or [np.zeros(0, np.float32)]
        ).astype(np.float32)
        # profiles (for explanations and updates): skills and raw language levels per row
        lang_vocab: dict[str, int] = {}
        sk_ptr = np.zeros(n + 1, np.int64)
        lg_ptr = np.zeros(n + 1, np.int64)
        sk_idx: list[int] = []
        sk_val: list[float] = []
        lg_idx: list[int] = []
        for row, cid in enumerate(ids):
            prof = self.profiles.get(cid) if cid else None
            if prof is not None:
                for sid, strength in prof.skills.items():
                    if sid not in sidx:  # cannot happen: every profile skill has a posting
                        sidx[sid] = len(skill_vocab)
                        skill_vocab.append(sid)
                    sk_idx.append(sidx[sid])
                    sk_val.append(float(strength))
                for (lang, skill), level in prof.languages.items():
                    key = f"{lang}\t{skill}\t{level}"
                    lg_idx.append(lang_vocab.setdefault(key, len(lang_vocab)))
            sk_ptr[row + 1] = len(sk_idx)
            lg_ptr[row + 1] = len(lg_idx)
        meta = {
            "format": SNAPSHOT_FORMAT,
            "version": version,
            "n": n,
            "free": self._free,
            "regions": sorted(self.region_bits, key=self.region_bits.__getitem__),
            "languages": sorted(self.languages),
        }
        arrays: dict[str, NDArray[Any]] = {
            "meta": np.asarray(json.dumps(meta)),
            "ids": np.asarray(ids, dtype=str) if ids else np.zeros(0, "<U1"),
            "active": self.active[:n],
            "hours_min": self.hours_min[:n],
            "hours_max": self.hours_max[:n],
            "available": self.available[:n],
            "regions": self.regions[:n],
            "nlqf": self.nlqf[:n],
            "other_work": self.other_work[:n],
            "has_text": self.has_text[:n],
            "text": self.text[:n].astype(np.float16)
            if self.text is not None
            else np.zeros((0, 0), np.float16),
            "skill_vocab": np.asarray(skill_vocab, dtype=str)
            if skill_vocab
            else np.zeros(0, "<U1"),
            "post_ptr": post_ptr,
            "post_rows": post_rows,
            "post_w": post_w,
            "sk_ptr": sk_ptr,
            "sk_idx": np.asarray(sk_idx, np.int32),
            "sk_val": np.asarray(sk_val, np.float64),
            "lang_vocab": np.asarray(list(lang_vocab), dtype=str)
            if lang_vocab
            else np.zeros(0, "<U1"),
            "lg_ptr": lg_ptr,
            "lg_idx": np.asarray(lg_idx, np.int32),
        }
        for lang, arr in self.languages.items():
            arrays[f"lang_{lang}"] = arr[:n]
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                savez: Any = np.savez  # its stub cannot take **arrays
                savez(fh, **arrays)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        version: str | None = None,
        *,
        taxonomy: Taxonomy | None = None,
        similarity: SkillSimilarity | None = None,
    ) -> CandidateIndex | None:
        """The index saved at ``path``, or None when the file is missing, unreadable, of
        another format or (when ``version`` is given) of another version."""
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                if meta.get("format") != SNAPSHOT_FORMAT:
                    return None
                if version is not None and meta.get("version") != version:
                    return None
                data = {k: z[k] for k in z.files}
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            return None
        n = int(meta["n"])
        index = cls(taxonomy=taxonomy, similarity=similarity, capacity=max(n, 16))
        index._n = n
        index._free = [int(r) for r in meta["free"]]
        index.active[:n] = data["active"]
        index.hours_min[:n] = data["hours_min"]
        index.hours_max[:n] = data["hours_max"]
        index.available[:n] = data["available"]
        index.regions[:n] = data["regions"]
        index.nlqf[:n] = data["nlqf"]
        index.other_work[:n] = data["other_work"]
        index.has_text[:n] = data["has_text"]
        if data["text"].size:
            index.text = np.zeros((index._cap, data["text"].shape[1]), np.float32)
            index.text[:n] = data["text"]
        index.region_bits = {r: i for i, r in enumerate(meta["regions"])}
        for lang in meta["languages"]:
            arr = np.zeros((index._cap, 4), np.int8)
            arr[:n] = data[f"lang_{lang}"]
            index.languages[lang] = arr
        ids: list[str] = data["ids"].tolist()
        index.id_of[:n] = [i or None for i in ids]
        index.row_of = {cid: row for row, cid in enumerate(ids) if cid}
        vocab: list[str] = data["skill_vocab"].tolist()
        ptr, rows, weights = data["post_ptr"], data["post_rows"], data["post_w"]
        for i, sid in enumerate(vocab):
            lo, hi = int(ptr[i]), int(ptr[i + 1])
            if hi > lo:
                p = _Posting()
                p.rows = rows[lo:hi].copy()
                p.weights = weights[lo:hi].copy()
                p.size = hi - lo
                index.postings[sid] = p
        index.profiles = _StoredProfiles(
            index,
            vocab,
            data["sk_ptr"],
            data["sk_idx"],
            data["sk_val"],
            data["lang_vocab"].tolist(),
            data["lg_ptr"],
            data["lg_idx"],
        )
        return index

    # -- scoring ---------------------------------------------------------------------------
    def _skill_component(
        self, reqs: list[SkillRequirement], n: int, confirmed_only: bool = False
    ) -> NDArray[np.float32]:
        total = np.zeros(n, np.float32)
        for req in reqs:
            best = np.zeros(n, np.float32)
            for sid, cr in credit_map(req.skill_id, self.taxonomy, self.similarity).items():
                p = self.postings.get(sid)
                if p is None or p.size == 0:
                    continue
                rows = p.rows[: p.size]
                weights = p.weights[: p.size]
                if confirmed_only:
                    keep = weights >= 1.0
                    rows, weights = rows[keep], weights[keep]
                # a row occurs at most once per posting, so plain fancy indexing is safe
                best[rows] = np.maximum(best[rows], weights * np.float32(cr.credit))
            total += best
        return total / np.float32(len(reqs))

    def text_similarity(self, vacancy: Vacancy) -> NDArray[np.float32] | None:
        """Cosine of every row's text with the vacancy text (nan: no text); None when the
        vacancy has no text vector."""
        if vacancy.text_vector is None:
            return None
        n = self._n
        if self.text is None:
            return np.full(n, np.nan, np.float32)
        # one matrix-vector product over all rows (rows without a text are zero): no copy
        sims = self.text[:n] @ np.asarray(vacancy.text_vector, np.float32)
        sims[~self.has_text[:n]] = np.nan
        return sims

    def skill_evidence(self, vacancy: Vacancy) -> NDArray[np.bool_]:
        """Rows with evidence for the vacancy's work (see :func:`has_skill_evidence`)."""
        n = self._n
        if not vacancy.skills:
            return np.ones(n, np.bool_)
        reqs = list(vacancy.skills)
        other = self.other_work[:n]
        found = self._skill_component(reqs, n) > 0
        if other.any():
            found &= ~other
            found |= self._skill_component(reqs, n, confirmed_only=True) > 0
        sims = self.text_similarity(vacancy)
        if sims is not None:
            found |= (np.nan_to_num(sims, nan=-1.0) >= TEXT_EVIDENCE) & ~other
        return found

    def scores(self, vacancy: Vacancy) -> NDArray[np.float32]:
        """Score of every row (``-inf`` for free rows)."""
        n = self._n
        weights, _ = _effective_weights(vacancy)
        score = np.zeros(n, np.float32)
        must = [r for r in vacancy.skills if r.must_have]
        learn = [r for r in vacancy.skills if not r.must_have]
        must_score = self._skill_component(must, n) if must else np.zeros(n, np.float32)
        if "must_have" in weights:
            score += np.float32(weights["must_have"]) * must_score
        if "learnable" in weights:
            score += np.float32(weights["learnable"]) * self._skill_component(learn, n)
        if "language" in weights:
            lang_total = np.zeros(n, np.float32)
            for lr in vacancy.languages:
                arr = self.languages.get(lr.language)
                need = cefr_rank(lr.level)
                if arr is None:  # nobody gave this language: unknown for all
                    lang_total += np.float32(UNKNOWN_LANGUAGE_CREDIT)
                    continue
                have = arr[:n, LANG_SKILLS.index(lr.skill)].astype(np.int16)
                credit = (have >= need).astype(np.float32)
                if not lr.at_start:
                    coach = (have < need) & (have > 0) & (need - have <= COACH_MAX_GAP)
                    credit[coach] = COACH_CREDIT
                if need > 0:
                    credit[have == 0] = UNKNOWN_LANGUAGE_CREDIT
                lang_total += credit
            score += (
                np.float32(weights["language"]) * lang_total / np.float32(len(vacancy.languages))
            )
        if "hours" in weights:
            v_min = vacancy.hours_min if vacancy.hours_min is not None else 0.0
            v_max = vacancy.hours_max if vacancy.hours_max is not None else 40.0
            hmin, hmax = self.hours_min[:n], self.hours_max[:n]
            unknown = np.isnan(hmin) & np.isnan(hmax)
            c_min = np.where(np.isnan(hmin), 0.0, hmin)
            c_max = np.where(np.isnan(hmax), 40.0, hmax)
            lo, hi = np.minimum(c_min, c_max), np.maximum(c_min, c_max)
            gap = np.maximum(0.0, np.maximum(v_min - hi, lo - v_max))
            h = np.maximum(0.0, 1.0 - gap / 8.0).astype(np.float32)
            h[unknown] = 0.5
            score += np.float32(weights["hours"]) * h
        if "availability" in weights:
            if vacancy.start_day is not None:
                av = self.available[:n]
                late = np.maximum(0, av - vacancy.start_day)
                a = np.maximum(0.0, 1.0 - late / 90.0).astype(np.float32)
                a[av == 0] = 1.0
            else:
                a = np.ones(n, np.float32)
            score += np.float32(weights["availability"]) * a
        if "location" in weights:
            if vacancy.remote:
                loc = np.ones(n, np.float32)
            else:
                regs = self.regions[:n]
                bit = self.region_bits.get(vacancy.region or "")
                inside = (regs & (1 << bit)) != 0 if bit is not None else np.zeros(n, np.bool_)
                loc = np.where(inside, 1.0, OTHER_REGION_SCORE).astype(np.float32)
                loc[regs == 0] = UNKNOWN_REGION_SCORE
            score += np.float32(weights["location"]) * loc
        if "education" in weights and vacancy.nlqf_level is not None:
            lv = self.nlqf[:n].astype(np.float32)
            edu = np.where(lv >= vacancy.nlqf_level, 1.0, lv / vacancy.nlqf_level)
            edu = np.where(must_score >= EDUCATION_SUBSTITUTE, 1.0, edu).astype(np.float32)
            score += np.float32(weights["education"]) * edu
        if "text" in weights:
            sims = self.text_similarity(vacancy)
            assert sims is not None
            t = np.clip(
                (np.nan_to_num(sims, nan=TEXT_FLOOR) - TEXT_FLOOR) / (TEXT_CEIL - TEXT_FLOOR),
                0.0,
                1.0,
            )
            t[self.other_work[:n]] = 0.0
            score += np.float32(weights["text"]) * t.astype(np.float32)
        score[~self.active[:n]] = -np.inf
        return score

    def rank(self, vacancy: Vacancy, k: int = 20, explain: bool = True) -> list[RankedCandidate]:
        if not self.row_of:
            return []
        score = self.scores(vacancy)
        k = min(k, len(self.row_of))
        top = np.argpartition(-score, k - 1)[:k]
        top = top[np.lexsort((top, -score[top]))]
        out = []
        for row in top:
            cid = self.id_of[int(row)]
            assert cid is not None
            exp = (
                score_candidate(self.profiles[cid], vacancy, self.taxonomy, self.similarity)
                if explain
                else None
            )
            out.append(RankedCandidate(cid, round(float(score[row]), 6), exp))
        return out
