"""Menu item and staff-home attention items of the privacy app."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import DEADLINE_WARNING_DAYS, ObjectionOutcome
from .models import Objection
from .services.erasure import add_months, requests_for

register_nav(NavItem("privacy:index", gettext_lazy("Privacy"), "privacy.view", order=700))


@register_attention
def privacy_attention(request: HttpRequest) -> list[AttentionItem]:
    if not can(request, "privacy.view"):
        return []

    organisation = getattr(request, "organisation", None)
    # A deadline is one month after the request: "near" means requested over ~3 weeks ago.
    near = add_months(timezone.now() + timedelta(days=DEADLINE_WARNING_DAYS), -1)
    requests = (
        requests_for(organisation)
        .filter(status=DeletionRequestStatus.REQUESTED, requested_at__lte=near)
        .count()
    )
    objections = Objection.objects.filter(
        organisation=organisation, outcome=ObjectionOutcome.PENDING, received_at__lte=near
    ).count()
    return [
        AttentionItem(
            title=_("Verzoeken om verwijdering met een termijn die bijna verloopt"),
            count=requests + objections,
            url=reverse("privacy:requests"),
            action_label=_("Bekijk verzoeken"),
            empty_text=_("Geen verzoeken die binnen een week moeten zijn afgehandeld."),
        )
    ]
