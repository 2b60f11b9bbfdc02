"""The refusal every privacy verb raises."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class PrivacyError(ValidationError):
    """The request cannot be carried out; the message is for staff."""
