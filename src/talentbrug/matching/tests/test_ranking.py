from __future__ import annotations

import json

import numpy as np
import pytest

from talentbrug.matching.ranking import (
    Candidate,
    CandidateIndex,
    EmbeddingSkillSimilarity,
    LanguageRequirement,
    SkillRequirement,
    Vacancy,
    cefr_rank,
    score_candidate,
)
from talentbrug.matching.taxonomy import Taxonomy

JAVA = "19a8293b-8e95-4de3-983f-77484079c389"
PYTHON = "ccd0a1d9-afda-43d9-b901-96344886e14d"
SQL = "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
ADMIN_ICT = "0868eef3-2213-4572-9343-74931345a7d3"
TEAMS = "60c78287-22eb-4103-9c8c-28deaa460da0"

NL_B1 = [
    LanguageRequirement("nl", "reading", "B1"),
    LanguageRequirement("nl", "speaking", "B1", at_start=False),
]


def vacancy(**kw: object) -> Vacancy:
    base: dict[str, object] = {
        "id": "v1",
        "skills": [SkillRequirement(JAVA), SkillRequirement(SQL), SkillRequirement(TEAMS, False)],
        "languages": NL_B1,
        "hours_min": 32,
        "hours_max": 36,
        "start_day": 1000,
        "region": "Utrecht",
        "nlqf_level": 4,
    }
    base.update(kw)
    return Vacancy(**base)  # type: ignore[arg-type]


def cand(cid: str, skills: dict[str, float], nl: str = "B1", **kw: object) -> Candidate:
    langs = {("nl", s): nl for s in ("reading", "listening", "writing", "speaking")}
    base: dict[str, object] = {
        "hours_min": 32,
        "hours_max": 40,
        "available_day": 990,
        "regions": frozenset({"Utrecht"}),
        "nlqf_level": 3,
    }
    base.update(kw)
    return Candidate(cid, skills, langs, **base)  # type: ignore[arg-type]


def test_cefr_rank() -> None:
    assert cefr_rank("B1") == 3 and cefr_rank("c2") == 6 and cefr_rank(None) == 0


def test_exact_partial_and_missing_are_explained(tax: Taxonomy) -> None:
    v = vacancy()
    full = score_candidate(cand("a", {JAVA: 1.0, SQL: 1.0, TEAMS: 1.0}), v, tax)
    partial = score_candidate(cand("b", {PYTHON: 1.0, SQL: 1.0}), v, tax)
    none = score_candidate(cand("c", {}), v, tax)
    assert full.score > partial.score > none.score
    assert [m["skill_id"] for m in partial.partly_matched] == [JAVA]
    pm = partial.partly_matched[0]
    assert pm["via_skill_id"] == PYTHON and pm["relation"] == "sibling" and 0 < pm["credit"] < 1
    assert [m["skill_id"] for m in partial.missing_learnable] == [TEAMS]
    assert {m["skill_id"] for m in none.missing_must_have} == {JAVA, SQL}
    data = json.loads(partial.to_json())
    assert data["components"]["must_have"] == pytest.approx(0.75)
    # learnable skills never knock out: missing them costs at most their weight
    assert full.score - score_candidate(cand("d", {JAVA: 1.0, SQL: 1.0}), v, tax).score <= 0.11


def test_language_coach_is_partial_not_fail(tax: Taxonomy) -> None:
    v = vacancy(skills=[])
    a2 = score_candidate(cand("x", {}, nl="A2"), v, tax)
    statuses = {(x["skill"], x["status"]) for x in a2.languages}
    assert ("speaking", "with_coach") in statuses and ("reading", "below") in statuses
    assert a2.components["language"] == pytest.approx(0.3)
    assert score_candidate(cand("y", {}, nl="B2"), v, tax).components["language"] == 1.0


def test_vacancy_without_requirements_ranks_on_other_signals(tax: Taxonomy) -> None:
    v = vacancy(skills=[])
    near = score_candidate(cand("n", {}), v, tax)
    far = score_candidate(
        cand("f", {}, regions=frozenset({"Limburg"}), hours_min=8, hours_max=16), v, tax
    )
    assert near.score > far.score
    assert any("no skill requirements" in n for n in near.notes)
    assert "must_have" not in near.weights and sum(near.weights.values()) == pytest.approx(1.0)


def test_education_is_substitutable(tax: Taxonomy) -> None:
    v = vacancy()
    skilled = score_candidate(cand("s", {JAVA: 1.0, SQL: 1.0}, nlqf_level=2), v, tax)
    assert skilled.components["education"] == 1.0
    unskilled = score_candidate(cand("u", {}, nlqf_level=2), v, tax)
    assert unskilled.components["education"] == pytest.approx(0.5)


def test_index_agrees_with_scorer_and_supports_updates(tax: Taxonomy) -> None:
    idx = CandidateIndex(taxonomy=tax, capacity=2)
    people = [
        cand("a", {JAVA: 1.0, SQL: 1.0, TEAMS: 0.8}),
        cand("b", {PYTHON: 1.0, SQL: 0.6}, nl="A2"),
        cand("c", {}, regions=frozenset({"Limburg"})),
        cand("d", {SQL: 1.0}, hours_min=None, hours_max=None, available_day=None),
    ]
    idx.add_many(people)
    v = vacancy()
    ranked = idx.rank(v, k=4)
    assert ranked[0].candidate_id == "a"
    for r in ranked:
        assert r.explanation is not None
        assert r.score == pytest.approx(r.explanation.score, abs=1e-5)
    # update: c learns Java -> moves up; remove a; re-add reuses the row
    idx.update(cand("c", {JAVA: 1.0, SQL: 1.0, TEAMS: 1.0}, regions=frozenset({"Utrecht"})))
    idx.remove("a")
    assert "a" not in idx and len(idx) == 3
    assert idx.rank(v, k=1)[0].candidate_id == "c"
    assert JAVA in idx.postings and idx.postings[JAVA].size == 1
    idx.add(cand("e", {JAVA: 1.0}))
    assert len(idx) == 4 and idx.row_of["e"] == 0  # freed row of "a" reused
    scores = idx.scores(v)
    assert np.isfinite(scores).sum() == 4


def test_embedding_similarity_gives_partial_credit() -> None:
    vecs = np.array([[1, 0, 0], [0.96, 0.28, 0], [0, 1, 0]], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sim = EmbeddingSkillSimilarity(["a", "b", "c"], vecs, threshold=0.9)
    v = Vacancy("v", skills=[SkillRequirement("a")])
    exp = score_candidate(Candidate("x", {"b": 1.0}), v, None, sim)
    assert exp.partly_matched[0]["relation"] == "embedding"
    assert 0.3 <= exp.components["must_have"] <= 0.6
    assert score_candidate(Candidate("y", {"c": 1.0}), v, None, sim).components["must_have"] == 0


def test_index_saved_and_loaded_ranks_and_updates_the_same(tax: Taxonomy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    idx = CandidateIndex(taxonomy=tax, capacity=2)
    idx.add_many(
        [
            cand("a", {JAVA: 1.0, SQL: 0.6}),
            cand("b", {PYTHON: 1.0, SQL: 0.8}, nl="A2", regions=frozenset({"Utrecht", "Limburg"})),
            cand("c", {}, hours_min=None, hours_max=None, available_day=None, nlqf_level=None),
            cand("d", {SQL: 1.0}),
        ]
    )
    idx.remove("d")
    path = tmp_path / "idx.npz"
    idx.save(path, version="v1")
    assert CandidateIndex.load(path, "v2", taxonomy=tax) is None  # other content version
    assert CandidateIndex.load(tmp_path / "missing.npz") is None
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    assert CandidateIndex.load(tmp_path / "junk.npz") is None
    loaded = CandidateIndex.load(path, "v1", taxonomy=tax)
    assert loaded is not None and len(loaded) == 3 and "d" not in loaded
    for name in ("a", "b", "c"):
        assert loaded.profiles[name] == idx.profiles[name]
    v = vacancy()
    assert np.array_equal(loaded.scores(v), idx.scores(v))
    assert [(r.candidate_id, r.score, r.explanation) for r in loaded.rank(v, k=3)] == [
        (r.candidate_id, r.score, r.explanation) for r in idx.rank(v, k=3)
    ]
    # a loaded index still updates one row at a time and reuses freed rows
    loaded.update(cand("c", {JAVA: 1.0, SQL: 1.0, TEAMS: 1.0}))
    loaded.remove("a")
    loaded.add(cand("e", {JAVA: 1.0}))
    assert loaded.rank(v, k=1)[0].candidate_id == "c"
    assert set(loaded.profiles) == {"b", "c", "e"} and len(loaded) == 3


def test_an_unknown_language_level_is_unknown_not_too_far(tax: Taxonomy) -> None:
    """Issue #20: no level given is shown as unknown and scored between "too far" and "within
    a coach's reach"; the index ranks it the same way as the explanation."""
    from talentbrug.matches.describe import language_line
    from talentbrug.matching.ranking import CandidateIndex
    from talentbrug.matching.ranking.model import UNKNOWN_LANGUAGE_CREDIT

    v = vacancy(skills=[], languages=[LanguageRequirement("nl", "speaking", "B2", at_start=False)])
    unknown = Candidate("u", {}, {}, 32, 40, 990, frozenset({"Utrecht"}), 3)
    exp = score_candidate(unknown, v, tax)
    assert {x["status"] for x in exp.languages} == {"unknown"}
    assert exp.components["language"] == pytest.approx(UNKNOWN_LANGUAGE_CREDIT)
    line = language_line(exp.languages[0])
    assert "niet bekend" in line and "te ver" not in line
    far = score_candidate(cand("f", {}, nl="A1"), v, tax)
    coach = score_candidate(cand("c", {}, nl="B1"), v, tax)
    assert far.components["language"] < exp.components["language"] < coach.components["language"]

    index = CandidateIndex(tax)
    index.add_many([unknown, cand("f", {}, nl="A1")])
    ranked = {r.candidate_id: r.score for r in index.rank(v, k=2, explain=False)}
    assert ranked["u"] == pytest.approx(exp.score, abs=1e-4)
    assert ranked["u"] > ranked["f"]


def test_an_unconfirmed_skill_counts_less_and_says_so(tax: Taxonomy) -> None:
    from talentbrug.matches.describe import describe

    v = vacancy(skills=[SkillRequirement(JAVA), SkillRequirement(SQL)])
    confirmed = score_candidate(cand("c", {JAVA: 1.0, SQL: 1.0}), v, tax)
    found = score_candidate(cand("f", {JAVA: 0.5, SQL: 1.0}), v, tax)
    nothing = score_candidate(cand("n", {SQL: 1.0}), v, tax)
    assert confirmed.score > found.score > nothing.score
    matched = describe(json.loads(found.to_json())).matched
    assert any("nog niet bevestigd" in line and line.startswith("Java") for line in matched)
    assert "SQL" in matched


# -- the text part (issue #20) ---------------------------------------------------------------


def _unit(*values: float) -> np.ndarray:
    vec = np.asarray(values, np.float32)
    return vec / np.linalg.norm(vec)


def test_text_part_is_blended_in_and_shown_as_its_own_part(tax: Taxonomy) -> None:
    from talentbrug.matching.ranking import model, scoring

    q = _unit(1, 0, 0)
    plain = vacancy()
    with_text = vacancy(text_vector=q)
    close = cand("a", {JAVA: 1.0}, text_vector=_unit(0.9, 0.3, 0.0))  # cosine ~0.95
    before = score_candidate(close, plain, tax)
    after = score_candidate(close, with_text, tax)
    assert after.weights["text"] == model.TEXT_WEIGHT
    assert sum(after.weights.values()) == pytest.approx(1.0)
    assert after.components["text"] == 1.0  # above TEXT_CEIL
    assert after.score == pytest.approx(
        (1 - model.TEXT_WEIGHT) * before.score + model.TEXT_WEIGHT, abs=1e-5
    )
    assert after.text["evidence"] is True and after.text["similarity"] > 0.9
    # a candidate without any text gets 0 for the part, and the explanation says so
    silent = score_candidate(cand("b", {JAVA: 1.0}), with_text, tax)
    assert silent.components["text"] == 0.0 and silent.text["similarity"] is None
    assert scoring.text_credit(model.TEXT_FLOOR) == 0.0
    assert scoring.text_credit((model.TEXT_FLOOR + model.TEXT_CEIL) / 2) == pytest.approx(0.5)


def test_text_resembling_the_vacancy_is_evidence_but_not_for_other_work(tax: Taxonomy) -> None:
    from talentbrug.matching.ranking import has_skill_evidence

    q = _unit(1, 0, 0)
    v = vacancy(text_vector=q)
    nothing_found = cand("ti", {}, text_vector=_unit(0.95, 0.3, 0.0))  # e.g. a Tigrinya CV
    trap = cand("ceil", {JAVA: 0.4}, text_vector=_unit(0.95, 0.3, 0.0), other_work=True)
    confirmed_other = cand("conf", {JAVA: 1.0}, other_work=True)
    far = cand("far", {}, text_vector=_unit(0.0, 1.0, 0.0))
    exp = {
        c.id: score_candidate(c, v, tax).to_dict()
        for c in (nothing_found, trap, confirmed_other, far)
    }
    assert has_skill_evidence(exp["ti"])  # the text resembles the vacancy
    assert not has_skill_evidence(exp["ceil"])  # found words, other work: not evidence
    assert exp["ceil"]["components"]["text"] == 0.0 and exp["ceil"]["text"]["other_work"]
    assert has_skill_evidence(exp["conf"])  # a confirmed skill stays evidence
    assert not has_skill_evidence(exp["far"])
    # the index agrees: scores and evidence
    idx = CandidateIndex(taxonomy=tax, capacity=2)
    idx.add_many([nothing_found, trap, confirmed_other, far])
    scores = idx.scores(v)
    evidence = idx.skill_evidence(v)
    for c in (nothing_found, trap, confirmed_other, far):
        row = idx.row_of[c.id]
        assert scores[row] == pytest.approx(exp[c.id]["score"], abs=1e-5)
        assert bool(evidence[row]) == has_skill_evidence(exp[c.id])


def test_index_with_text_vectors_saves_loads_and_updates(tax: Taxonomy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    v = vacancy(text_vector=_unit(1, 0, 0))
    idx = CandidateIndex(taxonomy=tax, capacity=2)
    idx.add_many(
        [
            cand("a", {JAVA: 1.0}, text_vector=_unit(1, 1, 0)),
            cand("b", {}, text_vector=_unit(1, 0.1, 0), other_work=True),
            cand("c", {SQL: 1.0}),
        ]
    )
    path = tmp_path / "idx.npz"
    idx.save(path, version="t")
    loaded = CandidateIndex.load(path, "t", taxonomy=tax)
    assert loaded is not None
    assert np.allclose(loaded.scores(v), idx.scores(v), atol=1e-3)  # stored as float16
    assert loaded.profiles["b"].other_work and loaded.profiles["c"].text_vector is None
    loaded.update(cand("c", {SQL: 1.0}, text_vector=_unit(1, 0, 0)))
    assert loaded.rank(v, k=3)[0].candidate_id in {"a", "c"}
    assert loaded.text_similarity(v)[loaded.row_of["c"]] == pytest.approx(1.0, abs=1e-3)


def test_with_a_reference_the_text_part_is_the_contrast_and_a_language_offset_does_not_win(
    tax: Taxonomy,
) -> None:
    """e5 puts every text of some languages further from every Dutch text. Two candidates
    about the same work: one in "Dutch" (close to everything, including ICT work in general),
    one in "Tigrinya" (further from everything, but further from the general ICT reference
    still). The plain cosine ranks the Dutch generalist first; the contrast ranks the one whose
    text is about *this* job first, in the index and in the single scorer alike."""
    from talentbrug.matching.ranking import has_skill_evidence, model, scoring

    job = _unit(1, 0, 0, 0)
    general_ict = _unit(0.8, 0.6, 0, 0)  # ICT work in general is itself close to the job
    generalist = cand("nl", {}, text_vector=_unit(0.8, 0.6, 0, 0.1))  # cos 0.79, like any ICT job
    specialist = cand("ti", {}, text_vector=_unit(0.78, 0.1, 0, 0.62))  # cos 0.78, this job
    plain = vacancy(text_vector=job)
    contrast = vacancy(text_vector=job, text_reference=general_ict)

    def order(v: Vacancy) -> list[str]:
        idx = CandidateIndex(taxonomy=tax, capacity=2)
        idx.add_many([generalist, specialist])
        return [r.candidate_id for r in idx.rank(v, k=2)]

    assert order(plain) == ["nl", "ti"]  # the cosine alone: the offset decides
    assert order(contrast) == ["ti", "nl"]
    single = {c.id: score_candidate(c, contrast, tax) for c in (generalist, specialist)}
    assert single["ti"].score > single["nl"].score
    assert single["ti"].text["contrast"] == pytest.approx(
        float(np.asarray(specialist.text_vector) @ (job - general_ict)), abs=1e-3
    )
    assert single["ti"].components["text"] == 1.0 and single["ti"].text["evidence"] is True
    assert has_skill_evidence(single["ti"].to_dict())
    idx = CandidateIndex(taxonomy=tax, capacity=2)
    idx.add_many([generalist, specialist])
    ranked = {r.candidate_id: r.score for r in idx.rank(contrast, k=2, explain=False)}
    assert ranked["ti"] == pytest.approx(single["ti"].score, abs=1e-4)
    assert ranked["nl"] == pytest.approx(single["nl"].score, abs=1e-4)
    assert scoring.text_credit(0.9, model.TEXT_CONTRAST_FLOOR) == 0.0
    assert scoring.text_credit(0.0, model.TEXT_CONTRAST_CEIL) == 1.0
