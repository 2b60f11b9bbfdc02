"""The skill lexicon: ESCO labels as stemmed word keys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..taxonomy import Taxonomy
from ..text import STOPWORDS, Token, fold, split_compound, stem, strip_qualifier, tokenize
from .clauses import MAX_TOKEN_CHARS
from .hits import LexicalHit, Method


@lru_cache(maxsize=100_000)
def common_word(word: str) -> bool:
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


def positions(tokens: Sequence[Token], lex: SkillLexicon) -> list[_Pos]:
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


def partial_compound(window: Sequence[_Pos]) -> bool:
    """True when a split compound contributes only some of its parts (head/modifier match)."""
    counts: dict[int, int] = {}
    for p in window:
        if p.parts > 1:
            counts[p.token] = counts.get(p.token, 0) + 1
    return any(c < next(p.parts for p in window if p.token == t) for t, c in counts.items())
