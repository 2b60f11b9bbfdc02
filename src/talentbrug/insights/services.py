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
    """The tables of a page, with their texts in the active language.

    ``live``: there was no snapshot for this choice, so the figures were computed while the
    page was asked for; a table too big for that is taken from the nearest snapshot of the
    same page (``table["borrowed"]``: its period, vakgebied and time) or is ``pending``."""

    tables: list[dict[str, Any]]
    computed_at: datetime
    scope: Scope
    live: bool = False

    @classmethod
    def shown(
        cls,
        stored: list[dict[str, Any]],
        computed_at: datetime,
        scope: Scope,
        live: bool = False,
    ) -> Figures:
        return cls([_noted(t.localised(table)) for table in stored], computed_at, scope, live)

    @property
    def suppressed(self) -> bool:
        return any(table["suppressed"] for table in self.tables)


def _noted(table: dict[str, Any]) -> dict[str, Any]:
    """A table from another snapshot or still pending says so (``note``, active language);
    the page and the downloads show it."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    from talentbrug.vacancies.constants import Vakgebied

    borrowed = table.get("borrowed")
    if borrowed:
        family = borrowed["family"]
        note = gettext(
            "Deze tabel is voor uw keuze nog niet berekend. U ziet hier de cijfers over de "
            "%(period)s, %(family)s, bijgewerkt op %(when)s."
        ) % {
            "period": str(Period(borrowed["period"]).label).lower(),
            "family": str(Vakgebied(family).label) if family else gettext("alle vakgebieden"),
            "when": date_format(timezone.localtime(borrowed["computed_at"]), "j F Y H:i"),
        }
        return {**table, "note": note}
    if table.get("pending"):
        note = gettext(
            "Deze tabel is voor uw keuze nog niet berekend: dat zijn te veel gegevens om te "
            "doen terwijl u wacht. De periodieke taak berekent hem bij de volgende ronde."
        )
        return {**table, "note": note}
    return table


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
    """The figures of one page, read from its snapshot (the periodic job stores one for every
    choice the filters offer).

    Without a snapshot (before the job's first run, an organisation made since its last run)
    the page is computed while the viewer waits, but never the heavy tables of a big scope:
    those come from the nearest snapshot of the same page, named on the page with its own
    period and time, or say that the job computes them. Nothing is stored on a page view.
    Figures for one vacancy (the old fairness page) are small and always computed fresh.
    """
    scope = scope_for(organisation, period, family, vacancy_id)
    if vacancy_id is not None:
        return Figures.shown(compute(section, scope), timezone.now(), scope)
    owner = organisation.pk if organisation else None
    snapshot = Snapshot.objects.filter(key=snapshot_key(owner, section, period, family)).first()
    if snapshot is not None:
        return Figures.shown(snapshot.tables, snapshot.computed_at, scope)
    with figures.live():
        tables = compute(section, scope)
    if any(table.get("pending") for table in tables):
        tables = _from_nearest_snapshot(tables, owner, section, period, family)
    return Figures.shown(tables, timezone.now(), scope, live=True)


def _from_nearest_snapshot(
    tables: list[dict[str, Any]], owner: int | None, section: str, period: str, family: str
) -> list[dict[str, Any]]:
    """Pending tables replaced by the same table from the nearest snapshot of the page: the
    same vakgebied first, then the nearest period; the table says which one it is."""
    prefix = f"{owner or 'rijk'}|{Section(section).value}|"
    found = []
    for snapshot in Snapshot.objects.filter(key__startswith=prefix).only(
        "key", "tables", "computed_at"
    ):
        _owner, _section, their_period, their_family = snapshot.key.split("|")
        their_family = "" if their_family == "-" else their_family
        distance = (their_family != family, abs(int(their_period) - int(period)))
        found.append((distance, their_period, their_family, snapshot))
    found.sort(key=lambda item: item[0])
    filled = []
    for table in tables:
        if table.get("pending"):
            for _distance, their_period, their_family, snapshot in found:
                stored = next((s for s in snapshot.tables if s["key"] == table["key"]), None)
                if stored is not None:
                    table = {
                        **stored,
                        "borrowed": {
                            "period": their_period,
                            "family": their_family,
                            "computed_at": snapshot.computed_at,
                        },
                    }
                    break
        filled.append(table)
    return filled


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
