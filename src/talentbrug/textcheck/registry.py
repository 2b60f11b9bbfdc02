"""The rule registry.

A rule is a small function ``(Context) -> Iterable[Finding]`` registered with :func:`rule`,
which records its id, family (the part of the id before the dot), default severity and a short
English description. :func:`all_rules` returns them in registration order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .messages import MESSAGES
from .models import Finding, Severity, VacancyFields
from .tokens import Doc

__all__ = ["Context", "Rule", "all_rules", "get_rule", "make_finding", "rule"]


@dataclass(slots=True)
class Context:
    """Everything a rule may look at: the tokenised text and the (optional) fields."""

    doc: Doc
    fields: VacancyFields | None
    #: Scratch space for rules that share work (for example, the gender counts).
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The plain text being checked."""
        return self.doc.text

    @property
    def lower(self) -> str:
        """The text in lower case (same offsets for Dutch text), computed once."""
        cached = self.shared.get("_lower")
        if cached is None:
            cached = self.doc.text.lower()
            if len(cached) != len(self.doc.text):  # pragma: no cover - exotic casing
                cached = "".join(c.lower()[:1] or c for c in self.doc.text)
            self.shared["_lower"] = cached
        return str(cached)

    def spans_with(self, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
        """Sentence spans whose lower-case text contains one of ``keywords``.

        Rules run their regular expressions only on these spans, which keeps the check fast.
        """
        lower = self.lower
        if not any(k in lower for k in keywords):
            return []
        out: list[tuple[int, int]] = []
        for s in self.doc.sentences:
            chunk = lower[s.start : s.end]
            if any(k in chunk for k in keywords):
                out.append((s.start, s.end))
        return out

    def finditer(
        self, pattern: re.Pattern[str], keywords: tuple[str, ...]
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer`` over the sentences that contain one of ``keywords``."""
        text = self.doc.text
        for lo, hi in self.spans_with(keywords):
            yield from pattern.finditer(text, lo, hi)


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule."""

    id: str
    severity: Severity
    description: str
    func: RuleFunc

    @property
    def family(self) -> str:
        """The family: the part of the id before the first dot."""
        return self.id.split(".", 1)[0]


_REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, description: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``rule_id`` with a default ``severity``."""

    def decorator(func: RuleFunc) -> RuleFunc:
        if rule_id in _REGISTRY:
            raise ValueError(f"duplicate rule id {rule_id!r}")
        if rule_id not in MESSAGES:
            raise ValueError(f"rule {rule_id!r} has no message")
        _REGISTRY[rule_id] = Rule(rule_id, severity, description, func)
        return func

    return decorator


def all_rules() -> tuple[Rule, ...]:
    """All registered rules, in registration order."""
    return tuple(_REGISTRY.values())


def get_rule(rule_id: str) -> Rule:
    """The rule with id ``rule_id`` (KeyError when unknown)."""
    return _REGISTRY[rule_id]


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def make_finding(
    ctx: Context,
    rule_id: str,
    start: int = 0,
    end: int = 0,
    *,
    severity: Severity | None = None,
    message_key: str | None = None,
    field_name: str | None = None,
    **values: Any,
) -> Finding:
    """Build a finding for ``rule_id`` with its Dutch explanation, suggestion and source.

    ``values`` fill the placeholders of the message; ``match`` defaults to the flagged text.
    """
    msg = MESSAGES[message_key or rule_id]
    matched = ctx.text[start:end]
    fmt = _Defaults({"match": " ".join(matched.split()), **values})
    return Finding(
        rule_id=rule_id,
        severity=severity or _REGISTRY[rule_id].severity,
        start=start,
        end=end,
        message=msg.explanation.format_map(fmt),
        suggestion=msg.suggestion.format_map(fmt),
        source=msg.source,
        field=field_name,
        matched=matched,
    )
