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
2. **Embedding** (optional, needs an :class:`~.embeddings.Embedder` and label vectors): the
   clauses the lexical stage did not already explain are embedded as queries and compared with
   the label vectors. This catches paraphrases and other languages (Arabic best-effort through
   the multilingual model). The model is the expensive part, so the stage works to a budget:
   wrapped lines are joined, sentences are cut into clauses at commas and brackets, leading
   dates, e-mail addresses, URLs, phone numbers, CV headings and personal details are dropped,
   as are clauses with fewer than two content words and clauses whose words the lexical stage
   matched; what is left is deduplicated, ranked (mostly-unexplained and short first) and cut
   at ``MAX_SEGMENTS`` clauses / ``MAX_EMBED_CHARS`` characters, embedded in one batch
   (shortest first), and the vectors are cached per clause text.

:class:`SkillLinker` is the retrieval form used for the skill-linking benchmark: it ranks *all*
labels for a sentence with ``cos(sentence, label) + max_chunk cos(chunk, label)`` plus a small
exact-lexical bonus and a small prior, where chunks are the clauses and word n-grams of the
sentence (ESCO-aware: labels are matched by meaning and by their stemmed words).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import OrderedDict
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
# Embedding stage budget (issue #8: a two-page CV in under 1 s on one core). The model's cost
# grows with the number of tokens, so segments are capped in count, length and total size.
MAX_SEGMENTS = 36  # segments embedded per document
MAX_SEGMENT_WORDS = 24  # a longer clause is cut into windows of at most this many words
MAX_EMBED_CHARS = 1600  # characters embedded per document (~ 400 e5 tokens + 5 per segment)
MIN_SEGMENT_WORDS = 2  # content words a segment needs (one word alone is too vague for e5)
MIN_UNEXPLAINED_WORDS = 2  # content words a segment needs outside lexical matches
SEGMENT_CACHE_SIZE = 4096  # segment vectors kept per extractor (same text -> same vector)
_BOUNDARY_RE = re.compile(r"[.,;:!?()\n•|]")
_BREAK_RE = re.compile(r"[\n;!?•\u061f\u06d4]|\.(?=\s|$)")
_CLAUSE_CUT_RE = re.compile(r"[,()]")
_LEADING_DATE_RE = re.compile(
    r"\(?(?:\d{1,2}[-/.])?(?:19|20)\d\d\s*(?:[-–—]\s*(?:(?:\d{1,2}[-/.])?(?:19|20)\d\d|"
    r"heden|nu|present|now|today|current)\s*)?\)?\s*[:,]?\s*",
    re.IGNORECASE,
)
_JUNK_RE = re.compile(  # bounded repeats: linear time on long runs without spaces
    r"[^\s@]{1,64}@[^\s@]{1,255}|(?:https?://|www\.)\S{1,2000}|\+?\d[\d ()-]{7,16}\d"
    r"|\b\d{4} ?[A-Z]{2}\b"
)
# Words that carry no skill on their own in a CV: headings, personal details, availability.
_CV_BOILERPLATE_TEXT = """
    curriculum vitae cv resume profiel profile persoonlijk personalia personal details
    gegevens werkervaring ervaring experience work werk opleiding opleidingen education
    vaardigheden skills competenties talen languages hobby hobby's hobbys hobbies interesses
    interests overig overige other referenties references reference verzoek request
    beschikbaar beschikbaarheid available availability direct uur hours week per projecten
    projects cursussen courses certificaten certificates heden present januari februari maart
    april mei juni juli augustus september oktober november december january february march
    may june july august october jan feb mrt apr jun jul aug sep okt oct nov dec"""
_CV_BOILERPLATE = frozenset(_CV_BOILERPLATE_TEXT.split())
# A segment that starts with one of these ("Woonplaats: Arnhem") is personal data.
_PERSONAL_FIELDS_TEXT = """
    curriculum cv naam name woonplaats adres address telefoon tel phone mobiel mobile
    mail email geboortedatum geboren born birth nationaliteit nationality rijbewijs
    postcode linkedin github website"""
_PERSONAL_FIELDS = frozenset(_PERSONAL_FIELDS_TEXT.split())


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
        segment_cache_size: int = SEGMENT_CACHE_SIZE,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.taxonomy = taxonomy or Taxonomy.load()
        _common_word("the")  # load wordfreq once, not during the first request
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
        ranked by :func:`_priority` and cut at ``MAX_SEGMENTS`` segments / ``MAX_EMBED_CHARS``
        characters."""
        covered = self._explained(text, lexical or ())
        junk = _junk_mask(text)
        cands: list[tuple[tuple[float, ...], int, int, int]] = []  # (priority, start, end, chars)
        seen: set[str] = set()
        for s, e in _clauses(text, junk):
            toks = [t for t in tokenize(text[s:e]) if len(t.text) <= MAX_TOKEN_CHARS]
            if len(toks) > 20 and len({fold(t.text) for t in toks}) < 0.2 * len(toks):
                continue  # repeated-word garbage
            for w0 in range(0, len(toks), MAX_SEGMENT_WORDS):
                chunk = toks[w0 : w0 + MAX_SEGMENT_WORDS]
                content = [t for t in chunk if _content_word(t.text) and not junk[s + t.start]]
                if len(content) < MIN_SEGMENT_WORDS or all(
                    fold(t.text) in _CV_BOILERPLATE for t in content
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
                cands.append((_priority(unexplained, len(content), ce - cs), cs, ce, ce - cs))
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
        pos = _positions(list(tokenize(text)), self.lexicon)
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
        if _looks_like_garbage(text):
            return []
        best: dict[str, SkillMatch] = {}
        lexical = self._lexical(text)
        for m in lexical + self._embedding(text, lexical):
            prev = best.get(m.skill_id)
            if prev is None or m.confidence > prev.confidence:
                best[m.skill_id] = m
        return sorted(best.values(), key=lambda m: (m.start, -m.confidence, m.skill_id))


def _priority(unexplained: int, content: int, chars: int) -> tuple[float, ...]:
    """Sort key of a segment for the embedding budget (smaller first): segments with the
    largest share of unexplained content words first, then the shortest (short clauses are the
    ones that land close to a label; long sentences average several meanings)."""
    return (-round(unexplained / content, 1), chars)


def _content_word(word: str) -> bool:
    """A word that can carry meaning: not a stop word, number, date or "B2"-like code."""
    f = fold(word)
    return f not in STOPWORDS and sum(c.isalpha() for c in f) >= 2


def _soft_newline(text: str, start: int, i: int) -> bool:
    """True when the newline at ``i`` only wraps a sentence (the next line continues it)."""
    prev = text[max(start, i - 200) : i].rstrip()
    j = i + 1
    while j < len(text) and text[j] in " \t\r":
        j += 1
    if not prev or j >= len(text) or prev[-1] in ":.!?" or text[j] == "\n":
        return False
    nxt = text[j]
    if nxt in "-*•–—+>" or nxt.isdigit():
        return False  # a bullet, an enumeration or a dated line starts something new
    if nxt.islower() or nxt == "(" or prev[-1] in ",-":
        return True
    words = prev.split()
    return bool(words) and fold(words[-1]) in STOPWORDS


def _junk_mask(text: str) -> bytearray:
    """1 for characters of e-mail addresses, URLs, phone numbers and postcodes."""
    junk = bytearray(len(text))
    for m in _JUNK_RE.finditer(text):
        junk[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return junk


def _clauses(text: str, junk: bytearray) -> list[tuple[int, int]]:
    """Sentence spans (wrapped lines joined) without surrounding space, a leading date range
    ("2019 – 2022:"), or ``junk`` at their ends; personal-data lines are left out."""
    out: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        while s < e and (text[s].isspace() or text[s] in "-*–—>+" or junk[s]):
            s += 1
        date = _LEADING_DATE_RE.match(text, s, e)
        if date and date.end() > s:
            s = date.end()
        while e > s and (text[e - 1].isspace() or junk[e - 1]):
            e -= 1
        if e <= s:
            return
        words = [t for t in tokenize(text[s:e]) if _content_word(t.text)]
        if not words or fold(words[0].text) in _PERSONAL_FIELDS:
            return
        # clauses: cut at commas and brackets, each piece with at least two content words
        piece_start, count, pieces = s, 0, []
        cuts = [c.start() for c in _CLAUSE_CUT_RE.finditer(text, s, e)] + [e]
        k = 0
        for w in words:
            while cuts[k] <= s + w.start:
                if count >= MIN_SEGMENT_WORDS:
                    pieces.append((piece_start, cuts[k]))
                    piece_start, count = cuts[k] + 1, 0
                k += 1
            count += 1
        if count >= MIN_SEGMENT_WORDS or not pieces:
            pieces.append((piece_start, e))
        else:
            pieces[-1] = (pieces[-1][0], e)
        for ps, pe in pieces:
            while ps < pe and (text[ps].isspace() or text[ps] in "(),"):
                ps += 1
            while pe > ps and (text[pe - 1].isspace() or text[pe - 1] in "(,"):
                pe -= 1
            if pe > ps:
                out.append((ps, pe))

    start = 0
    for m in _BREAK_RE.finditer(text):
        if m.group(0) == "\n" and _soft_newline(text, start, m.start()):
            continue
        add(start, m.start())
        start = m.end()
    add(start, len(text))
    return out


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
