"""Names: after cues (labels, greetings, a CV's title) and names already known."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ..model import Category
from .patterns import (
    CLOSING_RE,
    COMMON_WORDS,
    MONTH_WORDS,
    NAME_TOKEN_RE,
    NOT_A_NAME,
    PARTICLES,
    UPPER,
    Hit,
    fold,
    line_bounds,
)

# --------------------------------------------------------------------------- names

_NAME_LABEL_RE = re.compile(
    r"(?:^|(?<=[\n|;•·\t]))[ \t]*(?:naam|volledige\s+naam|voornaam|voornamen|achternaam|"
    r"roepnaam|voorletters|naam\s+kandidaat|kandidaat|sollicitant|name|full\s+name|"
    r"first\s+name|last\s+name|surname|given\s+names?|family\s+name|candidate|applicant)"
    r"[ \t]*[:=][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_INTRO_RE = re.compile(
    r"\b(?:mijn\s+naam\s+is|ik\s+heet|my\s+name\s+is|my\s+name['’]s|i\s+am\s+called|"
    r"name['’]s|curriculum\s+vitae\s+(?:van|of)|cv\s+(?:van|of)|"
    r"ondergetekende(?:\s*,)?|undersigned(?:\s*,)?)[ \t]*[:,–-]?[ \t]*",
    re.IGNORECASE,
)
_CV_TITLE_RE = re.compile(
    r"^[ \t]*(?:curriculum\s+vitae|cv|résumé|resume)[ \t]*[-–—:|][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)


def take_name_phrase(
    text: str, pos: int, *, allow_comma: bool = False, whole_line: bool = False
) -> tuple[int, int] | None:
    """Scan a person's name (capitalised words, particles, initials) starting at ``pos``."""
    i = pos
    n = len(text)
    tokens: list[tuple[int, int, str]] = []
    while i < n and len(tokens) < 6:
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if allow_comma and tokens and j < n and text[j] == ",":
            j += 1
            while j < n and text[j] in " \t":
                j += 1
        m = NAME_TOKEN_RE.match(text, j)
        if not m or (m.end() < n and (text[m.end()].isalnum() or text[m.end()] == "@")):
            break
        tok = m.group()
        low = tok.lower()
        is_particle = low in PARTICLES
        if not is_particle and not tok[0].isupper():
            break
        if not is_particle and fold(tok.rstrip(".")) in NOT_A_NAME:
            break
        tokens.append((m.start(), m.end(), low))
        i = m.end()
        if tok.endswith(".") and len(tok) > 2 and not re.fullmatch(r"(?:\w\.)+", tok):
            break  # end of sentence, not an initial
    while tokens and tokens[-1][2] in PARTICLES:
        tokens.pop()
    if not tokens or all(t[2] in PARTICLES for t in tokens):
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 2:
        end -= 1
    if whole_line:
        _, line_end = line_bounds(text, start)
        if text[end:line_end].strip(" \t,.") != "":
            return None
    return start, end


def find_name_cues(text: str) -> Iterator[Hit]:
    """Names found from context: labels, introductions, signatures and CV titles."""
    for rx, allow_comma in ((_NAME_LABEL_RE, True), (_NAME_INTRO_RE, False), (_CV_TITLE_RE, False)):
        for m in rx.finditer(text):
            got = take_name_phrase(text, m.end(), allow_comma=allow_comma)
            if got:
                yield Category.NAAM, got[0], got[1]
    for m in CLOSING_RE.finditer(text):
        rest = m.group("rest")
        if rest.strip():
            got = take_name_phrase(text, m.start("rest"), whole_line=True)
            if got:
                yield Category.NAAM, got[0], got[1]
            continue
        # the first one or two non-empty lines below the closing
        pos = m.end()
        for _ in range(2):
            nl = text.find("\n", pos)
            if nl == -1:
                break
            line_start = nl + 1
            _, line_end = line_bounds(text, line_start)
            if text[line_start:line_end].strip():
                got = take_name_phrase(text, line_start, whole_line=True)
                if got:
                    yield Category.NAAM, got[0], got[1]
                break
            pos = line_end


def name_tokens(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """Split full names into folded name tokens and the particles they use."""
    tokens: set[str] = set()
    particles: set[str] = set()
    for name in names:
        for part in re.split(r"[\s,]+", name.strip()):
            part = part.strip(".'’")
            if not part:
                continue
            low = fold(part)
            if low in PARTICLES:
                particles.add(low)
                continue
            if len(low) >= 2 and not re.fullmatch(r"[a-z]\.?", low):
                tokens.add(low)
            for sub in low.split("-"):
                if len(sub) >= 3 and sub not in PARTICLES:
                    tokens.add(sub)
                elif sub in PARTICLES:
                    particles.add(sub)
    return tokens, particles


def find_known_names(
    text: str, names: Sequence[str], *, require_capital: bool = False
) -> Iterator[Hit]:
    """All occurrences of the tokens of ``names``, in any order, case or common inflection."""
    tokens, particles = name_tokens(names)
    if not tokens:
        return
    folded = fold(text)
    alt = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w@.])(?:{alt})(?:['’]s|s|['’])?(?![\w@])")
    hits: list[tuple[int, int]] = []
    for m in rx.finditer(folded):
        original = text[m.start() : m.end()]
        tok = m.group().rstrip("s'’") if m.group() not in tokens else m.group()
        after = text[m.end() : m.end() + 6]
        if tok in MONTH_WORDS and re.match(r"[ .]*\d{2,4}", after):
            continue  # "Jan 2019" is a month, even for a candidate called Jan
        if (
            m.end() < len(text)
            and text[m.end()] == "."
            and text[m.end() + 1 : m.end() + 2].isalpha()
        ):
            continue  # part of a domain or file name
        hits.append((m.start(), m.end()))
        _ = original
    # merge neighbouring tokens (with particles, initials, commas, hyphens in between)
    glue = re.compile(
        r"(?:[ \t,\-]|(?i:" + "|".join(re.escape(p) for p in sorted(PARTICLES)) + r")(?![\w])"
        rf"|(?<![\w.])[{UPPER}]\.)*"
    )
    merged: list[list[int]] = []
    for start, end in hits:
        if merged:
            gap = text[merged[-1][1] : start]
            g = glue.fullmatch(gap)
            if g is not None and len(gap) <= 25 and "\n" not in gap:
                merged[-1][1] = end
                merged[-1][2] += 1
                continue
        merged.append([start, end, 1])
    particle_alt = "|".join(re.escape(p) for p in sorted(particles | {"van", "de", "der", "den"}))
    prefix_rx = re.compile(rf"(?<![\w.])(?:[{UPPER}]\.[ \t]?)*(?:(?i:{particle_alt})[ \t]+)*$")
    for start, end, count in merged:
        chunk = text[start:end]
        if count == 1:
            is_lower = chunk == chunk.lower()
            if is_lower and (require_capital or fold(chunk).rstrip("s'’") in COMMON_WORDS):
                continue
            if require_capital and not chunk[:1].isupper():
                continue
        pm = prefix_rx.search(text, max(0, start - 30), start)
        if pm and pm.end() == start and pm.start() < start:
            lead = pm.group()
            # only keep particles if the name itself has them, initials always
            if lead.strip()[:1].isupper() or any(p in fold(lead).split() for p in particles):
                start = pm.start()
        yield Category.NAAM, start, end


def names_from_cues(text: str, hits: Iterable[Hit]) -> list[str]:
    return [text[s:e] for cat, s, e in hits if cat is Category.NAAM]
