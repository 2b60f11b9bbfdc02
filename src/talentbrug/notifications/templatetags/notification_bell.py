"""``{% notification_bell as bell %}``: the header's unread count and newest notifications."""

from __future__ import annotations

from typing import Any

from django import template

from talentbrug.accounts.access import can, is_verified

from .. import services

register = template.Library()


@register.simple_tag(takes_context=True)
def notification_bell(context: Any) -> dict[str, Any] | None:
    request = context.get("request")
    organisation = getattr(request, "organisation", None)
    if (
        request is None
        or not request.user.is_authenticated
        or organisation is None
        or not is_verified(request)
        or not can(request, "notifications.view")
    ):
        return None
    return services.bell(request.user, organisation)
