"""How later stages add to the vacancy pages without vacancies importing them.

The vacancy is the first stage of the journey; onboarding (a later stage) carries the vacancy's
promised support into the plan. Vacancies never imports onboarding: onboarding registers here
in its ``AppConfig.ready()``.

- :func:`register_detail_context`: a named value for the vacancy detail page, computed from
  the vacancy (``first_weeks``: the onboarding template's first weeks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Vacancy

DETAIL_CONTEXT: dict[str, Callable[[Vacancy], Any]] = {}


def register_detail_context(name: str, provide: Callable[[Vacancy], Any]) -> None:
    existing = DETAIL_CONTEXT.get(name)
    if existing is not None and existing is not provide:
        raise ValueError(f"Vacancy detail context {name!r} registered twice")
    DETAIL_CONTEXT[name] = provide


def detail_context(vacancy: Vacancy) -> dict[str, Any]:
    """The registered values for this vacancy's detail page."""
    return {name: provide(vacancy) for name, provide in DETAIL_CONTEXT.items()}
