"""A tiny benchmark harness: time named scenarios, print median and p95, write JSON.

from bench.harness import Bench
bench = Bench("textcheck")
bench.time("check 1000 words", lambda: check(text), repeat=50, warmup=3)
bench.report()   # prints a table and writes var/bench/textcheck.json
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT_DIR = (
    Path(os.environ.get("TALENTBRUG_VAR_DIR", Path(__file__).resolve().parent.parent / "var"))
    / "bench"
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Bench:
    def __init__(self, name: str) -> None:
        self.name = name
        self.results: list[dict[str, Any]] = []

    def time(
        self,
        scenario: str,
        fn: Callable[[], object],
        *,
        repeat: int = 20,
        warmup: int = 1,
        **extra: Any,
    ) -> dict[str, Any]:
        for _ in range(warmup):
            fn()
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
        result = {
            "scenario": scenario,
            "runs": repeat,
            "median_ms": round(statistics.median(samples), 3),
            "p95_ms": round(percentile(samples, 0.95), 3),
            "min_ms": round(min(samples), 3),
            **extra,
        }
        self.results.append(result)
        return result

    def record(self, scenario: str, **figures: Any) -> None:
        """Add figures measured otherwise (throughput, memory, quality)."""
        self.results.append({"scenario": scenario, **figures})

    def report(self) -> Path:
        print(f"\n== {self.name}")
        for row in self.results:
            figures = ", ".join(f"{k}={v}" for k, v in row.items() if k != "scenario")
            print(f"  {row['scenario']:<45} {figures}")
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        path = OUT_DIR / f"{self.name}.json"
        path.write_text(
            json.dumps(
                {
                    "name": self.name,
                    "when": datetime.now(UTC).isoformat(),
                    "machine": {
                        "python": platform.python_version(),
                        "cpus": os.cpu_count(),
                        "platform": platform.platform(),
                    },
                    "results": self.results,
                },
                indent=2,
            )
        )
        print(f"  -> {path}")
        return path
