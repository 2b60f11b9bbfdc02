"""Evaluate ``redact()`` against the labelled snippets: recall and precision per category.

Usage::

    python -m talentbrug.redaction.evaluate [--data PATH] [--errors] [--json]

Matching: a predicted span counts for a gold span of the same category when their overlap
covers at least half of the shorter of the two (one-to-one, greedy). "Leaked characters" is
the share of gold characters (any category) not covered by any redaction at all.

The data file is JSON Lines; each line holds ``id``, ``lang``, ``text``, optional
``known_names`` and ``spans`` (``category``, ``start``, ``end``, ``text``). New snippets can
be written in markup (``Bel ⟦telefoon|06-12345678⟧``) and converted with ``--from-markup``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core import find_spans
from .model import Category, Span

DATA_PATH = Path(__file__).parent / "tests" / "data" / "snippets.jsonl"
_MARKUP_RE = re.compile(r"⟦([a-z-]+)\|(.*?)⟧", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    lang: str
    text: str
    spans: tuple[Span, ...]
    known_names: tuple[str, ...] = ()


@dataclass(slots=True)
class CategoryScore:
    gold: int = 0
    predicted: int = 0
    true_positive_gold: int = 0
    true_positive_pred: int = 0

    @property
    def recall(self) -> float:
        return self.true_positive_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.true_positive_pred / self.predicted if self.predicted else 1.0


@dataclass(slots=True)
class Report:
    scores: dict[Category, CategoryScore] = field(default_factory=dict)
    gold_chars: int = 0
    leaked_chars: int = 0
    errors: list[str] = field(default_factory=list)

    def score(self, cat: Category) -> CategoryScore:
        return self.scores.setdefault(cat, CategoryScore())

    def as_dict(self) -> dict[str, Any]:
        return {
            "categories": {
                cat.value: {
                    "gold": sc.gold,
                    "predicted": sc.predicted,
                    "recall": round(sc.recall, 4),
                    "precision": round(sc.precision, 4),
                }
                for cat, sc in sorted(self.scores.items())
            },
            "leaked_char_share": round(self.leaked_chars / self.gold_chars, 4)
            if self.gold_chars
            else 0.0,
        }


def parse_markup(marked: str) -> tuple[str, list[Span]]:
    """Turn ``"Bel ⟦telefoon|06-12345678⟧"`` into plain text plus gold spans."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in _MARKUP_RE.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        cat = Category(m.group(1))
        inner = m.group(2)
        spans.append(Span(cat, length, length + len(inner), inner))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def load_snippets(path: Path = DATA_PATH) -> list[Snippet]:
    snippets: list[Snippet] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        spans = []
        for sp in row["spans"]:
            span = Span(Category(sp["category"]), sp["start"], sp["end"], sp["text"])
            if text[span.start : span.end] != span.text:
                raise ValueError(f"{path}:{lineno}: span {sp} does not match the text")
            spans.append(span)
        snippets.append(
            Snippet(
                id=row["id"],
                lang=row["lang"],
                text=text,
                spans=tuple(spans),
                known_names=tuple(row.get("known_names", ())),
            )
        )
    return snippets


def _matches(a: Span, b: Span) -> bool:
    if a.category is not b.category:
        return False
    overlap = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return overlap > 0 and overlap * 2 >= shorter


def evaluate(snippets: Iterable[Snippet]) -> Report:
    report = Report()
    for snip in snippets:
        predicted = find_spans(snip.text, known_names=snip.known_names)
        _score_one(report, snip, predicted)
    return report


def _score_one(report: Report, snip: Snippet, predicted: Sequence[Span]) -> None:
    used: set[int] = set()
    for g in snip.spans:
        sc = report.score(g.category)
        sc.gold += 1
        hit = next((i for i, p in enumerate(predicted) if i not in used and _matches(g, p)), None)
        if hit is None:
            report.errors.append(f"{snip.id}: MISSED {g.category.value} {g.text!r}")
        else:
            used.add(hit)
            sc.true_positive_gold += 1
        covered = sum(max(0, min(g.end, p.end) - max(g.start, p.start)) for p in predicted)
        report.gold_chars += g.end - g.start
        report.leaked_chars += max(0, (g.end - g.start) - covered)
    for i, p in enumerate(predicted):
        sc = report.score(p.category)
        sc.predicted += 1
        if i in used or any(_matches(g, p) for g in snip.spans):
            sc.true_positive_pred += 1
        else:
            report.errors.append(f"{snip.id}: SPURIOUS {p.category.value} {p.text!r}")


def format_report(report: Report) -> str:
    lines = [f"{'category':<15}{'gold':>6}{'pred':>6}{'recall':>9}{'precision':>11}"]
    tot = CategoryScore()
    for cat in Category:
        sc = report.scores.get(cat)
        if sc is None:
            continue
        lines.append(
            f"{cat.value:<15}{sc.gold:>6}{sc.predicted:>6}{sc.recall:>9.3f}{sc.precision:>11.3f}"
        )
        tot.gold += sc.gold
        tot.predicted += sc.predicted
        tot.true_positive_gold += sc.true_positive_gold
        tot.true_positive_pred += sc.true_positive_pred
    lines.append(
        f"{'ALL (micro)':<15}{tot.gold:>6}{tot.predicted:>6}"
        f"{tot.recall:>9.3f}{tot.precision:>11.3f}"
    )
    share = report.leaked_chars / report.gold_chars if report.gold_chars else 0.0
    lines.append(f"leaked characters (not covered by any placeholder): {share:.2%}")
    return "\n".join(lines)


def _from_markup(src: Path) -> None:
    """Convert a JSON Lines file whose ``text`` uses ⟦category|…⟧ markup to snippets.jsonl."""
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text, spans = parse_markup(row["text"])
        row["text"] = text
        row["spans"] = [
            {"category": s.category.value, "start": s.start, "end": s.end, "text": s.text}
            for s in spans
        ]
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m talentbrug.redaction.evaluate")
    parser.add_argument("--data", type=Path, default=DATA_PATH)
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--from-markup", type=Path, help="convert a markup file and exit")
    args = parser.parse_args(argv)
    if args.from_markup:
        _from_markup(args.from_markup)
        return 0
    snippets = load_snippets(args.data)
    report = evaluate(snippets)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        langs = sorted({s.lang for s in snippets})
        print(f"{len(snippets)} snippets ({', '.join(langs)}) from {args.data}")
        print(format_report(report))
    if args.errors:
        print("\n".join(report.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
