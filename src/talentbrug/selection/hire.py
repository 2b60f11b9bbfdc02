"""What happens at hire, seen from selection: a registered handler, never an import.

Selection decides (offer, hire); onboarding (a later stage) builds the plan. So that selection
never imports onboarding, onboarding registers one :class:`HireHandler` here in its
``AppConfig.ready()``:

- ``preview(progress, contract_type, hours)``: what the plan will carry (the offer page shows
  it as "Dit regelen we bij de start");
- ``start(offer, user, buddy, language_coach)``: start the plan when the candidate says yes
  (inside the transaction of the hire); returns the plan;
- ``plan_for(application)``: the plan already started for an application, or None;
- ``people(organisation)``: who can be chosen as buddy or language coach.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class HireHandler:
    preview: Callable[..., Any]
    start: Callable[..., Any]
    plan_for: Callable[[Any], Any]
    people: Callable[[Any], Any]


_HANDLER: list[HireHandler] = []


def register_hire_handler(handler: HireHandler) -> None:
    if _HANDLER and _HANDLER[0] != handler:
        raise ValueError("A hire handler is registered already")
    _HANDLER[:] = [handler]


def handler() -> HireHandler:
    if not _HANDLER:
        raise ImproperlyConfigured("No hire handler registered (is onboarding installed?)")
    return _HANDLER[0]
