"""Smoke run of ``bench/bench_ranking_quality.py`` (issue #20): the bench's product path --
candidate texts through the reader the product uses, vacancies ranked by
``matches.services.rank_candidates`` -- runs inside the test database on a few candidates, and
the trap rule holds on one case. The e5 model stays off (as in every test): words only."""

from __future__ import annotations

import pytest
from bench import bench_ranking_quality as bench

pytestmark = pytest.mark.django_db

SYSADMIN = "V2-systeembeheer"
# nl02: a Dutch system administrator; nl08: an installer of "systeemplafonds" (a trap for
# system administration); en10: a cook; nl01: a servicedesk employee.
CANDIDATES = ["nl01", "nl02", "nl08", "en10"]


def test_set_is_graded_and_split_before_tuning():
    doc = bench.load()
    assert len(doc["vacancies"]) >= 8
    langs = {c["lang"] for c in doc["candidates"]}
    assert langs == set(bench.LANGS)
    for half in bench.HALVES:
        assert sum(c["half"] == half for c in doc["candidates"]) >= 30
    for cand in doc["candidates"]:
        grades = doc["profiles"][cand["profile"]]["grades"]
        assert set(grades) == {v["id"] for v in doc["vacancies"]}
        assert set(grades.values()) <= {0, 1, 2, 3}
    assert any(p.get("trap_for") for p in doc["profiles"].values())


def test_product_path_ranks_and_puts_the_trap_below_the_relevant():
    out = bench.run(model=False, vacancy_ids=[SYSADMIN], candidate_ids=CANDIDATES, baselines=False)
    order = out["orders"]["product"][SYSADMIN]
    assert sorted(order) == sorted(CANDIDATES)
    doc = bench.load()
    by_id = {c["id"]: c for c in doc["candidates"]}
    assert bench.trap_violations(doc, SYSADMIN, [by_id[c] for c in order]) == []
    assert order.index("nl02") < order.index("en10")  # the administrator above the cook


def test_trap_rule_and_ndcg_catch_a_bad_order():
    doc = bench.load()
    by_id = {c["id"]: c for c in doc["candidates"]}
    bad = [by_id[c] for c in ["nl08", "en10", "nl01", "nl02"]]
    assert bench.trap_violations(doc, SYSADMIN, bad) == ["nl08 above nl01", "nl08 above nl02"]
    grades = [bench.grade(doc, c, SYSADMIN) for c in bad]
    assert bench.ndcg_at(grades) < bench.ndcg_at(sorted(grades, reverse=True)) == 1.0
