"""Which apply routes a vacancy can offer *now*: the registry the apply step fills in.

A vacancy lists the routes HR chose (``Vacancy.apply_routes``), but a work sample needs an
assignment and a recruitment day a future time with a free seat. The vacancy page, the flyer
and the feeds (publishing) must only advertise what the apply page then offers; the apply step
(applications, a later stage of the journey) knows the rule and registers it here in its
``AppConfig.ready()``, so publishing and vacancies need not import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_USABLE: list[Callable[[Any], list[str]]] = []


def register_usable_routes(check: Callable[[Any], list[str]]) -> None:
    """``check(vacancy)`` returns the routes that can be used now; the last one registered wins."""
    _USABLE[:] = [check]


def usable_routes(vacancy: Any) -> list[str]:
    """The routes a candidate can use now (without a registered check: the chosen ones)."""
    if _USABLE:
        return _USABLE[0](vacancy)
    return list(vacancy.apply_routes or [])
