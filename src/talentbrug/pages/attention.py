"""The shell's own menu item and attention items on the staff home (about the people pages of
accounts: accounts, the lower layer, cannot register with the shell itself)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can
from talentbrug.accounts.models import User

from .navigation import AttentionItem, NavItem, register_attention, register_nav

register_nav(
    NavItem("accounts:members", gettext_lazy("Medewerkers"), "organisation.view_members", order=880)
)


@register_attention
def members_without_second_factor(request: HttpRequest) -> list[AttentionItem]:
    if not can(request, "organisation.view_members"):
        return []
    count = (
        User.objects.filter(memberships__organisation=request.organisation, is_active=True)  # type: ignore[attr-defined]
        .exclude(totpdevice__confirmed=True)
        .distinct()
        .count()
    )
    return [
        AttentionItem(
            title=_("Medewerkers zonder tweestapsverificatie"),
            count=count,
            url=reverse("accounts:members"),
            action_label=_("Bekijk medewerkers"),
            empty_text=_("Alle medewerkers gebruiken tweestapsverificatie."),
        )
    ]
