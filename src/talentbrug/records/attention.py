"""Menu item and staff-home attention items of the records app."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can, scoped
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import Decision, ListStatus, OverrideStatus
from .models import DestructionList, DestructionOverride, Document

register_nav(
    NavItem("records:index", gettext_lazy("Bewaren of weggooien"), "records.view", order=600)
)


@register_attention
def records_attention(request: HttpRequest) -> list[AttentionItem]:

    items: list[AttentionItem] = []
    organisation = getattr(request, "organisation", None)
    lists = scoped(DestructionList.objects.all(), organisation)
    if can(request, "records.review"):
        # In-app notification of "submitted": only lists that name this person as reviewer.
        waiting = lists.filter(status=ListStatus.IN_REVIEW, reviewers=request.user).count()
        items.append(
            AttentionItem(
                title=_("Vernietigingslijsten ter beoordeling"),
                count=waiting,
                url=reverse("records:lists"),
                action_label=_("Beoordeel vernietigingslijsten"),
                empty_text=_("Er wachten geen vernietigingslijsten op uw beoordeling."),
            )
        )
        overrides = (
            scoped(DestructionOverride.objects.all(), organisation)
            .filter(status=OverrideStatus.REQUESTED)
            .exclude(requested_by=request.user)
        )
        first = overrides.order_by("requested_at").first()
        if first is not None:
            items.append(
                AttentionItem(
                    title=_("Uitzonderingen op de selectielijst om over te beslissen"),
                    count=overrides.count(),
                    url=reverse("records:document_detail", kwargs={"pk": first.document_id})
                    + "#uitzondering",
                    action_label=_("Beslis over de uitzondering"),
                    empty_text="",
                )
            )
    if can(request, "records.manage"):
        returned = lists.filter(status=ListStatus.CHANGES_REQUESTED, created_by=request.user)
        if returned.exists():
            items.append(
                AttentionItem(
                    title=_("Uw vernietigingslijsten met gevraagde wijzigingen"),
                    count=returned.count(),
                    url=reverse("records:lists"),
                    action_label=_("Verwerk de wijzigingen"),
                    empty_text="",
                )
            )
        approved = lists.filter(
            created_by=request.user,
            status__in=[ListStatus.APPROVED, ListStatus.ARCHIVIST_APPROVED, ListStatus.COOLING_OFF],
        )
        if approved.exists():
            items.append(
                AttentionItem(
                    title=_("Uw goedgekeurde vernietigingslijsten (wachttijd of archivaris)"),
                    count=approved.count(),
                    url=reverse("records:lists"),
                    action_label=_("Bekijk de vernietigingslijsten"),
                    empty_text="",
                )
            )
    if can(request, "records.archivist"):
        items.append(
            AttentionItem(
                title=_("Vernietigingslijsten voor akkoord archivaris"),
                count=lists.filter(status=ListStatus.APPROVED).count(),
                url=reverse("records:lists"),
                action_label=_("Beoordeel als archivaris"),
                empty_text=_("Er wachten geen vernietigingslijsten op een archivaris."),
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
