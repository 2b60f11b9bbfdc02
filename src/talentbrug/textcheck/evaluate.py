"""Precision and recall of the vacancy check on the labelled set.

Run ``python -m talentbrug.textcheck.evaluate`` (optionally with a path to a JSONL file).

Each line of the labelled set has ``id``, ``text``, ``expected`` (rule ids such as
``excl.age`` or bare families such as ``gender``), optional ``fields`` and a ``scope``:
``paragraph`` items are checked without the document-level ``missing.*`` rules (a paragraph
never has a salary), ``full`` items with all rules. ``read.rare_word`` is statistical and not
labelled, so it is left out of the evaluation.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import check
from .models import EducationRequirement, LanguageRequirement, Severity, VacancyFields
from .registry import all_rules

__all__ = ["DEFAULT_PATH", "Evaluation", "Item", "evaluate", "load_items", "main"]

DEFAULT_PATH = Path(__file__).parent / "tests" / "data" / "labelled.jsonl"
IGNORED_RULES = frozenset({"read.rare_word"})
DOCUMENT_FAMILIES = frozenset({"missing"})


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled example."""

    id: str
    text: str
    expected: frozenset[str]
    scope: str = "paragraph"
    fields: VacancyFields | None = None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(slots=True)
class Evaluation:
    """The outcome: counts per family, per rule, for blocking findings, plus overall recall."""

    families: dict[str, Counts] = field(default_factory=dict)
    rules: dict[str, Counts] = field(default_factory=dict)
    blocking: dict[str, Counts] = field(default_factory=dict)
    expectations: int = 0
    expectations_hit: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def overall_recall(self) -> float:
        """Share of all expected labels that the check found."""
        return self.expectations_hit / self.expectations if self.expectations else 1.0


def _family(label: str) -> str:
    return label.split(".", 1)[0]


def _fields(raw: dict[str, Any] | None) -> VacancyFields | None:
    if raw is None:
        return None
    data = dict(raw)
    langs = tuple(LanguageRequirement(**r) for r in data.pop("language_requirements", []))
    edu_raw = data.pop("education", None)
    edu = EducationRequirement(**edu_raw) if edu_raw else None
    return VacancyFields(**data, language_requirements=langs, education=edu)


def load_items(path: Path = DEFAULT_PATH) -> list[Item]:
    """Read the labelled JSONL file."""
    items: list[Item] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            raw = json.loads(line)
            items.append(
                Item(
                    id=raw["id"],
                    text=raw["text"],
                    expected=frozenset(raw.get("expected", [])),
                    scope=raw.get("scope", "paragraph"),
                    fields=_fields(raw.get("fields")),
                )
            )
    return items


def _counts(table: dict[str, Counts], key: str) -> Counts:
    return table.setdefault(key, Counts())


def evaluate(items: Iterable[Item]) -> Evaluation:
    """Run the check on every item and count hits and misses."""
    ev = Evaluation()
    blocking_rules = {r.id for r in all_rules() if r.severity is Severity.BLOKKEREND}
    for item in items:
        result = check(item.text, item.fields)
        findings = [
            f
            for f in result.findings
            if f.rule_id not in IGNORED_RULES
            and not (item.scope == "paragraph" and f.family in DOCUMENT_FAMILIES)
        ]
        predicted = {f.rule_id for f in findings}
        predicted_blocking = {f.rule_id for f in findings if f.severity is Severity.BLOKKEREND}
        expected = set(item.expected)
        exp_families = {_family(e) for e in expected}
        bare_families = {e for e in expected if "." not in e}
        pred_families = {_family(p) for p in predicted}

        for fam in exp_families | pred_families:
            c = _counts(ev.families, fam)
            if fam in exp_families and fam in pred_families:
                c.tp += 1
            elif fam in pred_families:
                c.fp += 1
            else:
                c.fn += 1
        for rid in {e for e in expected if "." in e} | predicted:
            c = _counts(ev.rules, rid)
            if rid in expected and rid in predicted:
                c.tp += 1
            elif rid in predicted:
                if _family(rid) in bare_families:
                    continue  # labelled only as a family: no verdict on the exact rule
                c.fp += 1
                ev.errors.append(f"{item.id}: unexpected {rid}")
            else:
                c.fn += 1
                ev.errors.append(f"{item.id}: missed {rid}")
        for rid in predicted_blocking:
            c = _counts(ev.blocking, _family(rid))
            if rid in expected or _family(rid) in bare_families:
                c.tp += 1
            else:
                c.fp += 1
        for rid in blocking_rules & expected:
            if rid not in predicted_blocking:
                _counts(ev.blocking, _family(rid)).fn += 1
        for e in expected:
            ev.expectations += 1
            hit = e in predicted if "." in e else e in pred_families
            ev.expectations_hit += int(hit)
        for e in bare_families - pred_families:
            ev.errors.append(f"{item.id}: missed family {e}")
    return ev


def _table(title: str, table: dict[str, Counts]) -> list[str]:
    lines = [title, f"{'':28} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}"]
    for key in sorted(table):
        c = table[key]
        lines.append(
            f"{key:28} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>10.2f} {c.recall:>8.2f}"
        )
    return lines


def format_report(ev: Evaluation, n_items: int, *, show_errors: bool = True) -> str:
    """A plain-text report with the three tables and the overall recall."""
    lines = [f"Labelled items: {n_items}", ""]
    lines += [*_table("Per rule family", ev.families), ""]
    lines += [*_table("Per rule", ev.rules), ""]
    lines += [*_table("Blocking findings (blokkerend) per family", ev.blocking), ""]
    lines.append(
        f"Overall recall: {ev.overall_recall:.2f} "
        f"({ev.expectations_hit}/{ev.expectations} expected labels found)"
    )
    if show_errors and ev.errors:
        lines += ["", "Differences:", *(f"  {e}" for e in ev.errors)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--quiet", action="store_true", help="do not list the differences")
    args = parser.parse_args(argv)
    items = load_items(args.path)
    ev = evaluate(items)
    print(format_report(ev, len(items), show_errors=not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
