"""``{% route_states request vacancy as states %}``: the vacancy page's panel on apply routes."""

from __future__ import annotations

from typing import Any

from django import template

from talentbrug.accounts.access import can
from talentbrug.applications.route_setup import ACTION
from talentbrug.applications.route_setup import route_states as _route_states

register = template.Library()


@register.simple_tag
def route_states(request: Any, vacancy: Any) -> list[Any] | None:
    """The chosen routes with whether candidates get them now; None without the permission."""
    if not can(request, ACTION):
        return None
    return [state for state in _route_states(vacancy) if state.chosen]
