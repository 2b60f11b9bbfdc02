"""Result types of the redaction package."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """What kind of personal data a span holds; the value doubles as placeholder text."""

    NAAM = "naam"
    EMAIL = "e-mail"
    TELEFOON = "telefoon"
    ADRES = "adres"
    GEBOORTEDATUM = "geboortedatum"
    LEEFTIJD = "leeftijd"
    NATIONALITEIT = "nationaliteit"
    GEVOELIG = "gevoelig"  # gender, religion, marital or residence status, BSN
    URL = "url"
    IBAN = "iban"

    @property
    def placeholder(self) -> str:
        return f"[{self.value}]"


@dataclass(frozen=True, slots=True)
class Span:
    """A redacted stretch of the ORIGINAL text: ``original[start:end] == text``."""

    category: Category
    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """The redacted text and the spans (sorted, non-overlapping) that were replaced."""

    text: str
    spans: tuple[Span, ...]

    def by_category(self) -> dict[Category, list[Span]]:
        out: dict[Category, list[Span]] = {}
        for span in self.spans:
            out.setdefault(span.category, []).append(span)
        return out

    def categories(self) -> set[Category]:
        return {span.category for span in self.spans}
