"""The refusals of the assessments services (the message says what is wrong and what to do)."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class AssessmentError(ValidationError):
    """A change that is not allowed; the message says what is wrong and what to do."""


class SessionFull(AssessmentError):
    """The last place was taken first."""


class NotObserver(AssessmentError):
    """Only the day's observers score on its grid."""
