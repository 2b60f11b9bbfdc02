"""Language helpers for lexical matching: tokens with offsets, folding, a light Dutch/English
stemmer, stopwords and Dutch compound splitting.

The stemmer is deliberately crude and language-agnostic: it is applied identically to taxonomy
labels and to input text, so what matters is that inflections collapse onto the same key
("beheren", "beheer", "beheert" -> "beher"; "databases", "database" -> "databas";
"programming", "programmeren" -> "program"/"programmer").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "STOPWORDS",
    "Token",
    "fold",
    "split_compound",
    "stem",
    "strip_qualifier",
    "tokenize",
]

# letters/digits plus the tech characters that make "C#", "C++", ".NET", "node.js" tokens
_TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|[.'](?=[^\W_]))*[+#]*", re.UNICODE)
_QUALIFIER_RE = re.compile(r"\s*\([^)]*\)\s*$")
_VOWELS = set("aeiouy")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return fold(self.text)


_STOPWORDS_TEXT = """
a an the and or of to in on at for with by from as is are be been was were it its this that
these those i you he she we they my your our their me us them who which what also into such
other etc not no nor but if then than so very can will would should may might must de het
een en of van voor met door op in aan bij te tot uit over als dat die dit deze is zijn was
waren wordt worden werd ik jij je u hij zij ze wij we mijn jouw onze hun hem haar ook niet
geen maar dan zo zeer kan kunnen zal zullen moet moeten om naar er wat wie
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())


def fold(text: str) -> str:
    """Lowercase and strip accents (``Café`` -> ``cafe``)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> Iterator[Token]:
    """Yield word tokens with character offsets into ``text``."""
    for m in _TOKEN_RE.finditer(text):
        yield Token(m.group(0), m.start(), m.end())


def strip_qualifier(label: str) -> str:
    """``Java (computer programming)`` -> ``Java``."""
    return _QUALIFIER_RE.sub("", label).strip()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Crude shared Dutch/English stem of a folded, lowercased token."""
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 6 and w.endswith("ingen"):
        w = w[:-5]
    elif len(w) > 5 and w.endswith("heden"):
        w = w[:-5] + "heid"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("en"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 5 and w.endswith("erd"):
        w = w[:-1]  # Dutch participle: beheerd -> beheer
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 6 and w.endswith("t") and w[-2] in "rlmn":
        # Dutch 3rd person (beheert -> beheer); harmless for English consonant clusters
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]
    if w.endswith("y"):
        w = w[:-1] + "i"
    for dv in ("aa", "ee", "oo", "uu"):
        w = w.replace(dv, dv[0])
    return w


def split_compound(word: str, vocab: Container[str], min_part: int = 3) -> list[str] | None:
    """Split a folded Dutch compound into two or three known stems, or return ``None``.

    ``vocab`` holds stems of label tokens. Linking ``s``/``e``/``en`` between parts are dropped
    (``beveiligingsbeleid`` -> ``beveilig`` + ``beleid``). The split with the longest head
    (last part) wins, since the head carries the meaning of a Dutch compound.
    """
    if len(word) < 2 * min_part + 1 or not word.isalpha():
        return None
    best: list[str] | None = None
    for i in range(len(word) - min_part, min_part - 1, -1):
        head = stem(word[i:])
        if head not in vocab:
            continue
        left = word[:i]
        for cand in (
            left,
            left[:-1] if left.endswith("s") else None,
            left[:-2] if left.endswith("en") else None,
        ):
            if not cand or len(cand) < min_part:
                continue
            if stem(cand) in vocab:
                return [stem(cand), head]
            if best is None:
                inner = split_compound(cand, vocab, min_part) if len(cand) >= 2 * min_part else None
                if inner is not None and len(inner) == 2:
                    best = [*inner, head]
    return best
