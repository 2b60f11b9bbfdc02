"""Insights: which figures a viewer gets, pre-computed and refreshed by a periodic job."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from talentbrug.accounts.models import Organisation

from . import figures
from . import tables as t
from .constants import DEFAULT_PERIOD, Period, Section
from .figures import Scope
from .models import Snapshot


def period_bounds(period: str, now: datetime | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a period: from N months before tomorrow up to and including today."""
    today = timezone.localtime(now).date() if now else timezone.localdate()
    end_day = today + timedelta(days=1)
    start_day = figures._add_months(end_day, -int(Period(period).value))
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start_day, time.min), tz),
        timezone.make_aware(datetime.combine(end_day, time.min), tz),
    )


def scope_for(
    organisation: Organisation | None, period: str, family: str = "", vacancy_id: int | None = None
) -> Scope:
    start, end = period_bounds(period)
    ids = None if organisation is None else (organisation.pk,)
    return Scope(ids, start, end, family, vacancy_id)


def snapshot_key(organisation_id: int | None, section: str, period: str, family: str) -> str:
    owner = organisation_id or "rijk"
    return f"{owner}|{Section(section).value}|{Period(period).value}|{family or '-'}"


@dataclass(frozen=True)
class Figures:
    """The tables of a page, with their texts in the active language."""

    tables: list[dict[str, Any]]
    computed_at: datetime
    scope: Scope

    @classmethod
    def shown(cls, stored: list[dict[str, Any]], computed_at: datetime, scope: Scope) -> Figures:
        return cls([t.localised(table) for table in stored], computed_at, scope)

    @property
    def suppressed(self) -> bool:
        return any(table["suppressed"] for table in self.tables)


def compute(section: str, scope: Scope) -> list[dict[str, Any]]:
    # Stored texts are message ids in the source language (Dutch); pages translate them.
    with translation.override("nl"):
        return figures.section_tables(section, scope)


def figures_for(
    section: str,
    organisation: Organisation | None,
    period: str = DEFAULT_PERIOD,
    family: str = "",
    vacancy_id: int | None = None,
) -> Figures:
    """The figures of one page: from the snapshot when there is one, else computed and stored.

    Figures for one vacancy (the old fairness page) are small and always computed fresh.
    """
    scope = scope_for(organisation, period, family, vacancy_id)
    if vacancy_id is not None:
        return Figures.shown(compute(section, scope), timezone.now(), scope)
    key = snapshot_key(organisation.pk if organisation else None, section, period, family)
    snapshot = Snapshot.objects.filter(key=key).first()
    if snapshot is None:
        snapshot = store_snapshot(section, organisation, period, family)
    return Figures.shown(snapshot.tables, snapshot.computed_at, scope)


@transaction.atomic
def store_snapshot(
    section: str, organisation: Organisation | None, period: str, family: str
) -> Snapshot:
    scope = scope_for(organisation, period, family)
    snapshot, _created = Snapshot.objects.update_or_create(
        key=snapshot_key(organisation.pk if organisation else None, section, period, family),
        defaults={
            "organisation": organisation,
            "tables": compute(section, scope),
            "computed_at": timezone.now(),
        },
    )
    return snapshot


def filter_combinations() -> list[tuple[Organisation | None, str, str, str]]:
    """Every page the filters can ask for: (owner, section, period, family). The owner is the
    Rijk (None) or an active organisation."""
    from talentbrug.vacancies.constants import Vakgebied

    owners: list[Organisation | None] = [
        None,
        *Organisation.objects.filter(is_active=True).order_by("pk"),
    ]
    return [
        (owner, section, period, family)
        for owner in owners
        for section in Section.values
        for period in Period.values
        for family in ["", *Vakgebied.values]
    ]


def refresh_snapshots() -> int:
    """Periodic job: compute every filter combination (every page a viewer can ask for), so
    no page computes figures while someone waits. Work shared by many combinations (the
    vacancy check per vacancy, a candidate's groups, the Rijk's figures) is done once per run.
    Snapshots of organisations that are no longer active are removed. Safe to run again.
    Returns how many were written."""
    written = 0
    keep: set[str] = set()
    with figures.shared_work():
        for organisation, section, period, family in filter_combinations():
            snapshot = store_snapshot(section, organisation, period, family)
            keep.add(snapshot.key)
            written += 1
    Snapshot.objects.exclude(key__in=keep).delete()
    return written
