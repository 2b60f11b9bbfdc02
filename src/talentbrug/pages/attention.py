"""The shell's own attention items on the staff home."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from talentbrug.accounts.access import can
from talentbrug.accounts.models import User

from .navigation import AttentionItem, register_attention


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
