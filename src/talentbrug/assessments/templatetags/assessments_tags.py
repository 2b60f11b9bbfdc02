"""Small template helpers of the assessments app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from talentbrug.accounts.access import can
from talentbrug.assessments.services import bookings as assessment_bookings
from talentbrug.assessments.services import diversity as assessment_diversity

register = template.Library()


@register.filter
def paired(first: Iterable[Any], second: Iterable[Any]) -> list[tuple[Any, Any]]:
    """``{% for stage, pct in stages|paired:row.percentages %}``."""
    return list(zip(first, second, strict=False))


@register.inclusion_tag("assessments/_portal_links.html")
def assessments_portal_links(application: Any) -> dict[str, Any]:
    """On the candidate's application page: the group day and the voluntary questions."""

    bookings = list(assessment_bookings.active_bookings(application))
    has_days = assessment_bookings.days_for(application).exists()
    return {
        "application": application,
        "bookings": bookings,
        "show_day": bool(bookings) or (has_days and assessment_bookings.may_book(application)),
        "show_diversity": assessment_diversity.diversity_enabled(application.organisation),
    }


@register.simple_tag(takes_context=True)
def may(context: dict[str, Any], action: str) -> bool:
    """``{% may "assessments.diversity" as allowed %}``: the permission table for a template."""

    request = context.get("request")
    return bool(request is not None and can(request, action))
