"""Figures without names: themes of the 'tien verbazingen', with small groups hidden."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import themes
from .constants import MIN_GROUP_SIZE
from .models import Surprise

THEME_LABELS = {
    "tijd": _("Tijd en afspraken"),
    "taal": _("Taal, afkortingen en vaktermen"),
    "hierarchie": _("Omgang met leidinggevenden"),
    "samenwerken": _("Overleggen en samen besluiten"),
    "werkplek": _("Werkplek en gebouw"),
    "regels": _("Regels en procedures"),
    "omgang": _("Omgang met collega's"),
    "systemen": _("Systemen en accounts"),
    "balans": _("Werktijden en vrije tijd"),
    themes.OTHER: _("Overig"),
}


def surprise_themes(organisations: Iterable[Any]) -> dict[str, Any]:
    """People per theme for these organisations; themes under MIN_GROUP_SIZE are hidden."""
    per_plan: dict[int, list[str]] = {}
    for plan_id, theme in Surprise.objects.filter(plan__organisation__in=organisations).values_list(
        "plan_id", "theme"
    ):
        per_plan.setdefault(plan_id, []).append(theme)
    counts: dict[str, int] = {}
    for plan_themes in per_plan.values():
        for theme in set(plan_themes):
            counts[theme] = counts.get(theme, 0) + 1
    shown, hidden = themes.suppress(counts, MIN_GROUP_SIZE)
    rows = sorted(
        (
            {"theme": key, "label": THEME_LABELS.get(key, key), "people": value}
            for key, value in shown.items()
        ),
        key=lambda row: (-row["people"], str(row["label"])),
    )
    people = len(per_plan)
    return {
        "rows": rows,
        "hidden": hidden,
        "people": people if people >= MIN_GROUP_SIZE else None,
        "minimum": MIN_GROUP_SIZE,
    }
