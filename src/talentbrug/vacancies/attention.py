"""Vacancy items on the staff home."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import can, scoped
from talentbrug.pages.navigation import AttentionItem, NavItem, register_attention, register_nav

from .constants import VacancyStatus
from .models import Vacancy

register_nav(NavItem("vacancies:list", gettext_lazy("Vacatures"), "vacancies.view", order=10))


@register_attention
def vacancies_waiting(request: HttpRequest) -> list[AttentionItem]:
    items = []
    # Set by OrganisationMiddleware; None (nothing to show) for a user without an organisation.
    vacancies = scoped(Vacancy.objects.all(), getattr(request, "organisation", None))
    url = reverse("vacancies:list")
    if can(request, "vacancies.review"):
        # Four eyes: a vacancy someone wrote or offered is not waiting on their own review.
        user_id = request.user.pk
        count = (
            vacancies.filter(status=VacancyStatus.IN_REVIEW)
            .exclude(created_by_id=user_id)
            .exclude(submitted_by_id=user_id)
            .count()
        )
        items.append(
            AttentionItem(
                title=_("Vacatures ter beoordeling"),
                count=count,
                url=f"{url}?status={VacancyStatus.IN_REVIEW}",
                action_label=_("Beoordeel vacatures"),
                empty_text=_("Er wacht geen vacature op uw beoordeling."),
            )
        )
    if can(request, "vacancies.publish"):
        count = vacancies.filter(status=VacancyStatus.APPROVED).count()
        items.append(
            AttentionItem(
                title=_("Goedgekeurd, nog niet gepubliceerd"),
                count=count,
                url=f"{url}?status={VacancyStatus.APPROVED}",
                action_label=_("Publiceer vacatures"),
                empty_text=_("Alle goedgekeurde vacatures staan online."),
            )
        )
    if can(request, "vacancies.edit"):
        count = vacancies.filter(status=VacancyStatus.CONCEPT).count()
        items.append(
            AttentionItem(
                title=_("Concepten"),
                count=count,
                url=f"{url}?status={VacancyStatus.CONCEPT}",
                action_label=_("Werk concepten af") if count else _("Schrijf een vacature"),
                empty_text=_(
                    "Geen concepten. Begin een nieuwe vacature vanuit het werk, niet het diploma."
                ),
            )
        )
    return items
