"""What records adds to the organisation admin's pages in accounts (registered in ``ready()``).

- open work handed over when someone is deactivated: destruction lists they were asked to review;
- the cooling-off time (between approving a destruction list and destroying it) on the
  organisation settings page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.terms import OrganisationTerm, days_field
from talentbrug.accounts.workload import WorkKind

from .constants import ListStatus
from .models import DestructionList
from .services.collections import records_settings, update_records_settings


def _review_lists(user: Any, organisation: Any) -> models.QuerySet[Any]:
    return DestructionList.objects.filter(
        organisation=organisation, reviewers=user, status=ListStatus.IN_REVIEW
    ).order_by("pk")


def _hand_over_reviews(items: Any, old: Any, new: Any) -> int:
    count = 0
    for dl in items:
        if dl.created_by_id == new.pk:
            raise ValidationError(
                _(
                    "%(name)s stelde vernietigingslijst '%(list)s' zelf op en kan hem niet "
                    "beoordelen. Kies een ander."
                )
                % {"name": new, "list": dl.name}
            )
        dl.reviewers.remove(old)
        dl.reviewers.add(new)
        count += 1
    return count


REVIEWS = WorkKind(
    "records_reviews",
    _("vernietigingslijsten om te beoordelen"),
    "records.review",
    _review_lists,
    _hand_over_reviews,
)


def _cooling_off_field() -> forms.Field:
    return days_field(
        _("Wachttijd voor vernietigen (dagen)"),
        _(
            "Tussen goedkeuren van een vernietigingslijst en vernietigen. In die tijd kan een "
            "document nog terug."
        ),
    )


def _cooling_off_days(organisation: Any) -> int:
    return records_settings(organisation).cooling_off_days


def _save_cooling_off_days(organisation: Any, actor: Any, days: int) -> None:
    current = records_settings(organisation)
    if current.cooling_off_days != days:
        update_records_settings(
            organisation,
            actor,
            cooling_off_days=days,
            archivist_required=current.archivist_required,
        )


COOLING_OFF = OrganisationTerm(
    "cooling_off_days", _cooling_off_field, _cooling_off_days, _save_cooling_off_days
)
