"""Terms another app owns that the organisation settings page shows and saves.

The settings page (accounts, base layer) shows, next to the organisation's own fields, a few
terms that belong to feature apps: the cooling-off time before destroying (records) and the
retention after rejection (privacy). Accounts may not import those apps, so each registers
its term in its ``AppConfig.ready()`` (``register_organisation_term``); the page shows them in
the order of INSTALLED_APPS and saves each through the service of the app that owns it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms


@dataclass(frozen=True)
class OrganisationTerm:
    """``field()`` makes the form field (label, limits, help text); ``read(organisation)`` is
    the current value (never writes); ``save(organisation, actor, value)`` stores a changed
    value through the owning app's service (and does nothing when it did not change)."""

    key: str
    field: Callable[[], forms.Field]
    read: Callable[[Any], Any]
    save: Callable[[Any, Any, Any], None]


def days_field(label: Any, help_text: Any) -> forms.IntegerField:
    """A term in days, from 1 to 365 (the form field of most terms)."""
    return forms.IntegerField(label=label, min_value=1, max_value=365, help_text=help_text)


ORGANISATION_TERMS: list[OrganisationTerm] = []


def register_organisation_term(term: OrganisationTerm) -> None:
    """Add a term to the settings page (a term with the same key is replaced)."""
    for i, known in enumerate(ORGANISATION_TERMS):
        if known.key == term.key:
            ORGANISATION_TERMS[i] = term
            return
    ORGANISATION_TERMS.append(term)
