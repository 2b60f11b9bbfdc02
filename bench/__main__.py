"""Run every bench/bench_*.py (except quality) one after another and summarise the JSON files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"bench_quality.py", "bench_extraction_quality.py"}  # `make bench-quality` runs these


def main() -> int:
    only = set(sys.argv[1:])
    failures = 0
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), str(HERE.parent)]),
    }
    for script in sorted(HERE.glob("bench_*.py")):
        if script.name in SKIP or (only and script.stem not in only):
            continue
        print(f"\n### {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], env=env, check=False)
        if result.returncode != 0:
            print(f"!!! {script.name} failed with exit code {result.returncode}")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
