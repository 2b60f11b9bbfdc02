"""``redact()``: combine the detectors, resolve overlaps, write typed placeholders."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from .detectors import addresses, birth, contact, fields, names, patterns
from .model import Category, RedactionResult, Span

# When two spans of different categories overlap, the longer wins; on equal length the
# category listed first wins.
_PRIORITY: dict[Category, int] = {
    cat: i
    for i, cat in enumerate(
        [
            Category.EMAIL,
            Category.URL,
            Category.IBAN,
            Category.TELEFOON,
            Category.GEBOORTEDATUM,
            Category.LEEFTIJD,
            Category.GEVOELIG,
            Category.NATIONALITEIT,
            Category.ADRES,
            Category.NAAM,
        ]
    )
}
# Same-category spans separated only by this are joined ("Kerkstraat 1, 1234 AB Utrecht").
_JOIN_GAP = re.compile(r"[ \t,]{0,3}")

MAX_INPUT_CHARS = 2_000_000


def _union_same_category(hits: Iterable[patterns.Hit]) -> list[patterns.Hit]:
    by_cat: dict[Category, list[tuple[int, int]]] = {}
    for cat, s, e in hits:
        if e > s:
            by_cat.setdefault(cat, []).append((s, e))
    out: list[patterns.Hit] = []
    for cat, spans in by_cat.items():
        spans.sort()
        cur_s, cur_e = spans[0]
        for s, e in spans[1:]:
            if s <= cur_e:
                cur_e = max(cur_e, e)
            else:
                out.append((cat, cur_s, cur_e))
                cur_s, cur_e = s, e
        out.append((cat, cur_s, cur_e))
    return out


def _join_adjacent(text: str, hits: list[patterns.Hit]) -> list[patterns.Hit]:
    hits.sort(key=lambda h: h[1])
    out: list[patterns.Hit] = []
    for cat, s, e in hits:
        if out:
            pcat, ps, pe = out[-1]
            if (
                pcat is cat
                and cat in (Category.ADRES, Category.NAAM)
                and _JOIN_GAP.fullmatch(text[pe:s])
            ):
                out[-1] = (cat, ps, e)
                continue
        out.append((cat, s, e))
    return out


def _resolve(hits: list[patterns.Hit]) -> list[patterns.Hit]:
    """Keep the longest (then highest-priority) spans; drop any span overlapping a kept one."""
    ordered = sorted(hits, key=lambda h: (-(h[2] - h[1]), _PRIORITY[h[0]], h[1]))
    starts: list[int] = []  # kept spans, sorted by start and non-overlapping
    kept: list[patterns.Hit] = []
    for hit in ordered:
        _, s, e = hit
        i = bisect.bisect_left(starts, s)
        if i < len(kept) and kept[i][1] < e:  # next kept span starts inside this one
            continue
        if i > 0 and kept[i - 1][2] > s:  # previous kept span runs into this one
            continue
        starts.insert(i, s)
        kept.insert(i, hit)
    return kept


def find_spans(text: str, *, known_names: Sequence[str] = ()) -> list[Span]:
    """Detect personal data; spans are sorted, non-overlapping, on the original text."""
    if len(text) > MAX_INPUT_CHARS:
        text = text[:MAX_INPUT_CHARS]
    hits: list[patterns.Hit] = []
    for finder in (
        contact.find_emails,
        contact.find_urls,
        contact.find_ibans,
        contact.find_phones,
        birth.find_birth_dates,
        birth.find_birth_places,
        birth.find_ages,
        fields.find_labelled_fields,
        addresses.find_addresses,
    ):
        hits.extend(finder(text))
    cues = list(names.find_name_cues(text))
    hits.extend(cues)
    given = [n for n in known_names if n and n.strip()]
    if given:
        hits.extend(names.find_known_names(text, given))
    discovered = names.names_from_cues(text, cues)
    if discovered:
        hits.extend(names.find_known_names(text, discovered, require_capital=True))
    resolved = _resolve(_join_adjacent(text, _union_same_category(hits)))
    return [Span(cat, s, e, text[s:e]) for cat, s, e in resolved]


def apply_spans(text: str, spans: Sequence[Span]) -> str:
    parts: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda sp: sp.start):
        if span.start < pos:
            continue
        parts.append(text[pos : span.start])
        parts.append(span.category.placeholder)
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


def redact(text: str, *, known_names: Sequence[str] = ()) -> RedactionResult:
    """Replace personal data in ``text`` by typed placeholders such as ``[naam]``.

    ``known_names`` are names of the candidate known from the application form; their
    parts are found in any order, case and with genitive endings ("Ahmads", "Ahmad's").
    """
    spans = find_spans(text, known_names=known_names)
    return RedactionResult(text=apply_spans(text, spans), spans=tuple(spans))
