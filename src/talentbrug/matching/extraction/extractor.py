"""The SkillExtractor: skills found in a text by their labels and by meaning."""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ..embeddings import Embedder, EmbeddingCache, FloatMatrix, ProgressCallback
from ..taxonomy import Taxonomy
from ..text import fold, tokenize
from .clauses import (
    BOUNDARY_RE,
    CV_BOILERPLATE,
    MAX_EMBED_CHARS,
    MAX_INPUT_CHARS,
    MAX_SEGMENT_WORDS,
    MAX_SEGMENTS,
    MAX_TOKEN_CHARS,
    MIN_SEGMENT_WORDS,
    MIN_UNEXPLAINED_WORDS,
    SEGMENT_CACHE_SIZE,
    clause_spans,
    content_word,
    junk_mask,
    looks_like_garbage,
    priority,
)
from .hits import SkillMatch
from .lexicon import SkillLexicon, common_word, label_key, partial_compound, positions


class SkillExtractor:
    """Find ESCO skills in free text. See the ``extraction`` package docstring for the method."""

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
        segment_cache_size: int = SEGMENT_CACHE_SIZE,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.taxonomy = taxonomy or Taxonomy.load()
        common_word("the")  # load wordfreq once, not during the first request
        self.lexicon = lexicon or SkillLexicon.from_taxonomy(self.taxonomy)
        self.embedder = embedder
        self.embedding_threshold = embedding_threshold
        self.embedding_top_k = embedding_top_k
        self.segment_cache_size = segment_cache_size
        self._segment_cache: OrderedDict[str, NDArray[np.float32]] = OrderedDict()
        self._cache_lock = threading.Lock()
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
        pos = positions(list(tokenize(text)), lex)
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
                    and (common_word(fold(surface)) or len(surface) <= 2)
                    and not any(c in lex.case_sensitive[key] for c in (surface, surface[:-1]))
                ):
                    continue  # "did" is not "DiDs", "less" is not "LESS"
                ambiguous = len({h.skill_id for h in hits}) > 2
                compound = partial_compound(window)
                exact = all(fold(p.orig) == p.stem for p in window) and not compound
                for h in hits:
                    if ambiguous and h.method == "alt_label":
                        continue
                    conf = 0.95 if h.method == "label" else 0.85
                    if compound:
                        conf -= 0.15
                    if len(key) == 1 and common_word(key[0]):
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
                if BOUNDARY_RE.search(text, start, end):
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
    def _segments(
        self, text: str, lexical: Sequence[SkillMatch] | None = None
    ) -> list[tuple[int, int]]:
        """Spans of ``text`` worth embedding (in text order).

        Clauses (wrapped lines joined, sentences cut at commas and brackets) without a leading
        date, cut into windows of at most ``MAX_SEGMENT_WORDS`` words. Dropped: segments with
        fewer than ``MIN_SEGMENT_WORDS`` content words (stop words, numbers, dates, e-mail
        addresses, URLs, phone numbers and postcodes do not count), CV headings and personal
        details, repeated-word garbage, duplicates, and -- given the ``lexical`` matches --
        segments the lexical stage already explains (fewer than ``MIN_UNEXPLAINED_WORDS``
        content words outside lexical matches, or less than a third of them). The rest is
        ranked by :func:`priority` and cut at ``MAX_SEGMENTS`` segments / ``MAX_EMBED_CHARS``
        characters."""
        covered = self._explained(text, lexical or ())
        junk = junk_mask(text)
        cands: list[tuple[tuple[float, ...], int, int, int]] = []  # (priority, start, end, chars)
        seen: set[str] = set()
        for s, e in clause_spans(text, junk):
            toks = [t for t in tokenize(text[s:e]) if len(t.text) <= MAX_TOKEN_CHARS]
            if len(toks) > 20 and len({fold(t.text) for t in toks}) < 0.2 * len(toks):
                continue  # repeated-word garbage
            for w0 in range(0, len(toks), MAX_SEGMENT_WORDS):
                chunk = toks[w0 : w0 + MAX_SEGMENT_WORDS]
                content = [t for t in chunk if content_word(t.text) and not junk[s + t.start]]
                if len(content) < MIN_SEGMENT_WORDS or all(
                    fold(t.text) in CV_BOILERPLATE for t in content
                ):
                    continue
                cs, ce = s + chunk[0].start, s + chunk[-1].end
                key = fold(text[cs:ce])
                if key in seen:
                    continue
                seen.add(key)
                unexplained = sum(1 for t in content if s + t.start not in covered)
                if lexical is not None and (
                    unexplained < MIN_UNEXPLAINED_WORDS or 3 * unexplained < len(content)
                ):
                    continue  # the lexical stage already found what this segment says
                cands.append((priority(unexplained, len(content), ce - cs), cs, ce, ce - cs))
        cands.sort()
        spans: list[tuple[int, int]] = []
        budget = MAX_EMBED_CHARS
        for _, cs, ce, n in cands:
            if n > budget:
                continue
            budget -= n
            spans.append((cs, ce))
            if len(spans) >= MAX_SEGMENTS:
                break
        return sorted(spans)

    def _explained(self, text: str, lexical: Sequence[SkillMatch]) -> set[int]:
        """Start offsets of the words that lexical matches explain: the words of the matched
        label inside the match (not the other words inside a reordered match)."""
        if not lexical:
            return set()
        keys: dict[str, set[str]] = {}
        for m in lexical:
            if m.label not in keys:
                keys[m.label] = set(label_key(m.label, self.lexicon.compound_vocab))
        pos = positions(list(tokenize(text)), self.lexicon)
        starts = [p.start for p in pos]
        out: set[int] = set()
        for m in lexical:
            key = keys[m.label]
            for p in pos[bisect_left(starts, m.start) : bisect_left(starts, m.end)]:
                if p.stem in key:
                    out.add(p.start)
        return out

    def _segment_vectors(self, segments: Sequence[str]) -> FloatMatrix:
        """Query vectors for ``segments``: from the per-extractor cache (keyed by the exact
        text) when seen before, the rest embedded in one batch, shortest first."""
        if self.embedder is None:
            raise RuntimeError("the embedding stage needs an embedder")
        found: dict[str, NDArray[np.float32]] = {}
        with self._cache_lock:
            for seg in segments:
                vec = self._segment_cache.get(seg)
                if vec is not None:
                    self._segment_cache.move_to_end(seg)
                    found[seg] = vec
        todo = sorted({seg for seg in segments if seg not in found}, key=lambda x: (len(x), x))
        if todo:
            vecs = self.embedder.embed_queries(todo)
            with self._cache_lock:
                for seg, vec in zip(todo, vecs, strict=True):
                    found[seg] = vec
                    if self.segment_cache_size > 0:
                        self._segment_cache[seg] = vec
                while len(self._segment_cache) > self.segment_cache_size:
                    self._segment_cache.popitem(last=False)
        return np.stack([found[seg] for seg in segments]).astype(np.float32, copy=False)

    def clear_segment_cache(self) -> None:
        """Forget the cached segment vectors (the benchmark measures cold segments)."""
        with self._cache_lock:
            self._segment_cache.clear()

    def _embedding(
        self, text: str, lexical: Sequence[SkillMatch] | None = None
    ) -> list[SkillMatch]:
        if self.embedder is None or self.label_vectors is None or not len(self.label_ids):
            return []
        spans = self._segments(text, lexical)
        if not spans:
            return []
        q = self._segment_vectors([text[s:e] for s, e in spans])
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
        if looks_like_garbage(text):
            return []
        best: dict[str, SkillMatch] = {}
        lexical = self._lexical(text)
        for m in lexical + self._embedding(text, lexical):
            prev = best.get(m.skill_id)
            if prev is None or m.confidence > prev.confidence:
                best[m.skill_id] = m
        return sorted(best.values(), key=lambda m: (m.start, -m.confidence, m.skill_id))
