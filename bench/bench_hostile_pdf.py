"""What a hostile PDF costs: a 60,000-page PDF (≈ 6-8 MB) through the upload check and the
text extraction, each in a fresh process so peak memory is the PDF's own.

1. "upload check, before": pypdf in-process, ``len(reader.pages)`` (what the apply form did).
2. "upload check, now": ``core.safeparse.pdf_facts`` (declared page count, child process with
   CPU/memory/wall-clock limits), as ``core.filecheck.check_pdf`` calls it.
3. "extraction, in-process": ``docanalysis.analyse`` (lazy pdfminer path above the page limit).
4. "extraction, child": ``core.safeparse.analyse`` (what records and CV extraction use).

Wall time, CPU time (the step's process and its children) and peak RSS of the step's own
processes. Usage::

    .venv/bin/python bench/bench_hostile_pdf.py [--pages 60000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
STEPS = {
    "upload check, before (pypdf page list in-process)": (
        "import io; from pypdf import PdfReader; "
        "print(len(PdfReader(io.BytesIO(data), strict=False).pages))"
    ),
    "upload check, now (pdf_facts in a limited child)": (
        "from talentbrug.core.safeparse import pdf_facts; print(pdf_facts(data, max_pages=300))"
    ),
    "extraction, in-process docanalysis": (
        "from talentbrug.docanalysis import analyse; r = analyse(data, name='dik.pdf'); "
        "print(r.properties.get('pages'), len(r.text), r.errors[:1])"
    ),
    "extraction, limited child (safeparse)": (
        "from talentbrug.core.safeparse import analyse; r = analyse(data, name='dik.pdf'); "
        "print(r.properties.get('pages'), len(r.text), r.errors[:1])"
    ),
}


def _run(code: str, path: Path) -> dict[str, object]:
    script = (
        f"data = open({str(path)!r}, 'rb').read()\n{code}\n"
        "import resource as r\n"
        "print(max(r.getrusage(r.RUSAGE_SELF).ru_maxrss, r.getrusage(r.RUSAGE_CHILDREN).ru_maxrss))"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = proc.stdout.strip().splitlines()
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
        "peak_rss_mb": round(int(lines[-1]) / 1024) if lines[-1:] and lines[-1].isdigit() else None,
        "answer": (lines[:-1] or proc.stderr.strip().splitlines()[-1:])[:1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60_000)
    args = parser.parse_args()
    sys.path.insert(0, str(SRC))
    from talentbrug.tests.hostile.samples import many_page_pdf

    data = many_page_pdf(args.pages)
    results: dict[str, object] = {"pages": args.pages, "bytes": len(data)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dik.pdf"
        path.write_bytes(data)
        for label in STEPS:
            results[label] = _run(STEPS[label], path)
            print(label, results[label], flush=True)
    out = Path("var/bench/hostile_pdf.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
