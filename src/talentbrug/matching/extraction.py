"""Skill extraction (CV text, free answers, vacancy text) and skill linking (sentence -> ranked
ESCO labels).

Two stages, both deterministic:

1. **Lexical** (:class:`SkillLexicon`): Dutch and English preferred/alternative ESCO labels are
   reduced to stem keys (stopwords dropped, "(qualifier)" stripped, light Dutch/English
   stemming), and the input is scanned for them -- contiguously, or for multi-word labels with
   the words in another order inside a small window ("beheer van ICT-netwerken" for
   "ICT-netwerken beheren"). Unknown Dutch compounds are split into known parts
   ("Pythonontwikkelaar" -> python + ontwikkelaar, "netwerkbeheer" -> netwerk + beheer), so
   modifiers and heads can match labels.
2. **Embedding** (optional, needs an :class:`~.embeddings.Embedder` and label vectors): each
   sentence/clause is embedded as a query and compared with the label vectors. This catches
   paraphrases and other languages (Arabic best-effort through the multilingual model).

:class:`SkillLinker` is the retrieval form used for the skill-linking benchmark: it ranks *all*
labels for a sentence with ``cos(sentence, label) + max_chunk cos(chunk, label)`` plus a small
exact-lexical bonus and a small prior, where chunks are the clauses and word n-grams of the
sentence (ESCO-aware: labels are matched by meaning and by their stemmed words).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from .embeddings import Embedder, EmbeddingCache, FloatMatrix, ProgressCallback
from .taxonomy import Taxonomy
from .text import STOPWORDS, Token, fold, split_compound, stem, strip_qualifier, tokenize

__all__ = [
    "LexicalHit",
    "SkillExtractor",
    "SkillLexicon",
    "SkillLinker",
    "SkillMatch",
    "label_key",
    "sentence_chunks",
]

Method = Literal["label", "alt_label", "embedding"]

MAX_INPUT_CHARS = 200_000  # longer input is cut (a CV is ~10k characters)
MAX_TOKEN_CHARS = 40  # longer "words" are noise (base64, URLs, repeated letters)
MAX_SEGMENTS = 80  # embedding calls per document
_BOUNDARY_RE = re.compile(r"[.,;:!?()\n•|]")


@dataclass(frozen=True, slots=True)
class SkillMatch:
    skill_id: str
    label: str
    start: int
    end: int
    text: str
    confidence: float
    method: Method
    detail: str = ""  # "exact", "inflection", "compound", "reordered", "cosine=0.91"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class LexicalHit:
    key: tuple[str, ...]
    skill_id: str
    label: str
    method: Method


@lru_cache(maxsize=100_000)
def _common_word(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency of the product
        return False
    return max(zipf_frequency(word, "en"), zipf_frequency(word, "nl")) >= 4.0


def label_key(label: str, vocab: set[str] | None = None) -> tuple[str, ...]:
    """Stem key of a label or phrase: folded, stemmed content words; with ``vocab``, Dutch
    compounds are split into known parts (``netwerkbeheer`` -> ``netwerk beher``)."""
    out: list[str] = []
    for t in tokenize(strip_qualifier(label)):
        f = fold(t.text)
        if f in STOPWORDS:
            continue
        parts = _split(f, vocab) if vocab is not None else None
        out.extend(parts or (stem(f),))
    return tuple(out)


def _split(folded: str, vocab: set[str]) -> list[str] | None:
    if len(folded) < 8 or not folded.isalpha():
        return None
    return split_compound(folded, vocab, 3)


class SkillLexicon:
    """Stem-key index over preferred and alternative labels of skills."""

    def __init__(self, entries: Iterable[tuple[str, str, Method]]) -> None:
        """``entries``: (skill_id, label, "label" | "alt_label")."""
        self.exact: dict[tuple[str, ...], list[LexicalHit]] = {}
        self.case_sensitive: dict[tuple[str, ...], set[str]] = {}
        self.by_rare_stem: dict[str, list[LexicalHit]] = {}
        self.vocab: set[str] = set()
        self.max_len = 1
        stem_df: dict[str, int] = {}
        hits: list[LexicalHit] = []
        items = list(entries)
        base: set[str] = set()
        for _, label, _ in items:
            base.update(s for s in label_key(label) if len(s) >= 3 and s.isalpha())
        self.compound_vocab = base
        for skill_id, label, method in items:
            key = label_key(label, base)
            if not key or len(key) > 8:
                continue
            hit = LexicalHit(key, skill_id, label, method)
            hits.append(hit)
            self.exact.setdefault(key, []).append(hit)
            self.max_len = max(self.max_len, len(key))
            core = strip_qualifier(label)
            if len(key) == 1 and (core != core.lower() or len(core) <= 2):
                # "LESS", "DiDs": when the text has a common word, require the same capitals
                self.case_sensitive.setdefault(key, set()).add(core)
            for s in set(key):
                stem_df[s] = stem_df.get(s, 0) + 1
        for hit in hits:
            self.vocab.update(hit.key)
            if 2 <= len(hit.key) <= 4 and len(set(hit.key)) == len(hit.key):
                rare = min(hit.key, key=lambda s: (stem_df.get(s, 0), s))
                self.by_rare_stem.setdefault(rare, []).append(hit)

    @classmethod
    def from_taxonomy(cls, tax: Taxonomy) -> SkillLexicon:
        def entries() -> Iterable[tuple[str, str, Method]]:
            for sk in tax.skills.values():
                yield sk.id, sk.label_en, "label"
                if sk.label_nl:
                    yield sk.id, sk.label_nl, "label"
                for a in sk.alt_en + sk.alt_nl:
                    yield sk.id, a, "alt_label"

        return cls(entries())


@dataclass(slots=True)
class _Pos:
    stem: str
    start: int
    end: int
    orig: str
    token: int  # index of the source token
    parts: int  # number of compound parts the token was split into (1 = not split)


def _positions(tokens: Sequence[Token], lex: SkillLexicon) -> list[_Pos]:
    out: list[_Pos] = []
    for ti, t in enumerate(tokens):
        f = fold(t.text)
        if f in STOPWORDS or len(f) > MAX_TOKEN_CHARS:
            continue
        parts = _split(f, lex.compound_vocab)
        if parts:
            out.extend(_Pos(p, t.start, t.end, t.text, ti, len(parts)) for p in parts)
        else:
            out.append(_Pos(stem(f), t.start, t.end, t.text, ti, 1))
    return out


def _partial_compound(window: Sequence[_Pos]) -> bool:
    """True when a split compound contributes only some of its parts (head/modifier match)."""
    counts: dict[int, int] = {}
    for p in window:
        if p.parts > 1:
            counts[p.token] = counts.get(p.token, 0) + 1
    return any(c < next(p.parts for p in window if p.token == t) for t, c in counts.items())


class SkillExtractor:
    """Find ESCO skills in free text. See the module docstring for the method."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        lexicon: SkillLexicon | None = None,
        embedder: Embedder | None = None,
        label_ids: Sequence[str] | None = None,
        label_texts: Sequence[str] | None = None,
        label_vectors: FloatMatrix | None = None,
        cache: EmbeddingCache | None = None,
        embedding_threshold: float = 0.86,
        embedding_top_k: int = 2,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.taxonomy = taxonomy or Taxonomy.load()
        _common_word("the")  # load wordfreq once, not during the first request
        self.lexicon = lexicon or SkillLexicon.from_taxonomy(self.taxonomy)
        self.embedder = embedder
        self.embedding_threshold = embedding_threshold
        self.embedding_top_k = embedding_top_k
        self.label_ids: list[str] = []
        self.label_vectors: FloatMatrix | None = None
        if embedder is not None:
            if label_ids is None:
                label_ids, label_texts = self.default_label_texts(self.taxonomy)
            if label_vectors is None:
                texts = list(label_texts or [])
                if cache is not None:
                    label_vectors = cache.get(texts, "passage", progress)
                else:
                    label_vectors = embedder.embed_passages(texts)
            self.label_ids = list(label_ids)
            self.label_vectors = np.ascontiguousarray(label_vectors, dtype=np.float32)

    @staticmethod
    def default_label_texts(tax: Taxonomy) -> tuple[list[str], list[str]]:
        """One row per English and per Dutch preferred label."""
        ids: list[str] = []
        texts: list[str] = []
        for sk in tax.skills.values():
            ids.append(sk.id)
            texts.append(sk.label_en)
            if sk.label_nl and sk.label_nl != sk.label_en:
                ids.append(sk.id)
                texts.append(sk.label_nl)
        return ids, texts

    # -- lexical ---------------------------------------------------------------------------
    def _lexical(self, text: str) -> list[SkillMatch]:
        lex = self.lexicon
        pos = _positions(list(tokenize(text)), lex)
        found: list[SkillMatch] = []
        n = len(pos)
        for i in range(n):
            for length in range(min(lex.max_len, n - i), 0, -1):
                key = tuple(p.stem for p in pos[i : i + length])
                hits = lex.exact.get(key)
                if not hits:
                    continue
                window = pos[i : i + length]
                start, end = window[0].start, window[-1].end
                surface = text[start:end]
                if (
                    len(key) == 1
                    and key in lex.case_sensitive
                    and (_common_word(fold(surface)) or len(surface) <= 2)
                    and not any(c in lex.case_sensitive[key] for c in (surface, surface[:-1]))
                ):
                    continue  # "did" is not "DiDs", "less" is not "LESS"
                ambiguous = len({h.skill_id for h in hits}) > 2
                compound = _partial_compound(window)
                exact = all(fold(p.orig) == p.stem for p in window) and not compound
                for h in hits:
                    if ambiguous and h.method == "alt_label":
                        continue
                    conf = 0.95 if h.method == "label" else 0.85
                    if compound:
                        conf -= 0.15
                    if len(key) == 1 and _common_word(key[0]):
                        conf -= 0.1
                    detail = "compound" if compound else ("exact" if exact else "inflection")
                    found.append(
                        SkillMatch(h.skill_id, h.label, start, end, surface, conf, h.method, detail)
                    )
        # words in another order within a small window
        for i, p in enumerate(pos):
            for h in lex.by_rare_stem.get(p.stem, ()):
                k = len(h.key)
                lo, hi = max(0, i - k - 1), min(n, i + k + 2)
                window = pos[lo:hi]
                stems = {q.stem for q in window}
                if not all(s in stems for s in h.key):
                    continue
                used = [q for q in window if q.stem in h.key]
                start, end = min(q.start for q in used), max(q.end for q in used)
                if _BOUNDARY_RE.search(text, start, end):
                    continue  # never across a sentence or list boundary
                conf = (0.8 if h.method == "label" else 0.72) - 0.05 * (end - start > 60)
                found.append(
                    SkillMatch(
                        h.skill_id,
                        h.label,
                        start,
                        end,
                        text[start:end],
                        conf,
                        h.method,
                        "reordered",
                    )
                )
        return found

    # -- embedding -------------------------------------------------------------------------
    def _segments(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        seen: set[str] = set()
        for m in re.finditer(r"[^\n.;!?•\u061f\u06d4]+", text):
            seg = m.group(0)
            words = [t.text for t in tokenize(seg) if len(t.text) <= MAX_TOKEN_CHARS]
            if not any(len(w) >= 2 and any(c.isalpha() for c in w) for w in words):
                continue
            if len(words) > 20 and len({fold(w) for w in words}) < 0.2 * len(words):
                continue  # repeated-word garbage
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            # long segments: windows of ~25 words
            toks = [t for t in tokenize(text[s:e]) if len(t.text) <= MAX_TOKEN_CHARS]
            for w0 in range(0, max(1, len(toks)), 25):
                chunk = toks[w0 : w0 + 25]
                if not chunk:
                    continue
                cs, ce = s + chunk[0].start, s + chunk[-1].end
                key = fold(text[cs:ce])
                if key in seen:
                    continue
                seen.add(key)
                spans.append((cs, ce))
                if len(spans) >= MAX_SEGMENTS:
                    return spans
        return spans

    def _embedding(self, text: str) -> list[SkillMatch]:
        if self.embedder is None or self.label_vectors is None or not len(self.label_ids):
            return []
        spans = self._segments(text)
        if not spans:
            return []
        q = self.embedder.embed_queries([text[s:e] for s, e in spans])
        sims = q @ self.label_vectors.T
        out: list[SkillMatch] = []
        k = min(self.embedding_top_k, sims.shape[1])
        for row, (s, e) in enumerate(spans):
            best = np.argpartition(-sims[row], k - 1)[:k]
            for j in best:
                sim = float(sims[row, j])
                if sim < self.embedding_threshold:
                    continue
                sid = self.label_ids[int(j)]
                sk = self.taxonomy.skills.get(sid)
                label = sk.label("nl") if sk else sid
                conf = round(min(0.8, 0.5 + (sim - self.embedding_threshold) * 4), 3)
                out.append(
                    SkillMatch(sid, label, s, e, text[s:e], conf, "embedding", f"cosine={sim:.3f}")
                )
        return out

    def extract(self, text: str) -> list[SkillMatch]:
        """Skills in ``text``: one :class:`SkillMatch` per skill (the most confident mention),
        ordered by position. Empty or garbage input gives ``[]``, never an error."""
        if not isinstance(text, str) or not text.strip():
            return []
        text = text[:MAX_INPUT_CHARS]
        if _looks_like_garbage(text):
            return []
        best: dict[str, SkillMatch] = {}
        for m in self._lexical(text) + self._embedding(text):
            prev = best.get(m.skill_id)
            if prev is None or m.confidence > prev.confidence:
                best[m.skill_id] = m
        return sorted(best.values(), key=lambda m: (m.start, -m.confidence, m.skill_id))


def _looks_like_garbage(text: str) -> bool:
    """Random bytes, binary junk, emoji walls: too few letters/spaces/ordinary punctuation."""
    sample = text[:20_000]
    ok = sum(1 for c in sample if c.isalpha() or c.isspace() or c in ".,;:-()/'\"!?&+#0123456789")
    if ok < 0.85 * len(sample):
        return True
    letters = [c for c in sample if c.isalpha()]
    return not letters


# --------------------------------------------------------------------------------------------
# skill linking: rank all labels for one sentence


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
