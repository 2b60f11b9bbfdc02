"""What the application services raise."""

from __future__ import annotations


class ApplyError(Exception):
    """The application cannot be stored; ``message`` is for the candidate."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class SlotFull(ApplyError):
    pass


class InvalidTransition(Exception):
    pass
