"""The 'Programma's' menu item and the capacity item on the staff home."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can, scoped
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import PlacementState
from .models import Placement

register_nav(NavItem("programmes:index", gettext_lazy("Programma's"), "programmes.view", order=45))
# The programme team's own menu (rijksbreed, no organisation role): cohorts, places, figures.
register_nav(
    NavItem(
        "programmes:rijk_cohorts",
        gettext_lazy("Lichtingen rijksbreed"),
        "programmes.rijk",
        order=790,
        programme_team=True,
    )
)
register_nav(
    NavItem(
        "programmes:rijk_places",
        gettext_lazy("Leerplekken rijksbreed"),
        "programmes.rijk",
        order=795,
        programme_team=True,
    )
)


@register_attention
def placements_attention(request: HttpRequest) -> list[AttentionItem]:
    if not can(request, "programmes.view"):
        return []
    today = timezone.localdate()
    places = scoped(Placement.objects.all(), request.organisation)  # type: ignore[attr-defined]
    states = [p.state(today) for p in places]
    if not states:
        return []
    count = sum(1 for s in states if s in (PlacementState.OPEN, PlacementState.ENDING))
    return [
        AttentionItem(
            title=_("Leerplekken vrij of bijna vrij"),
            count=count,
            url=reverse("programmes:placements"),
            action_label=_("Bekijk de leerplekken"),
            empty_text=_("Alle BBL- en stageplekken zijn bezet."),
        )
    ]
