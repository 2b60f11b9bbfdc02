"""Demo group day: the demo vacancy gets a group day with two sessions and two observers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from .services import days as days_services


def seed(context: dict[str, Any]) -> None:
    selection = context.get("selection") or {}
    vacancy = selection.get("vacancy")
    users = context.get("users") or {}
    hr = users.get("hr.dictu")
    if vacancy is None or hr is None:
        return
    observers = [u for u in (hr, users.get("beoordelaar.dictu")) if u is not None]
    day = days_services.create_day(
        vacancy.organisation,
        title="Groepsdag servicedesk",
        description=(
            "Je werkt in een groepje aan een echte melding van een gebruiker. "
            "Daarna doe je een korte taaltoets. Neem niets mee; wij zorgen voor koffie."
        ),
        address_text=(
            "DICTU, Wilhelmina van Pruisenweg 52, Den Haag. Vijf minuten lopen vanaf station "
            "Den Haag Moerwijk. Meld je bij de balie op de begane grond."
        ),
        vacancies=[vacancy],
        observers=observers,
        user=hr,
    )
    start = (timezone.localtime() + timedelta(days=14)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    for offset in (0, 4):
        days_services.add_session(
            day,
            starts_at=start + timedelta(hours=offset),
            ends_at=start + timedelta(hours=offset + 3),
            capacity=8,
            user=hr,
        )
    context["assessments"] = {"day": day}
