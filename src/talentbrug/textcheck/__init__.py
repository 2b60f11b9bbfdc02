"""Talentbrug vacancy check: a pure-Python library (no Django) for Dutch vacancy texts.

>>> from talentbrug.textcheck import check
>>> result = check("Wij zoeken een jonge collega tussen 25 en 35 jaar.")
>>> sorted(result.rule_ids())[:2]
['excl.age', 'excl.age_coded']

Spans (``Finding.start``/``end``) refer to ``CheckResult.text``: the plain text that was
checked. Use :func:`html_to_text` (or ``check(..., html=True)``) for HTML input.
"""

from .checker import check
from .htmltext import html_to_text
from .models import (
    CheckResult,
    EducationRequirement,
    Finding,
    LanguageRequirement,
    Metrics,
    Severity,
    VacancyFields,
)
from .registry import Rule, all_rules

__all__ = [
    "CheckResult",
    "EducationRequirement",
    "Finding",
    "LanguageRequirement",
    "Metrics",
    "Rule",
    "Severity",
    "VacancyFields",
    "all_rules",
    "check",
    "html_to_text",
]
