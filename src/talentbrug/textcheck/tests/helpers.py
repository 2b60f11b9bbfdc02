"""Small helpers for the textcheck tests."""

from __future__ import annotations

from talentbrug.textcheck import VacancyFields, check


def ids(text: str, fields: VacancyFields | None = None) -> set[str]:
    """Rule ids that fire on ``text``, without the document-level ``missing.*`` rules."""
    return {f.rule_id for f in check(text, fields).findings if f.family != "missing"}


def matches(text: str, rule_id: str, fields: VacancyFields | None = None) -> list[str]:
    """The flagged text of every finding of ``rule_id``."""
    result = check(text, fields)
    return [result.text[f.start : f.end] for f in result.findings if f.rule_id == rule_id]
