"""Redaction of personal data in CVs and motivation letters, for blind review.

Pure Python, no Django::

    >>> from talentbrug.redaction import redact
    >>> redact("Mail me: ahmad@example.org", known_names=["Ahmad Al-Hassan"]).text
    'Mail me: [e-mail]'
"""

from .core import apply_spans, find_spans, redact
from .model import Category, RedactionResult, Span

__all__ = ["Category", "RedactionResult", "Span", "apply_spans", "find_spans", "redact"]
