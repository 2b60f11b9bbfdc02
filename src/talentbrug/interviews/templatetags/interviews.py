"""Template tags that let selection and the candidate portal show interviews with one include."""

from __future__ import annotations

from typing import Any

from django import template

from talentbrug.accounts.access import can

from .. import services
from ..constants import InterviewStatus
from ..models import Interview

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_interviews(context: Any, application: Any) -> dict[str, Any]:
    """The interviews of an application for the staff member looking at it."""
    request = context.get("request")
    return {
        "interviews": list(services.for_application(application)),
        "can_plan": request is not None and can(request, "interviews.plan"),
    }


@register.simple_tag
def candidate_interviews(application: Any) -> list[Interview]:
    """The candidate's open interviews for one application (portal)."""
    return list(
        Interview.objects.filter(
            application=application,
            status__in=[InterviewStatus.PROPOSED, InterviewStatus.PLANNED],
        )
        .select_related("chosen_slot")
        .order_by("created_at")
    )
