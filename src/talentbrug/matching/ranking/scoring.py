"""Scoring one candidate against one vacancy, with its audit explanation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..taxonomy import Taxonomy
from .model import (
    CEFR_LEVELS,
    COACH_CREDIT,
    COACH_MAX_GAP,
    EDUCATION_SUBSTITUTE,
    OTHER_REGION_SCORE,
    TEXT_CEIL,
    TEXT_CONTRAST_CEIL,
    TEXT_CONTRAST_EVIDENCE,
    TEXT_CONTRAST_FLOOR,
    TEXT_EVIDENCE,
    TEXT_FLOOR,
    TEXT_WEIGHT,
    UNKNOWN_LANGUAGE_CREDIT,
    UNKNOWN_REGION_SCORE,
    WEIGHTS,
    Candidate,
    Explanation,
    SkillSimilarity,
    Vacancy,
    cefr_rank,
)

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


def effective_weights(vacancy: Vacancy) -> tuple[dict[str, float], list[str]]:
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


def text_credit(similarity: float, contrast: float | None = None) -> float:
    """The text part: from the contrast with the reference when there is one (0 at
    ``TEXT_CONTRAST_FLOOR``, 1 at ``TEXT_CONTRAST_CEIL``), else from the e5 cosine (0 at
    ``TEXT_FLOOR``, 1 at ``TEXT_CEIL``)."""
    if contrast is not None:
        span = TEXT_CONTRAST_CEIL - TEXT_CONTRAST_FLOOR
        return min(1.0, max(0.0, (contrast - TEXT_CONTRAST_FLOOR) / span))
    return min(1.0, max(0.0, (similarity - TEXT_FLOOR) / (TEXT_CEIL - TEXT_FLOOR)))


def text_is_evidence(similarity: float, contrast: float | None = None) -> bool:
    """The text itself is evidence for the vacancy's work: very like the vacancy, or (with a
    reference) clearly more like this vacancy than like ICT work in general."""
    return similarity >= TEXT_EVIDENCE or (
        contrast is not None and contrast >= TEXT_CONTRAST_EVIDENCE
    )


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
    weights, notes = effective_weights(vacancy)
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
        sim: float | None = None
        contrast: float | None = None
        if candidate.text_vector is not None:
            sim = float(np.dot(vacancy.text_vector, candidate.text_vector))
            if vacancy.text_reference is not None:
                contrast = sim - float(np.dot(vacancy.text_reference, candidate.text_vector))
        comp["text"] = 0.0 if sim is None or candidate.other_work else text_credit(sim, contrast)
        exp.text = {
            "similarity": None if sim is None else round(sim, 4),
            "contrast": None if contrast is None else round(contrast, 4),
            "evidence": sim is not None
            and not candidate.other_work
            and text_is_evidence(sim, contrast),
            "other_work": candidate.other_work,
        }
    elif candidate.other_work:
        exp.text = {"similarity": None, "evidence": False, "other_work": True}
    exp.score = round(sum(weights[k] * comp.get(k, 0.0) for k in weights), 6)
    exp.components = {k: round(v, 6) for k, v in comp.items()}
    return exp
