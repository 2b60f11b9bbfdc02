"""Building blocks of the detectors: hits, word lists, the regular expressions they share."""

from __future__ import annotations

import re
import unicodedata

from ..model import Category

Hit = tuple[Category, int, int]

# --------------------------------------------------------------------------- building blocks


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# Bounded, atomic word patterns: no catastrophic backtracking on "Aa-Aa-Aa-…" input.
CAP_WORD = rf"[{UPPER}](?>[\w'’]{{0,40}})(?:-(?>[\w'’]{{1,40}})){{0,4}}"
PARTICLE_RE = (
    r"(?:van|de|der|den|het|ter|ten|te|op|in|aan|bij|la|le|du|da|di|dos|das|del|von|zu|al|el|"
    r"bin|ibn|bint|abu|ben|'s|'t)"
)
PARTICLES = word_set(
    """
    van de der den het ter ten te op in aan bij la le du da di dos das del von zu al el
    bin ibn bint abu ben 's 't
    """
)

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|january|february|march|may|june|july|august|october|"
    r"jan|febr?|mrt|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec)"
)
MONTH_WORDS = word_set(
    """
    januari februari maart april mei juni juli augustus september oktober november
    december january february march may june july august october jan feb febr mrt mar
    apr jun jul aug sep sept okt oct nov dec
    """
)
DATE = (
    rf"(?:\d{{1,2}}[-./]\d{{1,2}}[-./](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{4}}"
    rf"|(?:19|20)\d{{2}})(?![\w-])"
)

# Words that are also common surnames/first names; an isolated lower-case occurrence of such a
# token is ordinary language ("ik werkte als bakker"), not a name.
COMMON_WORDS = word_set(
    """
    bakker visser smit mulder boer koning schipper groot klein roos winter zomer mark
    will bill rose may hope faith baker smith king young long lang kok meijer de jong
    bos berg dekker brouwer hoek molenaar kuiper vos wolf haan dijk veen kramer schilder
    timmerman smid mens kort noor said amir hasan hoop grace joy sunny pat rob bas kees
    mees teun daan lief
    """
)

# Lines that end a letter; the name below them is the candidate's signature.
CLOSING_RE = re.compile(
    r"^[ \t]*(?:(?:met\s+)?(?:vriendelijke|hartelijke|warme|beste|collegiale)\s+groet(?:en)?"
    r"|(?:kind|best|warm|warmest|kindest)\s+regards|regards|groet(?:en|jes)?|mvg|"
    r"hoogachtend|(?:yours\s+)?sincerely|yours\s+faithfully|(?:with\s+)?best\s+wishes|cheers)"
    r"[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)

NAME_TOKEN_RE = re.compile(rf"(?:{CAP_WORD}\.?|[{UPPER}]\.(?:[{UPPER}]\.)*|{PARTICLE_RE})")

NOT_A_NAME = word_set(
    """
    curriculum vitae cv resume résumé motivatiebrief sollicitatiebrief profiel profile
    persoonlijke gegevens personal details contact opleiding education werkervaring
    experience ik i en and the de het een a an met with voor for in op bij van
    """
)


def fold(text: str) -> str:
    """Lower-case and strip diacritics while keeping a 1:1 character mapping to ``text``."""
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = (base or ch).lower()
        out.append(low[0] if low else ch)
    return "".join(out)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end
