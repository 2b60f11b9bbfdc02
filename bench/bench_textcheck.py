"""Benchmark of the vacancy check: median and p95 over repeated checks of a 1,000-word vacancy,
and how the time grows from a 2,000-word to a 20,500-word text (CPU time; about 10x the words
should take about 10x the time). The test suite checks the same growth by counting calls
(textcheck/tests/test_api.py), never by the clock.

Run: ``.venv/bin/python bench/bench_textcheck.py [--runs 50] [--words 1000]``.
Writes ``var/bench/textcheck.json``. The first wordfreq load is slow, so the benchmark warms up
first and measures warm runs on one core.
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

from talentbrug.textcheck import check  # noqa: E402
from talentbrug.textcheck.evaluate import load_items  # noqa: E402


def make_vacancy(words: int) -> str:
    """Build a realistic vacancy of about ``words`` words from the labelled paragraphs."""
    paragraphs = [item.text for item in load_items()]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out)


def measure_scaling(runs: int = 3) -> dict[str, float]:
    """CPU time (median of ``runs``) of a 2,000-word and a 20,500-word text, and their ratio."""
    small, big = make_vacancy(2_000), make_vacancy(20_500)
    check(small)
    check(big)

    def cpu_ms(text: str) -> float:
        times = []
        for _ in range(runs):
            t0 = time.process_time()
            check(text)
            times.append((time.process_time() - t0) * 1000.0)
        return statistics.median(times)

    small_ms, big_ms = cpu_ms(small), cpu_ms(big)
    return {
        "small_words": len(small.split()),
        "big_words": len(big.split()),
        "small_cpu_ms": round(small_ms, 2),
        "big_cpu_ms": round(big_ms, 2),
        "size_ratio": round(len(big) / len(small), 2),
        "time_ratio": round(big_ms / max(small_ms, 1e-3), 2),
    }


def main() -> int:
    """Run the benchmark and write the JSON report."""
    parser = argparse.ArgumentParser(description="Benchmark talentbrug.textcheck.check")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench" / "textcheck.json")
    args = parser.parse_args()

    text = make_vacancy(args.words)
    n_words = len(text.split())
    for _ in range(3):  # warm up: pyphen, wordfreq and the LRU caches
        check(text)
    timings: list[float] = []
    findings = 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = check(text)
        timings.append((time.perf_counter() - t0) * 1000.0)
        findings = len(result.findings)
    timings.sort()
    median = statistics.median(timings)
    scaling = measure_scaling()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    report = {
        "benchmark": "talentbrug.textcheck.check",
        "words": n_words,
        "runs": args.runs,
        "median_ms": round(median, 3),
        "p95_ms": round(p95, 3),
        "min_ms": round(timings[0], 3),
        "max_ms": round(timings[-1], 3),
        "findings": findings,
        "scaling": scaling,
        "budget_ms": 20.0,
        "within_budget": median < 20.0,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"textcheck: {n_words} words, {args.runs} runs: median {median:.2f} ms, "
        f"p95 {p95:.2f} ms ({findings} findings) -> {args.out}"
    )
    print(
        f"textcheck scaling: {scaling['small_words']} words {scaling['small_cpu_ms']:.1f} ms CPU, "
        f"{scaling['big_words']} words {scaling['big_cpu_ms']:.1f} ms CPU: "
        f"time x{scaling['time_ratio']:.1f} for text x{scaling['size_ratio']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
