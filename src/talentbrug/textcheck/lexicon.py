"""Cached look-ups: Dutch syllable counts (pyphen) and word frequencies (wordfreq).

Both libraries are loaded lazily on first use; wordfreq's first load takes a moment, after
which every look-up is served from an LRU cache.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

__all__ = ["is_rare", "syllables", "warm_up", "zipf"]

_VOWEL_GROUPS_RE = re.compile(r"[aeiouyáéíóúàèëïöüâêîôû]+", re.IGNORECASE)
#: Words with a Zipf frequency below this are "rare" (about once per million words or less).
RARE_ZIPF = 3.0
#: Parts of a compound must be at least this common to make the compound readable.
_COMPOUND_PART_ZIPF = 3.3
_LINKERS = ("", "s", "e", "en")


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    # pyphen ships no type information; import it dynamically so mypy --strict stays clean.
    pyphen = importlib.import_module("pyphen")
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=1)
def _zipf_func() -> Any:
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Number of syllables of a Dutch word (pyphen nl_NL hyphenation, vowel groups as floor)."""
    total = 0
    for part in word.lower().replace("’", "'").split("-"):
        part = part.split("'")[0] if part.endswith("'s") else part.replace("'", "")
        if not part:
            continue
        if part[0].isdigit():
            total += 2
            continue
        by_dict = len(_pyphen().positions(part)) + 1
        by_vowels = len(_VOWEL_GROUPS_RE.findall(part)) or 1
        total += max(by_dict, by_vowels if by_vowels <= by_dict + 1 else by_dict)
    return max(total, 1)


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of a lower-case Dutch word (0 when unknown)."""
    return float(_zipf_func()(word, "nl"))


@lru_cache(maxsize=65536)
def is_rare(word: str) -> bool:
    """True when a lower-case word is rare, also as a compound of two common parts.

    ``inwerkplan`` or ``servicedeskmedewerker`` are long but made of common words; those are not
    rare. Hyphenated words are rare when one of their parts is.
    """
    if "-" in word:
        return any(is_rare(p) for p in word.split("-") if len(p) >= 3)
    if zipf(word) >= RARE_ZIPF:
        return False
    n = len(word)
    if n < 7:
        return True
    for i in range(3, n - 2):
        head, tail = word[:i], word[i:]
        if zipf(tail) < _COMPOUND_PART_ZIPF:
            continue
        for linker in _LINKERS:
            if linker and not head.endswith(linker):
                continue
            stem = head[: len(head) - len(linker)] if linker else head
            if len(stem) >= 3 and (zipf(stem) >= _COMPOUND_PART_ZIPF or not is_rare(stem)):
                return False
    return True


def warm_up() -> None:
    """Load pyphen and wordfreq once (the first wordfreq load is slow)."""
    syllables("vacature")
    zipf("vacature")
