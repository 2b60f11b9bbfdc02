"""Tokenisation: words with character offsets, and sentences.

Every rule works on one :class:`Doc`, built once per check in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Doc", "Sentence", "Token", "build_doc"]

# A word: letters, optionally joined by an apostrophe or hyphen (collega's, hbo-opleiding).
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at ., !, ?, … (plus closing quotes/brackets) before whitespace, or at a newline.
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n")
_DOTTED_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")
_CLAUSE_PUNCT = frozenset(',;:()[]"“”–—')
_ABBREV = frozenset(
    {
        "bijv", "bv", "ca", "dhr", "mevr", "mw", "nr", "incl", "excl", "max", "min", "etc",
        "enz", "evt", "jl", "resp", "vs", "zgn", "bijz", "tel", "st", "drs", "ir", "mr", "dr",
        "prof", "ing", "ong", "ivm", "mbt", "ovb", "vgl", "ws", "nl", "o", "a",
    }
)  # fmt: skip
_BULLET_CHARS = "-•*–·▪◦ \t"


class Token(NamedTuple):
    """A word or number with its offsets in the text (a tuple: cheap to create)."""

    start: int
    end: int
    text: str
    lower: str
    sentence: int
    is_number: bool
    #: True when a comma, colon, bracket or similar stands between this and the previous token.
    punct_before: bool

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        """True for all-caps tokens of two or more letters (ICT, VOG, NT2)."""
        return len(self.text) >= 2 and self.text.isupper()


class Sentence(NamedTuple):
    """A sentence (or a heading or list line) with its offsets and token range."""

    start: int
    end: int
    first_token: int
    end_token: int

    @property
    def word_count(self) -> int:
        """Number of tokens (words and numbers) in the sentence."""
        return self.end_token - self.first_token


@dataclass(slots=True)
class Doc:
    """The tokenised text."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``."""
        s = self.sentences[index]
        return self.tokens[s.first_token : s.end_token]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (binary search); -1 when none."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def is_sentence_initial(self, index: int) -> bool:
        """True when token ``index`` is the first token of its sentence."""
        tok = self.tokens[index]
        return self.sentences[tok.sentence].first_token == index


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """True when the dot at ``dot_pos`` closes an abbreviation such as ``o.a.`` or ``bijv.``."""
    i = dot_pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot_pos].lower().strip("(\"'")
    if not word:
        return False
    return _DOTTED_RE.match(word) is not None or word in _ABBREV


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END_RE.finditer(text):
        if m.group() == "." and _is_abbreviation(text, m.start()):
            j = m.end()
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] != "\n":
                prev_word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()].lower()
                if not text[j].isupper() or _DOTTED_RE.match(prev_word.strip("(")):
                    continue
        end = m.end() if m.group() != "\n" else m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, n))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and (text[s] in _BULLET_CHARS or text[s] in "\n\r"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def build_doc(text: str) -> Doc:
    """Split ``text`` into tokens and sentences. Runs in linear time."""
    spans = _sentence_spans(text)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    si = 0
    prev_end = 0
    sent_first: int | None = None
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        while si < len(spans) and start >= spans[si][1]:
            if sent_first is not None:
                sentences.append(Sentence(spans[si][0], spans[si][1], sent_first, len(tokens)))
                sent_first = None
            si += 1
        if si >= len(spans):  # pragma: no cover - tokens always lie inside a span
            break
        if sent_first is None:
            sent_first = len(tokens)
        word = m.group()
        end = m.end()
        if start - prev_end == 1:
            punct = text[prev_end] in _CLAUSE_PUNCT
        else:
            punct = any(c in _CLAUSE_PUNCT for c in text[prev_end:start])
        tokens.append(
            Token(start, end, word, word.lower(), len(sentences), word[0].isdigit(), punct)
        )
        prev_end = end
    if sent_first is not None and si < len(spans):
        sentences.append(Sentence(spans[si][0], spans[si][1], sent_first, len(tokens)))
    return Doc(text=text, tokens=tokens, sentences=sentences)
