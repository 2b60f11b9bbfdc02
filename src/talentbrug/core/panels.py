"""Panels: a later stage shows its part on an earlier stage's page, without a forward include.

An earlier stage's template names a *slot* (``{% load panels %}{% panels "selection.application" %}``);
a later app registers its template for that slot in its ``AppConfig.ready()``
(``register_panel("selection.application", "interviews/_selection_panel.html")``). The panel
template is rendered with the page's context, like an ``{% include %}``, in ``order``.

Slots in use: ``selection.application`` (staff page of one application in selection),
``applications.portal_application`` (the candidate's page of one application in the portal),
``vacancies.detail`` (the staff page of a vacancy: its apply routes) and ``staff.header`` (the
staff header's tools: the notification bell).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Panel:
    order: int
    template: str


PANELS: dict[str, list[Panel]] = {}


def register_panel(slot: str, template: str, *, order: int = 100) -> None:
    panels = PANELS.setdefault(slot, [])
    if any(p.template == template for p in panels):
        return
    panels.append(Panel(order, template))
    panels.sort()


def panels(slot: str) -> list[str]:
    """The templates registered for ``slot``, in order."""
    return [p.template for p in PANELS.get(slot, [])]
