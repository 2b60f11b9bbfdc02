"""Data types of the vacancy check: input fields, findings, metrics and the result."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "CheckResult",
    "EducationRequirement",
    "Finding",
    "LanguageRequirement",
    "Metrics",
    "Severity",
    "VacancyFields",
]


class Severity(StrEnum):
    """How serious a finding is. The values are the Dutch words shown to staff."""

    BLOKKEREND = "blokkerend"
    WAARSCHUWING = "waarschuwing"
    TIP = "tip"

    @property
    def rank(self) -> int:
        """Sort key: 0 for blocking, 2 for a tip."""
        return _RANK[self]


_RANK = {Severity.BLOKKEREND: 0, Severity.WAARSCHUWING: 1, Severity.TIP: 2}

CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True, slots=True)
class LanguageRequirement:
    """A language requirement: language x skill x CEFR level, with an optional justification.

    ``skill`` is one of ``reading``, ``listening``, ``writing``, ``speaking`` or ``all``.
    ``needed_at_start`` is False when the level is reachable with a language coach.
    """

    level: str
    language: str = "nl"
    skill: str = "all"
    justification: str = ""
    needed_at_start: bool = True

    @property
    def above_b1(self) -> bool:
        """True when the level is B2, C1 or C2."""
        lvl = self.level.strip().upper()
        return lvl in CEFR_LEVELS and CEFR_LEVELS.index(lvl) > CEFR_LEVELS.index("B1")


@dataclass(frozen=True, slots=True)
class EducationRequirement:
    """An education requirement as NLQF level, and whether an equivalent route is accepted."""

    nlqf_level: int | None = None
    label: str = ""
    allows_equivalent: bool = False


@dataclass(frozen=True, slots=True)
class VacancyFields:
    """Structured vacancy fields. ``None`` means "unknown": the check then looks in the text.

    Amounts are euros per month (gross); hours are per week.
    """

    title: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    hours_min: float | None = None
    hours_max: float | None = None
    has_apply_routes: bool | None = None
    has_onboarding_text: bool | None = None
    has_nt2_statement: bool | None = None
    has_accommodations_statement: bool | None = None
    contact_person: str | None = None
    must_have_count: int | None = None
    language_requirements: tuple[LanguageRequirement, ...] = ()
    education: EducationRequirement | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the text.

    ``start``/``end`` are character offsets into :attr:`CheckResult.text` (the plain text that
    was checked), so ``text[start:end]`` is the flagged wording. Findings about the vacancy as a
    whole (for example a missing salary) have ``start == end == 0`` and name the ``field``
    they are about, if any.
    """

    rule_id: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str
    source: str
    field: str | None = None
    matched: str = ""

    @property
    def family(self) -> str:
        """The rule family: the part of the rule id before the first dot."""
        return self.rule_id.split(".", 1)[0]

    @property
    def is_document_level(self) -> bool:
        """True when the finding is about the vacancy as a whole, not a span."""
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class Metrics:
    """Readability numbers of the checked text (an indication, not a verdict)."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    words_per_sentence: float = 0.0
    syllables_per_100_words: float = 0.0
    flesch_douma: float = 0.0
    leesindex_a: float = 0.0
    long_sentences: int = 0
    long_word_share: float = 0.0
    rare_word_share: float = 0.0
    rare_words: tuple[str, ...] = ()
    passive_count: int = 0
    nominalisation_count: int = 0
    masculine_words: int = 0
    feminine_words: int = 0


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of :func:`talentbrug.textcheck.check`."""

    text: str
    findings: tuple[Finding, ...]
    metrics: Metrics
    indication: str
    notes: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def has_blocking(self) -> bool:
        """True when at least one finding is blocking."""
        return any(f.severity is Severity.BLOKKEREND for f in self.findings)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity, in text order."""
        return tuple(f for f in self.findings if f.severity is severity)

    def rule_ids(self) -> frozenset[str]:
        """The distinct rule ids that fired."""
        return frozenset(f.rule_id for f in self.findings)
