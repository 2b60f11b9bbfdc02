"""Breadcrumbs on staff pages deeper than one level: one mechanism for every app.

An app registers a *trail* for a view name (``register_trail``) in its ``ready()`` (through the
module that registers its menu items). A trail is a function of the page's template context that
returns the crumbs above the current page and the current page itself; it reads the objects the
view already put in the context (no extra queries, no access decisions of its own: a crumb links
to a page the person reaches from this one anyway). ``staff_base.html`` renders the trail of the
current view with the NL Design System breadcrumb markup (``{% breadcrumbs %}``); a view without
a trail shows none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Crumb:
    label: Any
    url: str = ""
    # A person's or organisation's name or text written by a user: not a translatable string
    # (the page tour's language check skips it; translate="no" keeps machine translation off).
    is_name: bool = False


Trail = Callable[[Mapping[str, Any]], list[Crumb]]
TRAILS: dict[str, Trail] = {}


def register_trail(view_name: str, trail: Trail) -> None:
    TRAILS[view_name] = trail


def home() -> Crumb:
    return Crumb(_("Overzicht"), reverse("pages:home"))


def crumbs_for(view_name: str | None, context: Mapping[str, Any]) -> list[Crumb]:
    """The trail of this view: the staff home first, the current page last; [] for none."""
    trail = TRAILS.get(view_name or "")
    if trail is None:
        return []
    try:
        crumbs = trail(context)
    except (KeyError, AttributeError):
        return []  # a page rendered without its object (an error page): no trail
    return [home(), *crumbs] if crumbs else []
