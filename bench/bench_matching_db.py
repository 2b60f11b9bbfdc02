#!/usr/bin/env python3
"""Matching through Django on seed_scale data, against a PostgreSQL full-text baseline.

1. Quality (always): on bench/data/matching_labelled.json (32 hand-graded vacancy-candidate
   pairs, Dutch and English, grades 0-3) each vacancy ranks its graded candidates; we report
   nDCG@10 of our ranking and, when DATABASE_URL is PostgreSQL, of the baseline: ts_rank over a
   tsvector ('dutch') of the candidate's skill labels, queried with the vacancy's skill labels
   (words OR-ed) — what a team would build without us.
2. Speed (when the database holds >= --min-candidates candidates, e.g. after
   ``make seed-scale``): build the warm index from the ORM, rank all candidates for
   --queries vacancies (median/p95, warm, one thread), rank through the service (own applicants
   + talent pool), update one candidate without a rebuild, and memory. On PostgreSQL the same
   vacancies through the full-text baseline (a GIN-indexed tsvector per candidate), as a time
   ratio. Elsewhere the baseline is skipped, and the script says so.

    DATABASE_URL=... .venv/bin/python bench/bench_matching_db.py [--queries 30]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.harness import Bench, percentile  # noqa: E402
from talentbrug.matching.ranking import (  # noqa: E402
    Candidate,
    CandidateIndex,
    LanguageRequirement,
    SkillRequirement,
    Vacancy,
)

LABELLED = ROOT / "bench" / "data" / "matching_labelled.json"
WORD = re.compile(r"\w+", re.UNICODE)


def ndcg_at(ranked_grades: list[int], all_grades: list[int], k: int = 10) -> float:
    def dcg(grades: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))

    ideal = dcg(sorted(all_grades, reverse=True))
    return dcg(ranked_grades) / ideal if ideal > 0 else 0.0


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def tsquery_text(labels: list[str]) -> str:
    words = sorted({w for label in labels for w in WORD.findall(label.lower()) if len(w) > 1})
    return " | ".join(words)


def label(tax, sid: str, lang: str) -> str:  # type: ignore[no-untyped-def]
    sk = tax.skills[sid]
    return sk.label_nl if lang == "nl" and sk.label_nl else sk.label_en


# ---------------------------------------------------------------------------- quality


def quality(bench: Bench) -> None:
    from talentbrug.matches.engine import taxonomy
    from talentbrug.matches.inputs import HOURS_SLACK

    tax = taxonomy()
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    ours, base = [], []
    pairs = sum(len(v["candidates"]) for v in data["vacancies"])
    for v in data["vacancies"]:
        vac = Vacancy(
            id=v["id"],
            skills=[SkillRequirement(s, True) for s in v["must"]]
            + [SkillRequirement(s, False) for s in v["learnable"]],
            languages=[
                LanguageRequirement(lang, skill, level, at_start=timing == "at_start")
                for lang, skill, level, timing in v["languages"]
            ],
            hours_min=v["hours"][0],
            hours_max=v["hours"][1],
            region=v["region"],
            remote=v["remote"],
        )
        index = CandidateIndex(taxonomy=tax)
        grade = {}
        for c in v["candidates"]:
            grade[c["id"]] = c["grade"]
            index.add(
                Candidate(
                    id=c["id"],
                    skills=dict.fromkeys(c["skills"], 1.0),
                    languages={
                        (lang, sk): level
                        for lang, level in c["languages"].items()
                        for sk in ("reading", "listening", "writing", "speaking")
                    },
                    hours_min=c["hours"] - HOURS_SLACK,
                    hours_max=c["hours"] + HOURS_SLACK,
                    regions=frozenset(c["regions"]),
                )
            )
        ranked = [r.candidate_id for r in index.rank(vac, k=len(grade), explain=False)]
        ours.append(ndcg_at([grade[cid] for cid in ranked], list(grade.values())))
        if is_postgres():
            labels = [label(tax, s, v["lang"]) for s in v["must"] + v["learnable"]]
            docs = [
                (c["id"], " ; ".join(label(tax, s, c["lang"]) for s in c["skills"]))
                for c in v["candidates"]
            ]
            with connection.cursor() as cur:
                cur.execute(
                    "SELECT id, ts_rank(to_tsvector('dutch', doc), to_tsquery('dutch', %s)) AS r "
                    "FROM (SELECT * FROM unnest(%s::text[], %s::text[]) AS t(id, doc)) d "
                    "ORDER BY r DESC, id",
                    [tsquery_text(labels), [d[0] for d in docs], [d[1] for d in docs]],
                )
                ranked_base = [row[0] for row in cur.fetchall()]
            base.append(ndcg_at([grade[cid] for cid in ranked_base], list(grade.values())))
    ours_ndcg = round(statistics.mean(ours), 3)
    figures = {"pairs": pairs, "vacancies": len(ours), "ndcg@10_ours": ours_ndcg}
    if base:
        figures["ndcg@10_postgres_fts"] = round(statistics.mean(base), 3)
        figures["quality_ratio_ours_vs_fts"] = round(
            ours_ndcg / max(1e-9, statistics.mean(base)), 2
        )
    else:
        figures["postgres_fts"] = "skipped (DATABASE_URL is not PostgreSQL)"
    bench.record("quality on hand-graded pairs", **figures)


# ---------------------------------------------------------------------------- speed


def speed(bench: Bench, queries: int, min_candidates: int) -> None:
    from django.db import DatabaseError

    from talentbrug.applications.models import Candidate as CandidateRow
    from talentbrug.matches import engine, services
    from talentbrug.matches.inputs import vacancy_input
    from talentbrug.vacancies.models import Vacancy as VacancyRow

    try:
        n = CandidateRow.objects.count()
    except DatabaseError:
        print("speed on seed_scale data: skipped (the database is not migrated)")
        return
    if n < min_candidates:
        print(
            f"speed on seed_scale data: skipped ({n} candidates in the database; "
            f"run `make seed-scale` or manage.py seed_scale first)"
        )
        return
    engine.reset_index()
    tracemalloc.start()
    t0 = time.perf_counter()
    index = engine.get_index()
    build_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    vacancies = list(
        VacancyRow.objects.filter(status="published", requirements__skill__isnull=False)
        .distinct()
        .order_by("pk")[:queries]
    )
    pures = [vacancy_input(v)[0] for v in vacancies]
    for p in pures:  # warm the per-skill relation caches, like a running service
        index.scores(p)
    times, times_explain, times_service = [], [], []
    for v, p in zip(vacancies, pures, strict=True):
        t = time.perf_counter()
        index.rank(p, k=20, explain=False)
        times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        index.rank(p, k=20, explain=True)
        times_explain.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        services.rank_candidates(v, store=False)
        times_service.append((time.perf_counter() - t) * 1000)
    cid = next(iter(index.row_of))
    t = time.perf_counter()
    engine.refresh_candidate(int(cid))
    update_ms = (time.perf_counter() - t) * 1000

    def stats(xs: list[float]) -> dict[str, float]:
        return {
            "median_ms": round(statistics.median(xs), 2),
            "p95_ms": round(percentile(xs, 0.95), 2),
        }

    bench.record(
        "index build from the ORM",
        candidates=len(index),
        seconds=round(build_s, 1),
        index_array_bytes=index.memory_bytes(),
        tracemalloc_peak_bytes=peak,
        database=connection.vendor,
    )
    bench.record("rank all candidates, top 20, no explanation", queries=len(pures), **stats(times))
    bench.record("rank all candidates, top 20 explained", **stats(times_explain))
    bench.record("service: applicants + pool, explained", **stats(times_service))
    bench.record("update one candidate (no rebuild)", ms=round(update_ms, 2))
    if not is_postgres():
        print("PostgreSQL full-text baseline: skipped (DATABASE_URL is not PostgreSQL)")
        return
    with connection.cursor() as cur:
        t = time.perf_counter()
        cur.execute("DROP TABLE IF EXISTS bench_candidate_fts")
        cur.execute(
            "CREATE TEMP TABLE bench_candidate_fts AS SELECT candidate_id, "
            "to_tsvector('dutch', string_agg(label, ' ; ')) AS doc FROM applications_candidateskill "
            "WHERE confirmed GROUP BY candidate_id"
        )
        cur.execute("CREATE INDEX ON bench_candidate_fts USING gin (doc)")
        cur.execute("ANALYZE bench_candidate_fts")
        fts_build = time.perf_counter() - t
        base_times = []
        for v in vacancies:
            labels = [
                r.skill.label("nl") for r in v.requirements.select_related("skill") if r.skill_id
            ]
            q = tsquery_text(labels)
            t = time.perf_counter()
            cur.execute(
                "SELECT candidate_id, ts_rank(doc, query) AS r FROM bench_candidate_fts, "
                "to_tsquery('dutch', %s) query WHERE doc @@ query ORDER BY r DESC LIMIT 20",
                [q],
            )
            cur.fetchall()
            base_times.append((time.perf_counter() - t) * 1000)
    bench.record("postgres full-text: build tsvector table + GIN", seconds=round(fts_build, 1))
    bench.record("postgres full-text: ts_rank top 20", **stats(base_times))
    bench.record(
        "time ratio (postgres fts / ours, median)",
        no_explanation=round(statistics.median(base_times) / statistics.median(times), 2),
        explained=round(statistics.median(base_times) / statistics.median(times_explain), 2),
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--min-candidates", type=int, default=10_000)
    args = ap.parse_args()
    bench = Bench("matching_db")
    quality(bench)
    speed(bench, args.queries, args.min_candidates)
    bench.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
