"""Cutting text into clauses and segments, and telling text from noise."""

from __future__ import annotations

import re

from ..text import STOPWORDS, fold, tokenize

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
BOUNDARY_RE = re.compile(r"[.,;:!?()\n•|]")
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
CV_BOILERPLATE = frozenset(_CV_BOILERPLATE_TEXT.split())
# A segment that starts with one of these ("Woonplaats: Arnhem") is personal data.
_PERSONAL_FIELDS_TEXT = """
    curriculum cv naam name woonplaats adres address telefoon tel phone mobiel mobile
    mail email geboortedatum geboren born birth nationaliteit nationality rijbewijs
    postcode linkedin github website"""
_PERSONAL_FIELDS = frozenset(_PERSONAL_FIELDS_TEXT.split())


def priority(unexplained: int, content: int, chars: int) -> tuple[float, ...]:
    """Sort key of a segment for the embedding budget (smaller first): segments with the
    largest share of unexplained content words first, then the shortest (short clauses are the
    ones that land close to a label; long sentences average several meanings)."""
    return (-round(unexplained / content, 1), chars)


def content_word(word: str) -> bool:
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


def junk_mask(text: str) -> bytearray:
    """1 for characters of e-mail addresses, URLs, phone numbers and postcodes."""
    junk = bytearray(len(text))
    for m in _JUNK_RE.finditer(text):
        junk[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return junk


def clause_spans(text: str, junk: bytearray) -> list[tuple[int, int]]:
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
        words = [t for t in tokenize(text[s:e]) if content_word(t.text)]
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


def looks_like_garbage(text: str) -> bool:
    """Random bytes, binary junk, emoji walls: too few letters/spaces/ordinary punctuation."""
    sample = text[:20_000]
    ok = sum(1 for c in sample if c.isalpha() or c.isspace() or c in ".,;:-()/'\"!?&+#0123456789")
    if ok < 0.85 * len(sample):
        return True
    letters = [c for c in sample if c.isalpha()]
    return not letters


# --------------------------------------------------------------------------------------------
# skill linking: rank all labels for one sentence
