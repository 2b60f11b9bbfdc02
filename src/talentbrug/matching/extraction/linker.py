"""The SkillLinker: ESCO skills ranked for one sentence (bench and tools)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from ..embeddings import Embedder, EmbeddingCache, FloatMatrix, ProgressCallback
from ..text import STOPWORDS, fold, tokenize
from .lexicon import label_key

_CLAUSE_RE = re.compile(r"[,;:()\[\]/.!?•]|\s(?:and|or|en|of|with|met)\s", re.IGNORECASE)


def sentence_chunks(sentence: str, ngram_max: int = 4) -> list[str]:
    """Clauses and word n-grams (1..ngram_max, not starting/ending with a stopword)."""
    toks = [t.text for t in tokenize(sentence)][:200]
    out: set[str] = set()
    for n in range(1, ngram_max + 1):
        for i in range(len(toks) - n + 1):
            w = toks[i : i + n]
            if fold(w[0]) in STOPWORDS or fold(w[-1]) in STOPWORDS:
                continue
            out.add(" ".join(w))
    for c in _CLAUSE_RE.split(sentence):
        c = c.strip()
        if len(c) > 2:
            out.add(c)
    return sorted(out)


class SkillLinker:
    """Rank a fixed label set for a sentence (hybrid dense + lexical + prior)."""

    def __init__(
        self,
        labels: Sequence[str],
        embedder: Embedder,
        label_vectors: FloatMatrix,
        priors: Sequence[float] | None = None,
        *,
        lexical_weight: float = 0.05,
        prior_weight: float = 0.05,
        ngram_max: int = 4,
        query_cache: EmbeddingCache | None = None,
    ) -> None:
        self.labels = list(labels)
        self.embedder = embedder
        self.L = np.ascontiguousarray(label_vectors, dtype=np.float32)
        self.prior: NDArray[np.float32] = (
            np.asarray(priors, dtype=np.float32)
            if priors is not None
            else np.zeros(len(self.labels), np.float32)
        )
        self.lexical_weight = lexical_weight
        self.prior_weight = prior_weight
        self.ngram_max = ngram_max
        self.query_cache = query_cache
        self.keys = [label_key(lbl) for lbl in self.labels]
        self._key_index: dict[tuple[str, ...], list[int]] = {}
        for i, k in enumerate(self.keys):
            if k:
                self._key_index.setdefault(k, []).append(i)
        self._max_key = max((len(k) for k in self.keys), default=1)

    def _embed(self, texts: list[str], progress: ProgressCallback | None) -> FloatMatrix:
        if self.query_cache is not None:
            return self.query_cache.get(texts, "query", progress)
        return self.embedder.embed_queries(texts)

    def lexical(self, sentence: str) -> NDArray[np.float32]:
        """1.0 for labels whose stem key occurs contiguously in the sentence."""
        vec = np.zeros(len(self.labels), np.float32)
        sk = label_key(sentence)
        for a in range(len(sk)):
            for b in range(a + 1, min(len(sk), a + self._max_key) + 1):
                for i in self._key_index.get(sk[a:b], ()):
                    vec[i] = 1.0
        return vec

    def score_many(
        self, sentences: Sequence[str], progress: ProgressCallback | None = None
    ) -> list[NDArray[np.float32]]:
        sents = list(sentences)
        chunk_lists = [sentence_chunks(s, self.ngram_max) for s in sents]
        all_chunks = sorted({c for cl in chunk_lists for c in cl})
        q_sent = self._embed(sents, None)
        q_chunks = self._embed(all_chunks, progress)
        index = {c: i for i, c in enumerate(all_chunks)}
        out = []
        for k, s in enumerate(sents):
            dense = self.L @ q_sent[k]
            rows = [index[c] for c in chunk_lists[k]]
            chunk_max = (q_chunks[rows] @ self.L.T).max(axis=0) if rows else np.zeros_like(dense)
            score = (
                dense
                + chunk_max
                + self.lexical_weight * self.lexical(s)
                + self.prior_weight * self.prior
            )
            out.append(score.astype(np.float32))
        return out

    def rank(self, sentence: str, k: int = 10) -> list[tuple[int, float]]:
        scores = self.score_many([sentence])[0]
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top]


def rank_of_first(scores: NDArray[np.float32], gold: Callable[[int], bool]) -> int | None:
    """1-based rank of the first index accepted by ``gold`` (None if absent)."""
    for r, i in enumerate(np.argsort(-scores, kind="stable")):
        if gold(int(i)):
            return r + 1
    return None
