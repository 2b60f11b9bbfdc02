"""Benchmark of talentbrug.docanalysis.

1. ``analyse()`` on a few hundred generated documents (TXT, CSV, DOCX, XLSX, PPTX, ODT, PDF,
   EML with attachment), timed per document.
2. Near-duplicate search: 10,000 MinHash signatures (with planted near-duplicates) in a
   ``NearDuplicateIndex``; times signature computation, indexing, queries and all-pairs search,
   and checks that the planted near-duplicates are found.

Usage::

    .venv/bin/python bench/bench_docanalysis.py [--docs 300] [--signatures 10000] [--seed 1]

Prints median and p95 and writes JSON to var/bench/docanalysis.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from talentbrug.docanalysis import (  # noqa: E402
    NearDuplicateIndex,
    analyse,
    minhash_signature,
)
from talentbrug.docanalysis.tests import samples  # noqa: E402

WORDS = (  # noqa: SIM905
    "archief besluit bewaren vernietigen selectielijst termijn dossier informatie beleid overleg "
    "verslag notitie ministerie directie afdeling team project planning budget risico advies wet "
    "regeling openbaarheid verzoek bezwaar procedure medewerker functie vacature sollicitatie "
    "opleiding stage praktijk begeleiding evaluatie servicedesk netwerk server laptop licentie "
    "beveiliging incident wijziging release documentatie inwerken mentor taal niveau rooster"
).split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def paragraphs(rng: random.Random, count: int) -> list[str]:
    return [sentence(rng, rng.randint(8, 25)) for _ in range(count)]


def make_documents(rng: random.Random, n: int) -> list[tuple[str, bytes]]:
    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("txt", lambda: "\n".join(paragraphs(rng, 40)).encode()),
        (
            "csv",
            lambda: "\n".join(
                f"{i};{rng.choice(WORDS)};{rng.randint(1, 9999)}" for i in range(300)
            ).encode(),
        ),
        ("docx", lambda: samples.make_docx(paragraphs(rng, 30))),
        (
            "xlsx",
            lambda: samples.make_xlsx(
                [[rng.choice(WORDS), rng.randint(1, 1000), rng.random()] for _ in range(200)]
            ),
        ),
        ("pptx", lambda: samples.make_pptx([(sentence(rng, 3), sentence(rng, 20))] * 5)),
        ("odt", lambda: samples.make_odt(paragraphs(rng, 30))),
        ("pdf", lambda: samples.make_pdf(paragraphs(rng, 40))),
        (
            "eml",
            lambda: samples.make_eml(
                "\n".join(paragraphs(rng, 10)),
                attachments=[("bijlage.docx", samples.make_docx(paragraphs(rng, 10)), _DOCX)],
            ),
        ),
    ]
    docs = []
    for i in range(n):
        ext, make = makers[i % len(makers)]
        docs.append((f"doc{i}.{ext}", make()))
    return docs


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values_s: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values_s]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(pct(ms, 95), 3),
        "max_ms": round(max(ms), 3),
        "total_s": round(sum(values_s), 3),
    }


def bench_analyse(rng: random.Random, n: int) -> dict[str, Any]:
    docs = make_documents(rng, n)
    per_type: dict[str, list[float]] = {}
    all_times: list[float] = []
    errors = 0
    for name, data in docs:
        start = time.perf_counter()
        result = analyse(data, name=name)
        elapsed = time.perf_counter() - start
        errors += bool(result.errors)
        all_times.append(elapsed)
        per_type.setdefault(name.rsplit(".", 1)[1], []).append(elapsed)
    return {
        "documents": n,
        "documents_with_errors": errors,
        "bytes_total": sum(len(d) for _, d in docs),
        "overall": summary(all_times),
        "per_type": {k: summary(v) for k, v in sorted(per_type.items())},
    }


def bench_near_duplicates(rng: random.Random, n: int) -> dict[str, Any]:
    planted = n // 100  # 1 % of the documents are modified copies of another one
    texts: list[str] = [
        " ".join(rng.choice(WORDS) + str(rng.randint(0, 40)) for _ in range(rng.randint(80, 250)))
        for _ in range(n - planted)
    ]
    expected: set[tuple[int, int]] = set()
    copies_of: dict[int, list[int]] = {}
    for j in range(planted):
        source = rng.randrange(n - planted)  # an original, not a copy
        words = texts[source].split()
        for _ in range(max(1, len(words) // 50)):  # change about 2 % of the words
            words[rng.randrange(len(words))] = "gewijzigd" + str(rng.randint(0, 9))
        texts.append(" ".join(words))
        copy = n - planted + j
        # copies of the same source are near-duplicates of each other as well
        expected.update((other, copy) for other in copies_of.get(source, []))
        copies_of.setdefault(source, [source]).append(copy)
        expected.add((source, copy))

    sig_times: list[float] = []
    signatures = []
    for text in texts:
        start = time.perf_counter()
        signatures.append(minhash_signature(text))
        sig_times.append(time.perf_counter() - start)

    index = NearDuplicateIndex(threshold=0.7)
    start = time.perf_counter()
    for i, sig in enumerate(signatures):
        index.add(i, sig)
    index_s = time.perf_counter() - start

    query_times: list[float] = []
    for i in rng.sample(range(n), 500):
        start = time.perf_counter()
        index.query(signatures[i])
        query_times.append(time.perf_counter() - start)

    start = time.perf_counter()
    pairs = index.pairs()
    pairs_s = time.perf_counter() - start
    found: set[tuple[int, int]] = set()
    for a, b, _ in pairs:
        x, y = cast(int, a), cast(int, b)
        found.add((min(x, y), max(x, y)))
    expected_norm = {(min(a, b), max(a, b)) for a, b in expected}
    recall = len(found & expected_norm) / len(expected_norm) if expected_norm else 1.0
    return {
        "signatures": n,
        "planted_near_duplicate_pairs": len(expected_norm),
        "pairs_found": len(found),
        "planted_recall": round(recall, 4),
        "pairs_not_planted": len(found - expected_norm),
        "signature": summary(sig_times),
        "index_build_s": round(index_s, 3),
        "query": summary(query_times),
        "all_pairs_s": round(pairs_s, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--signatures", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "docanalysis.json")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    analyse_res = bench_analyse(rng, args.docs)
    o = analyse_res["overall"]
    print(f"analyse(): {args.docs} documents, {analyse_res['bytes_total'] / 1e6:.1f} MB")
    print(f"  overall   median {o['median_ms']:8.2f} ms   p95 {o['p95_ms']:8.2f} ms")
    for kind, s in analyse_res["per_type"].items():
        print(f"  {kind:<8}  median {s['median_ms']:8.2f} ms   p95 {s['p95_ms']:8.2f} ms")
    print(f"  documents with errors: {analyse_res['documents_with_errors']}")

    dup = bench_near_duplicates(rng, args.signatures)
    planted_pairs = dup["planted_near_duplicate_pairs"]
    print(f"near-duplicates: {dup['signatures']} signatures, {planted_pairs} planted pairs")
    s = dup["signature"]
    print(f"  signature median {s['median_ms']:.3f} ms  p95 {s['p95_ms']:.3f} ms")
    print(f"  index build {dup['index_build_s']:.3f} s")
    q = dup["query"]
    print(f"  query     median {q['median_ms']:.3f} ms  p95 {q['p95_ms']:.3f} ms")
    print(
        f"  all pairs {dup['all_pairs_s']:.3f} s: {dup['pairs_found']} pairs, "
        f"planted recall {dup['planted_recall']:.3f}, extra pairs {dup['pairs_not_planted']}"
    )

    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "seed": args.seed,
        "analyse": analyse_res,
        "near_duplicates": dup,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
