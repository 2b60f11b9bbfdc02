"""The 'Selectie' menu item and the waiting applications on the staff home."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .services.board import waiting_in_new

register_nav(NavItem("selection:index", gettext_lazy("Selectie"), "selection.view", order=35))


@register_attention
def selection_attention(request: HttpRequest) -> list[AttentionItem]:
    if not can(request, "selection.view"):
        return []

    return [
        AttentionItem(
            title=_("Sollicitaties in fase Nieuw"),
            count=waiting_in_new(request.organisation),  # type: ignore[attr-defined]
            url=reverse("selection:index"),
            action_label=_("Bekijk de nieuwe sollicitaties"),
            empty_text=_("Geen nieuwe sollicitaties die wachten."),
        )
    ]
