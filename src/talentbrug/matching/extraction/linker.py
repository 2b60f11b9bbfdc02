"""The SkillLinker: ESCO skills ranked for one sentence (bench and tools)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..embeddings import Embedder, EmbeddingCache, FloatMatrix, Kind, ProgressCallback, embed
from ..taxonomy import Taxonomy
from ..text import STOPWORDS, fold, tokenize
from .lexicon import label_key

_CLAUSE_RE = re.compile(r"[,;:()\[\]/.!?•]|\s(?:and|or|en|of|with|met)\s", re.IGNORECASE)

# The defaults (issue #20), chosen on one half of the TECH and HOUSE validation queries
# (bench/bench_quality.py prints the grid, the other half and the whole splits):
# the sentence is compared with the labels embedded as e5 "passage", the clauses and n-grams
# with the labels embedded as e5 "query" (short text against short text); a label with ESCO
# alternative labels scores the best of its preferred and alternative labels, an alternative
# label counting ALT_MARGIN less than the preferred one; the esco_priors prior is off.
SENTENCE_LABEL_KIND: Kind = "passage"
CHUNK_LABEL_KIND: Kind = "query"
ALT_MARGIN: float | None = 0.01
LEXICAL_WEIGHT = 0.05
PRIOR_WEIGHT = 0.0


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


def alternative_labels(labels: Sequence[str], taxonomy: Taxonomy) -> list[tuple[str, ...]]:
    """For each English preferred label, the English ESCO alternative labels of the skill(s)
    with that label (exact match first, then case-insensitive); () when ESCO has none. The
    shipped taxonomy carries alternative labels for the collection skills (about 2,100)."""
    exact: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    for sk in taxonomy.skills.values():
        if sk.alt_en:
            exact.setdefault(sk.label_en, []).extend(sk.alt_en)
            folded.setdefault(sk.label_en.casefold(), []).extend(sk.alt_en)
    out = []
    for label in labels:
        alts = exact.get(label) or folded.get(label.casefold()) or []
        out.append(tuple(dict.fromkeys(a for a in alts if a != label)))
    return out


@dataclass
class LinkParts:
    """The score terms of one sentence, one value per label (see :meth:`SkillLinker.parts`).

    ``sentence``/``chunk`` hold, per label kind ("passage"/"query"), the cosine of the sentence
    and the best clause/n-gram with the preferred label; ``sentence_alt``/``chunk_alt`` the same
    with the best alternative label (-1 where a label has none)."""

    sentence: dict[str, NDArray[np.float32]]
    chunk: dict[str, NDArray[np.float32]]
    sentence_alt: dict[str, NDArray[np.float32]]
    chunk_alt: dict[str, NDArray[np.float32]]
    lexical: NDArray[np.float32]


class SkillLinker:
    """Rank a fixed label set for a sentence (hybrid dense + lexical + prior).

    score = cos(sentence, label) + max over clauses/n-grams cos(chunk, label)
            + ``lexical_weight`` * exact stem match + ``prior_weight`` * prior,

    where a label with alternative labels (``alt_labels``) takes, in each cosine, the best of
    its preferred label and its alternative labels minus ``alt_margin`` (None: alternative
    labels unused). ``sentence_label_kind``/``chunk_label_kind`` say how the labels are
    embedded for each cosine (e5 "passage" or "query"); ``label_vectors`` are the passage
    vectors, the query vectors are embedded on first use (through ``query_cache`` when given).
    """

    def __init__(
        self,
        labels: Sequence[str],
        embedder: Embedder,
        label_vectors: FloatMatrix,
        priors: Sequence[float] | None = None,
        *,
        alt_labels: Sequence[Iterable[str]] | None = None,
        alt_margin: float | None = ALT_MARGIN,
        sentence_label_kind: Kind = SENTENCE_LABEL_KIND,
        chunk_label_kind: Kind = CHUNK_LABEL_KIND,
        lexical_weight: float = LEXICAL_WEIGHT,
        prior_weight: float = PRIOR_WEIGHT,
        ngram_max: int = 4,
        query_cache: EmbeddingCache | None = None,
        label_query_vectors: FloatMatrix | None = None,
    ) -> None:
        self.labels = list(labels)
        self.embedder = embedder
        self._label_vectors: dict[str, FloatMatrix] = {
            "passage": np.ascontiguousarray(label_vectors, dtype=np.float32)
        }
        if label_query_vectors is not None:
            self._label_vectors["query"] = np.ascontiguousarray(
                label_query_vectors, dtype=np.float32
            )
        self.prior: NDArray[np.float32] = (
            np.asarray(priors, dtype=np.float32)
            if priors is not None
            else np.zeros(len(self.labels), np.float32)
        )
        self.alt_margin = alt_margin
        self.sentence_label_kind: Kind = sentence_label_kind
        self.chunk_label_kind: Kind = chunk_label_kind
        self.lexical_weight = lexical_weight
        self.prior_weight = prior_weight
        self.ngram_max = ngram_max
        self.query_cache = query_cache
        # alternative labels, flattened: the texts (deduplicated) and, per row, its label
        owners: list[int] = []
        rows: list[int] = []
        texts: dict[str, int] = {}
        for i, alts in enumerate(alt_labels or ()):
            for a in dict.fromkeys(alts):
                owners.append(i)
                rows.append(texts.setdefault(a, len(texts)))
        self.alt_texts = list(texts)
        order = np.argsort(np.asarray(owners, dtype=np.int64), kind="stable")
        self._alt_owner = np.asarray(owners, dtype=np.int64)[order]
        self._alt_row = np.asarray(rows, dtype=np.int64)[order]
        self._alt_starts = (
            np.r_[0, np.flatnonzero(np.diff(self._alt_owner)) + 1]
            if len(order)
            else np.zeros(0, np.int64)
        )
        self._alt_vectors: dict[str, FloatMatrix] = {}
        self.keys = [label_key(lbl) for lbl in self.labels]
        self._key_index: dict[tuple[str, ...], list[int]] = {}
        for i, k in enumerate(self.keys):
            if k:
                self._key_index.setdefault(k, []).append(i)
        self._max_key = max((len(k) for k in self.keys), default=1)

    # -- vectors ---------------------------------------------------------------------------
    def _vectors(
        self, texts: list[str], kind: Kind, progress: ProgressCallback | None = None
    ) -> FloatMatrix:
        if self.query_cache is not None:
            return self.query_cache.get(texts, kind, progress)
        return embed(self.embedder, texts, kind)

    def label_vectors(self, kind: Kind) -> FloatMatrix:
        """The preferred labels embedded as ``kind`` (the passage vectors were given)."""
        if kind not in self._label_vectors:
            self._label_vectors[kind] = np.ascontiguousarray(
                self._vectors(self.labels, kind), dtype=np.float32
            )
        return self._label_vectors[kind]

    def alt_vectors(self, kind: Kind) -> FloatMatrix:
        if kind not in self._alt_vectors:
            self._alt_vectors[kind] = np.ascontiguousarray(
                self._vectors(self.alt_texts, kind), dtype=np.float32
            )
        return self._alt_vectors[kind]

    def _alt_max(self, sims: NDArray[np.float32]) -> NDArray[np.float32]:
        """Per label, the best of ``sims`` (one value per alternative-label text); -1 for a
        label without alternative labels."""
        out = np.full(len(self.labels), -1.0, np.float32)
        if len(self._alt_row):
            best = np.maximum.reduceat(sims[self._alt_row], self._alt_starts)
            out[self._alt_owner[self._alt_starts]] = best
        return out

    # -- scoring ---------------------------------------------------------------------------
    def lexical(self, sentence: str) -> NDArray[np.float32]:
        """1.0 for labels whose stem key occurs contiguously in the sentence."""
        vec = np.zeros(len(self.labels), np.float32)
        sk = label_key(sentence)
        for a in range(len(sk)):
            for b in range(a + 1, min(len(sk), a + self._max_key) + 1):
                for i in self._key_index.get(sk[a:b], ()):
                    vec[i] = 1.0
        return vec

    def parts(
        self,
        sentences: Sequence[str],
        progress: ProgressCallback | None = None,
        kinds: Sequence[Kind] | None = None,
    ) -> list[LinkParts]:
        """The score terms per sentence, for the label kinds in ``kinds`` (default: the two
        this linker uses); :meth:`combine` turns them into scores. The bench computes them once
        and combines them under several settings."""
        sents = list(sentences)
        use = list(dict.fromkeys(kinds or (self.sentence_label_kind, self.chunk_label_kind)))
        with_alts = bool(self.alt_texts) and (self.alt_margin is not None or kinds is not None)
        chunk_lists = [sentence_chunks(s, self.ngram_max) for s in sents]
        all_chunks = sorted({c for cl in chunk_lists for c in cl})
        q_sent = self._vectors(sents, "query")
        q_chunks = self._vectors(all_chunks, "query", progress)
        index = {c: i for i, c in enumerate(all_chunks)}
        out = []
        for k, s in enumerate(sents):
            rows = [index[c] for c in chunk_lists[k]]
            part = LinkParts({}, {}, {}, {}, self.lexical(s))
            for kind in use:
                lv = self.label_vectors(kind)
                part.sentence[kind] = lv @ q_sent[k]
                part.chunk[kind] = (
                    (q_chunks[rows] @ lv.T).max(axis=0)
                    if rows
                    else np.full(len(self.labels), -1.0, np.float32)
                )
                if with_alts:
                    av = self.alt_vectors(kind)
                    part.sentence_alt[kind] = self._alt_max(av @ q_sent[k])
                    part.chunk_alt[kind] = self._alt_max(
                        (q_chunks[rows] @ av.T).max(axis=0)
                        if rows
                        else np.full(len(self.alt_texts), -1.0, np.float32)
                    )
            out.append(part)
        return out

    def combine(self, part: LinkParts) -> NDArray[np.float32]:
        """The score of every label from the terms of one sentence, with this linker's
        settings."""
        sent = part.sentence[self.sentence_label_kind]
        chunk = part.chunk[self.chunk_label_kind]
        if self.alt_margin is not None and part.sentence_alt:
            margin = np.float32(self.alt_margin)
            sent = np.maximum(sent, part.sentence_alt[self.sentence_label_kind] - margin)
            chunk = np.maximum(chunk, part.chunk_alt[self.chunk_label_kind] - margin)
        score: NDArray[np.float32] = (
            sent + chunk + self.lexical_weight * part.lexical + self.prior_weight * self.prior
        ).astype(np.float32)
        return score

    def score_many(
        self, sentences: Sequence[str], progress: ProgressCallback | None = None
    ) -> list[NDArray[np.float32]]:
        return [self.combine(p) for p in self.parts(sentences, progress)]

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
