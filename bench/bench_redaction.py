"""Benchmark of talentbrug.redaction on hostile repetitions (the inputs of the backtracking test
in redaction/tests/test_redaction.py): CPU milliseconds per input, median of a few runs.

The test suite checks that these inputs are redacted correctly; how long that takes is measured
here and never asserted in a test (a loaded machine must not fail the suite).

Usage::

    .venv/bin/python bench/bench_redaction.py [--runs 5]

Writes ``var/bench/redaction.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentbrug.redaction import redact  # noqa: E402

HOSTILE = {
    "Aa- x5000": "Aa-" * 5000,
    "'1 ' x8000": "1 " * 8000,
    "06- x5000": "06-" * 5000,
    "'Naam: ' x3000": "Naam: " * 3000,
    "'Kerkstraat ' x3000": "Kerkstraat " * 3000,
    "a@ x8000": "a@" * 8000,
    "'+1 (' x4000": "+1 (" * 4000,
    "x x20000 + @": "x" * 20000 + "@",
}


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark talentbrug.redaction on hostile input")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "redaction.json")
    args = parser.parse_args()

    redact("Aa Bb woont in de Kerkstraat 1.", known_names=["Aa Bb"])  # warm the detectors
    figures: dict[str, float] = {}
    for label, text in HOSTILE.items():
        times = []
        for _ in range(args.runs):
            t0 = time.process_time()
            redact(text, known_names=["Aa Bb"])
            times.append((time.process_time() - t0) * 1000.0)
        figures[label] = round(statistics.median(times), 2)
        print(f"redaction: {label:<22} {len(text):>6} chars  {figures[label]:8.2f} ms CPU")
    report = {
        "benchmark": "talentbrug.redaction.redact (hostile repetitions)",
        "runs": args.runs,
        "cpu_ms_median": figures,
        "slowest_ms": max(figures.values()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"redaction: slowest {report['slowest_ms']:.2f} ms CPU -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
