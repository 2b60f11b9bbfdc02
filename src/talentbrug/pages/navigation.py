"""The staff menu and the home page's attention items; apps register theirs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import can, is_programme_team


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Promise | str
    action: str
    order: int = 100
    # Also shown to the cross-government programme team, who hold no organisation role.
    programme_team: bool = False


@dataclass(frozen=True)
class AttentionItem:
    """One thing on the staff home: a count, where to act, and what to do when empty."""

    title: str
    count: int
    url: str
    action_label: str
    empty_text: str


AttentionProvider = Callable[[HttpRequest], list[AttentionItem]]

NAV_ITEMS: list[NavItem] = [
    NavItem("pages:home", _("Overzicht"), "home.view", order=0),
    NavItem("audit:list", _("Logboek"), "audit.view", order=900),
]
ATTENTION_PROVIDERS: list[AttentionProvider] = []


def register_nav(item: NavItem) -> None:
    if item not in NAV_ITEMS:
        NAV_ITEMS.append(item)


def register_attention(provider: AttentionProvider) -> AttentionProvider:
    if provider not in ATTENTION_PROVIDERS:
        ATTENTION_PROVIDERS.append(provider)
    return provider


def nav_for(request: HttpRequest) -> list[dict[str, object]]:

    team = is_programme_team(request)
    items = []
    for item in sorted(NAV_ITEMS, key=lambda i: i.order):
        if (item.programme_team and team) or can(request, item.action):
            url = reverse(item.url_name)
            current = request.path == url or (
                url != "/medewerkers/" and request.path.startswith(url)
            )
            items.append({"url": url, "label": item.label, "current": current})
    return items


def attention_for(request: HttpRequest) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for provider in ATTENTION_PROVIDERS:
        items.extend(provider(request))
    return items
