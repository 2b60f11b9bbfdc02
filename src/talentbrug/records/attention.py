"""Menu item and staff-home attention items of the records app."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can, scoped
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import Decision, ListStatus

register_nav(
    NavItem("records:index", gettext_lazy("Bewaren of weggooien"), "records.view", order=600)
)


@register_attention
def records_attention(request: HttpRequest) -> list[AttentionItem]:
    from .models import DestructionList, Document

    items: list[AttentionItem] = []
    organisation = getattr(request, "organisation", None)
    if can(request, "records.review"):
        waiting = (
            scoped(DestructionList.objects.all(), organisation)
            .filter(status=ListStatus.IN_REVIEW)
            .exclude(created_by=request.user)
            .count()
        )
        items.append(
            AttentionItem(
                title=_("Vernietigingslijsten ter beoordeling"),
                count=waiting,
                url=reverse("records:lists"),
                action_label=_("Beoordeel vernietigingslijsten"),
                empty_text=_("Er wachten geen vernietigingslijsten op uw beoordeling."),
            )
        )
    if can(request, "records.triage"):
        left = (
            scoped(Document.objects.all(), organisation)
            .filter(decision__in=[Decision.UNDECIDED, Decision.LATER], destroyed_at__isnull=True)
            .count()
        )
        items.append(
            AttentionItem(
                title=_("Documenten om te beoordelen"),
                count=left,
                url=reverse("records:index"),
                action_label=_("Ga naar bewaren of weggooien"),
                empty_text=_("Alle documenten zijn beoordeeld."),
            )
        )
    return items
