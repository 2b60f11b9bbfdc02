"""Showing the errors of a refused change: one helper instead of a copy per views module.

A service refuses a change with ``ValidationError`` (or a subclass such as ``SelectionError``);
the view shows what is wrong as a message at the top of the page (house rule: errors say what
is wrong and how to fix it).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def error_messages(exc: ValidationError) -> list[str]:
    """The messages of a ``ValidationError`` as plain strings (lazy translations resolved)."""
    return [str(m) for m in exc.messages]


def show_errors(request: HttpRequest, exc: ValidationError, *, each: bool = False) -> None:
    """Show the errors of ``exc`` as an error message: joined into one, or ``each`` apart."""
    if each:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        messages.error(request, " ".join(error_messages(exc)))
