"""Template tags for the panels selection adds to other pages (portal offer, message history)."""

from __future__ import annotations

from typing import Any

from django import template

from talentbrug.accounts.access import can
from talentbrug.core.http import organisation_of

from .. import history, offer_letter

register = template.Library()


@register.simple_tag
def sent_offer(application: Any) -> Any:
    """The offer letter in the candidate's portal for this application, or None."""
    return offer_letter.offer_for_portal(application)


@register.simple_tag(takes_context=True)
def message_history(context: Any, application: Any) -> list[history.Entry] | None:
    """The messages to the candidate about ``application`` from the user's organisation.

    None for a user who may not see the candidate's identity (assessors), and on a page that
    reviews blind (``hidden`` in the context): a message may name the candidate.
    """
    request = context.get("request")
    if request is None or not can(request, "applications.identity") or context.get("hidden"):
        return None  # also while the page reviews blind (a message may hold the name)
    return history.history_for(application, organisation_of(request))
