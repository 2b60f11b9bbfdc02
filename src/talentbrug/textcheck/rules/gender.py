"""Gender-coded words (after Gaucher, Friesen & Kay 2011), matched as whole Dutch words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..data.gender_words import FEMININE, MASCULINE, GenderWord, forms
from ..matcher import PhraseIndex
from ..models import Finding, Severity
from ..registry import Context, make_finding, rule


@lru_cache(maxsize=2)
def _index(kind: str) -> tuple[PhraseIndex[GenderWord], dict[str, re.Pattern[str]]]:
    words = MASCULINE if kind == "m" else FEMININE
    entries: list[tuple[str, GenderWord]] = []
    guards: dict[str, re.Pattern[str]] = {}
    for word in words:
        for form in forms(word):
            entries.append((form, word))
    for word in words:
        if word.not_before:
            guards[word.lemma] = re.compile(word.not_before, re.IGNORECASE)
    return PhraseIndex(entries), guards


def _find(ctx: Context, kind: str) -> Iterator[tuple[int, int, GenderWord]]:
    index, guards = _index(kind)
    text = ctx.text
    for m in index.find(ctx.doc):
        guard = guards.get(m.payload.lemma)
        if guard is not None and guard.match(text, m.end):
            continue
        yield m.start, m.end, m.payload


@rule("gender.masculine", Severity.TIP, "Masculine-read words (Gaucher et al. 2011).")
def masculine(ctx: Context) -> Iterator[Finding]:
    """Flag masculine-read words such as "ambitieus", "daadkrachtig", "resultaatgerichte"."""
    count = 0
    for start, end, word in _find(ctx, "m"):
        count += 1
        yield make_finding(ctx, "gender.masculine", start, end, alt=word.alternative)
    ctx.shared["masculine"] = count


@rule("gender.feminine", Severity.TIP, "Feminine-read words (Gaucher et al. 2011).")
def feminine(ctx: Context) -> Iterator[Finding]:
    """Flag feminine-read words such as "zorgvuldig", "loyaal", "klantvriendelijke"."""
    count = 0
    for start, end, word in _find(ctx, "f"):
        count += 1
        yield make_finding(ctx, "gender.feminine", start, end, alt=word.alternative)
    ctx.shared["feminine"] = count
