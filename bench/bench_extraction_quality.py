#!/usr/bin/env python3
"""Extraction quality per language through the product path (issue #20).

Reads every text of ``bench/data/extraction_labelled.json`` (CV-like texts in nl, en, ar, tr,
fa, ti with gold ESCO skills, languages and NLQF levels, traps included) with
``applications.services.extraction.read_text`` -- the function the apply flow, the CV reader and the
profile use -- and prints per language:

* skills: recall over the gold groups (a group is found when any of its ESCO ids is), precision
  over everything extracted (a skill counts as right when it is in a gold or an "ok" group);
  micro-averaged over the texts of that language;
* languages: recall/precision of (language, CEFR level) pairs, and of the language alone;
* education: NLQF levels found = gold levels (exact, per text);
* CPU time per text (model loaded, clause cache cleared before each text).

Two configurations: the product now (e5 in the loop) and words only
(``TALENTBRUG_EXTRACTION_MODEL=False``: the lexical stage that the product ran before #20).
Nothing is tuned here. The prototype threshold (0.88) and margins were chosen while building this
set, so the figures are development figures, not a held-out test (see docs/matching.md).

    .venv/bin/python bench/bench_extraction_quality.py [--json var/bench/extraction.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.test")
os.environ.setdefault("OMP_NUM_THREADS", "1")

DATA = ROOT / "bench" / "data" / "extraction_labelled.json"
LANGS = ("nl", "en", "ar", "tr", "fa", "ti")


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def evaluate(model: bool) -> dict[str, dict[str, float]]:
    from django.conf import settings

    from talentbrug.applications.services.extraction import read_text
    from talentbrug.matches import reader

    settings.TALENTBRUG_EXTRACTION_MODEL = model
    reader.profile_reader.cache_clear()
    reader.wait_for_model()  # like a Celery worker: reading waits for the model
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    groups = doc["groups"]
    read_text("warm up: Python")  # load the model and the lexicon outside the timing
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item in doc["texts"]:
        reader.profile_reader().extractor.clear_segment_cache()
        t0 = time.process_time()
        reading = read_text(item["text"])
        cpu = time.process_time() - t0
        found = {f.skill_id for f in reading.skills}
        allowed = {sid for k in item["skills"] + item["ok"] for sid in groups[k]}
        a = acc[item["lang"]]
        a["texts"] += 1
        a["cpu"] += cpu
        a["gold"] += len(item["skills"])
        a["gold_found"] += sum(1 for k in item["skills"] if set(groups[k]) & found)
        a["extracted"] += len(found)
        a["extracted_right"] += len(found & allowed)
        gold_lang = {(c, lv) for c, lv in item["languages"]}
        got_lang = {(f.language, f.level) for f in reading.languages}
        a["lang_gold"] += len(gold_lang)
        a["lang_got"] += len(got_lang)
        a["lang_right"] += len(gold_lang & got_lang)
        a["lang_code_right"] += len({c for c, _ in gold_lang} & {c for c, _ in got_lang})
        a["edu_right"] += sorted(item["education"]) == sorted(e.nlqf for e in reading.education)
    return acc


def two_page_cv_cpu(runs: int = 5) -> tuple[float, float, int]:
    """CPU seconds (median, max) to read the ~500-word two-page bench CV of
    bench_matching_extraction.py through the product path (the reader, with work titles
    normalised, and the whole-text vector for ranking), clause cache cleared each run."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_matching_extraction import CV
    from talentbrug.applications.services.extraction import read_text
    from talentbrug.matches import reader

    times = []
    skills = 0
    for _ in range(runs):
        reader.profile_reader().extractor.clear_segment_cache()
        t0 = time.process_time()
        skills = len(read_text(CV).skills)
        reader.text_meaning(CV)  # the text vector the task stores after reading (ranking)
        times.append(time.process_time() - t0)
    times.sort()
    return times[len(times) // 2], times[-1], skills


def summarise(acc: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    out = {}
    total: dict[str, float] = defaultdict(float)
    for lang in LANGS:
        for k, v in acc[lang].items():
            total[k] += v
    for lang, a in [*((lang, acc[lang]) for lang in LANGS), ("all", total)]:
        out[lang] = {
            "texts": a["texts"],
            "skill_recall": _ratio(a["gold_found"], a["gold"]),
            "skill_precision": _ratio(a["extracted_right"], a["extracted"]),
            "language_level_recall": _ratio(a["lang_right"], a["lang_gold"]),
            "language_level_precision": _ratio(a["lang_right"], a["lang_got"]),
            "language_recall": _ratio(a["lang_code_right"], a["lang_gold"]),
            "education_exact": _ratio(a["edu_right"], a["texts"]),
            "cpu_ms_per_text": 1000 * _ratio(a["cpu"], a["texts"]),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    import django

    django.setup()
    results = {}
    for name, model in (("product (e5 in the loop)", True), ("words only (e5 off)", False)):
        results[name] = summarise(evaluate(model))
    print(f"Extraction on {DATA.relative_to(ROOT)} via applications.services.extraction.read_text")
    head = "skill R / P   lang+level R / P   lang R   NLQF exact   CPU ms/text"
    for name, table in results.items():
        print(f"\n{name}\n  {'':4} {head}")
        for lang, r in table.items():
            print(
                f"  {lang:4} {r['skill_recall']:.2f} / {r['skill_precision']:.2f}"
                f"   {r['language_level_recall']:.2f} / {r['language_level_precision']:.2f}"
                f"        {r['language_recall']:.2f}     {r['education_exact']:.2f}"
                f"        {r['cpu_ms_per_text']:.0f}"
            )
    from django.conf import settings

    from talentbrug.matches import reader

    settings.TALENTBRUG_EXTRACTION_MODEL = True
    reader.profile_reader.cache_clear()
    med, worst, n = two_page_cv_cpu()
    print(
        f"\ntwo-page CV (~500 words) through the product path, e5 on, one thread: CPU median "
        f"{1000 * med:.0f} ms, max {1000 * worst:.0f} ms over 5 runs, {n} skills "
        f"(target < 1 s: {'met' if worst < 1 else 'NOT met'})"
    )
    results["two_page_cv_cpu_ms"] = {"median": 1000 * med, "max": 1000 * worst}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
