#!/usr/bin/env python3
"""Ranking speed/memory benchmark for talentbrug.matching.CandidateIndex.

Builds a synthetic index of N candidates (default 100,000; deterministic seed) whose skills are
drawn from the essential/optional skills of the ESCO ICT occupations, then ranks vacancies built
from the same occupations. Prints median/p95 ranking time (warm, one core) and memory, the time to save the index and to
load it plus the first ranking (what a restarted process does instead of a rebuild), and
writes var/bench/matching.json.

    .venv/bin/python bench/bench_matching.py [--n 100000] [--queries 50]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from talentbrug.matching.ranking import (  # noqa: E402
    CEFR_LEVELS,
    Candidate,
    CandidateIndex,
    LanguageRequirement,
    SkillRequirement,
    Vacancy,
)
from talentbrug.matching.taxonomy import Taxonomy  # noqa: E402

REGIONS = [
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]
TODAY = 739000


def synth_candidates(tax: Taxonomy, n: int, seed: int) -> list[Candidate]:
    rng = np.random.default_rng(seed)
    occs = sorted(tax.ict_occupations(), key=lambda o: o.id)
    out = []
    for i in range(n):
        occ = occs[int(rng.integers(len(occs)))]
        ess, opt = list(occ.essential), list(occ.optional)
        skills: dict[str, float] = {}
        if ess:
            for j in rng.choice(
                len(ess), size=min(len(ess), int(rng.integers(3, 13))), replace=False
            ):
                skills[ess[int(j)]] = float(rng.choice([0.6, 0.8, 1.0]))
        if opt:
            for j in rng.choice(
                len(opt), size=min(len(opt), int(rng.integers(0, 6))), replace=False
            ):
                skills[opt[int(j)]] = float(rng.choice([0.6, 0.8, 1.0]))
        nl = int(rng.choice([1, 2, 3, 3, 4, 4, 5, 6]))
        langs = {
            ("nl", s): CEFR_LEVELS[max(0, min(5, nl - 1 + int(rng.integers(-1, 2))))]
            for s in ("reading", "listening", "writing", "speaking")
        }
        if rng.random() < 0.7:
            langs.update(
                {("en", s): CEFR_LEVELS[int(rng.integers(1, 6))] for s in ("reading", "speaking")}
            )
        h = float(rng.choice([16, 24, 32, 36, 40]))
        out.append(
            Candidate(
                id=f"c{i:06d}",
                skills=skills,
                languages=langs,
                hours_min=h - 8,
                hours_max=h,
                available_day=TODAY + int(rng.integers(0, 120)),
                regions=frozenset(
                    rng.choice(REGIONS, size=int(rng.integers(1, 4)), replace=False).tolist()
                ),
                nlqf_level=int(rng.integers(1, 7)),
            )
        )
    return out


def synth_vacancies(tax: Taxonomy, q: int, seed: int) -> list[Vacancy]:
    rng = np.random.default_rng(seed + 1)
    occs = sorted(tax.ict_occupations(), key=lambda o: o.id)
    out = []
    for i in range(q):
        occ = occs[int(rng.integers(len(occs)))]
        ess = list(occ.essential) or list(occ.optional)
        pick = rng.choice(len(ess), size=min(len(ess), 8), replace=False)
        reqs = [SkillRequirement(ess[int(j)], must_have=k < 5) for k, j in enumerate(pick)]
        out.append(
            Vacancy(
                id=f"v{i}",
                skills=reqs,
                languages=[
                    LanguageRequirement("nl", "speaking", "B1", at_start=False),
                    LanguageRequirement("nl", "reading", "B1"),
                ],
                hours_min=32,
                hours_max=36,
                start_day=TODAY + 30,
                region=REGIONS[int(rng.integers(len(REGIONS)))],
                nlqf_level=4,
            )
        )
    return out


TEXT_DIM = 384  # multilingual-e5-small


def add_text_vectors(items: list[Any], seed: int) -> None:
    """Random unit vectors near a common direction (cosines ~0.7-0.9, like e5's)."""
    rng = np.random.default_rng(seed)
    base = rng.standard_normal(TEXT_DIM).astype(np.float32)
    for item in items:
        vec = base + 0.6 * rng.standard_normal(TEXT_DIM).astype(np.float32)
        item.text_vector = vec / np.linalg.norm(vec)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument(
        "--no-text",
        action="store_true",
        help="no text vectors (issue #20: by default every candidate and vacancy has one)",
    )
    args = ap.parse_args()
    tax = Taxonomy.load()
    t0 = time.perf_counter()
    cands = synth_candidates(tax, args.n, args.seed)
    if not args.no_text:
        add_text_vectors(cands, args.seed)
    t_gen = time.perf_counter() - t0
    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    index = CandidateIndex(taxonomy=tax, capacity=args.n)
    index.add_many(cands)
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    vacs = synth_vacancies(tax, args.queries, args.seed)
    if not args.no_text:
        add_text_vectors(vacs, args.seed + 2)
        # the product ranks with a reference ("ICT work in general"): the text part is the
        # contrast, two matrix-vector products per ranking
        reference = np.mean([v.text_vector for v in vacs], axis=0).astype(np.float32)
        for v in vacs:
            v.text_reference = reference
    index.rank(vacs[0], k=20)  # warm-up (taxonomy relations, code paths)
    for v in vacs:  # warm the per-skill relation caches like a running service would
        index.scores(v)
    _, peak_build = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    times, times_explain = [], []
    cpu_times = []
    for v in vacs:
        t0, c0 = time.perf_counter(), time.process_time()
        index.rank(v, k=20, explain=False)
        times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
        t0 = time.perf_counter()
        index.rank(v, k=20, explain=True)
        times_explain.append(time.perf_counter() - t0)
    _, peak_rank = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # update/remove without rebuild
    t0 = time.perf_counter()
    c = cands[123]
    index.update(Candidate(c.id, {**c.skills}, c.languages, 24, 32, c.available_day, c.regions, 4))
    index.remove(cands[456].id)
    index.add(cands[456])
    t_upd = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    # first ranking after a start: load the saved index instead of building it (issue #8)
    snap = ROOT / "var" / "bench" / "matching_index.npz"
    snap.parent.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    index.save(snap, "bench")
    t_save, c_save = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    loaded = CandidateIndex.load(snap, "bench", taxonomy=tax)
    assert loaded is not None
    first = loaded.rank(vacs[0], k=20)
    t_load, c_load = time.perf_counter() - t0, time.process_time() - c0
    assert [r.candidate_id for r in first] == [r.candidate_id for r in index.rank(vacs[0], k=20)]
    snap_bytes = snap.stat().st_size
    snap.unlink()

    def pct(xs: list[float], p: float) -> float:
        return sorted(xs)[min(len(xs) - 1, round(p * (len(xs) - 1)))] * 1000

    result = {
        "candidates": args.n,
        "queries": len(vacs),
        "seed": args.seed,
        "text_vectors": not args.no_text,
        "generate_s": round(t_gen, 2),
        "build_s": round(t_build, 2),
        "rank_ms_median": round(statistics.median(times) * 1000, 2),
        "rank_ms_p95": round(pct(times, 0.95), 2),
        # CPU time: what the ranking costs on a shared machine (wall time includes waiting)
        "rank_cpu_ms_median": round(statistics.median(cpu_times) * 1000, 2),
        "rank_explain_top20_ms_median": round(statistics.median(times_explain) * 1000, 2),
        "rank_explain_top20_ms_p95": round(pct(times_explain, 0.95), 2),
        "update_remove_add_ms": round(t_upd * 1000, 3),
        "index_array_bytes": index.memory_bytes(),
        "tracemalloc_peak_build_bytes": peak_build,
        "tracemalloc_peak_rank_bytes": peak_rank,
        "max_rss_bytes": rss,
        "snapshot_save_s": round(t_save, 2),
        "snapshot_save_cpu_s": round(c_save, 2),
        "snapshot_load_and_first_rank_s": round(t_load, 2),
        "snapshot_load_and_first_rank_cpu_s": round(c_load, 2),
        "snapshot_bytes": snap_bytes,
        "build_cpu_s": round(c_build, 2),
    }
    for k, v in result.items():
        print(f"{k:32s} {v}")
    out = ROOT / "var" / "bench" / "matching.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
