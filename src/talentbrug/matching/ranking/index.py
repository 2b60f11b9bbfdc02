"""The numpy candidate index: column arrays, postings, vectorised scoring."""

from __future__ import annotations

import os
from collections.abc import Iterable, MutableMapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..taxonomy import Taxonomy
from .model import (
    COACH_CREDIT,
    COACH_MAX_GAP,
    EDUCATION_SUBSTITUTE,
    LANG_SKILLS,
    OTHER_REGION_SCORE,
    TEXT_CEIL,
    TEXT_CONTRAST_CEIL,
    TEXT_CONTRAST_EVIDENCE,
    TEXT_CONTRAST_FLOOR,
    TEXT_EVIDENCE,
    TEXT_FLOOR,
    UNKNOWN_LANGUAGE_CREDIT,
    UNKNOWN_REGION_SCORE,
    Candidate,
    RankedCandidate,
    SkillRequirement,
    SkillSimilarity,
    Vacancy,
    cefr_rank,
)
from .postings import Posting
from .scoring import credit_map, effective_weights, score_candidate
from .snapshot import load_index, save_index


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
        self.postings: dict[str, Posting] = {}
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
            self.postings.setdefault(sid, Posting()).add(row, float(strength))

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
        save_index(self, path, version)

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
        return load_index(cls, path, version, taxonomy=taxonomy, similarity=similarity)

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

    def text_contrast(self, vacancy: Vacancy) -> NDArray[np.float32] | None:
        """Cosine with the vacancy text minus cosine with the vacancy's reference ("ICT work
        in general") for every row (nan: no text); None without a vacancy text or reference."""
        if vacancy.text_vector is None or vacancy.text_reference is None:
            return None
        n = self._n
        if self.text is None:
            return np.full(n, np.nan, np.float32)
        direction = np.asarray(vacancy.text_vector, np.float32) - np.asarray(
            vacancy.text_reference, np.float32
        )
        contrast = self.text[:n] @ direction
        contrast[~self.has_text[:n]] = np.nan
        return contrast

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
            text_found = np.nan_to_num(sims, nan=-1.0) >= TEXT_EVIDENCE
            contrast = self.text_contrast(vacancy)
            if contrast is not None:
                text_found |= np.nan_to_num(contrast, nan=-1.0) >= TEXT_CONTRAST_EVIDENCE
            found |= text_found & ~other
        return found

    def scores(self, vacancy: Vacancy) -> NDArray[np.float32]:
        """Score of every row (``-inf`` for free rows)."""
        n = self._n
        weights, _ = effective_weights(vacancy)
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
            contrast = self.text_contrast(vacancy)
            sims = contrast if contrast is not None else self.text_similarity(vacancy)
            floor, ceil = (
                (TEXT_CONTRAST_FLOOR, TEXT_CONTRAST_CEIL)
                if contrast is not None
                else (TEXT_FLOOR, TEXT_CEIL)
            )
            assert sims is not None
            t = np.clip((np.nan_to_num(sims, nan=floor) - floor) / (ceil - floor), 0.0, 1.0)
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
