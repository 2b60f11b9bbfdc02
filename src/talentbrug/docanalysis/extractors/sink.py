"""What an extractor writes into: the bounded ``TextSink`` and the ``Extracted`` metadata."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from ..model import Limits


class TextLimitReached(Exception):
    """Raised by ``TextSink`` once the text limit is reached, to stop extraction early."""


class TextSink:
    """Collects extracted text up to ``limit`` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.truncated = False
        self._parts: list[str] = []

    def add(self, text: str) -> None:
        if not text:
            return
        room = self.limit - self.size
        if room <= 0:
            self.truncated = True
            raise TextLimitReached
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self._parts.append(text)
        self.size += len(text)
        if self.truncated:
            raise TextLimitReached

    def line(self, text: str) -> None:
        self.add(text + "\n")

    def text(self) -> str:
        return "".join(self._parts)


@dataclass(slots=True)
class Extracted:
    """Metadata found while extracting; attachments are analysed as child documents."""

    title: str | None = None
    author: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    encoding: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


Extractor = Callable[[BinaryIO, TextSink, Extracted, Limits], None]


def as_aware(value: object) -> datetime | None:
    """Datetimes as timezone-aware; naive Office/ODF timestamps are UTC by specification."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def clean_value(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:500] or None
