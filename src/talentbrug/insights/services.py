"""Insights: which figures a viewer gets, pre-computed and refreshed by a periodic job."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from talentbrug.accounts.models import Organisation
from talentbrug.vacancies.constants import Vakgebied

from . import tables as t
from .constants import DEFAULT_PERIOD, Period, Section
from .figures import scope as figures_scope
from .figures import sections
from .figures.scope import Scope
from .models import Snapshot


def period_bounds(period: str, now: datetime | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a period: from N months before tomorrow up to and including today."""
    today = timezone.localtime(now).date() if now else timezone.localdate()
    end_day = today + timedelta(days=1)
    start_day = figures_scope.add_months(end_day, -int(Period(period).value))
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
    """The tables of a page, with their texts in the active language, and how fresh they are.

    ``computed_at``: when the figures shown were computed. ``nearest``: there was no snapshot
    for this choice, so the page shows the nearest snapshot of the same page (its period,
    vakgebied and time, see :func:`nearest_snapshot`). ``live``: there was no snapshot of this
    page at all, so the light tables were computed while the page was asked for; a table with
    too much data for that is ``pending`` (the periodic job computes it).
    """

    tables: list[dict[str, Any]]
    computed_at: datetime
    scope: Scope
    live: bool = False
    nearest: dict[str, Any] | None = None

    @classmethod
    def shown(
        cls,
        stored: list[dict[str, Any]],
        computed_at: datetime,
        scope: Scope,
        live: bool = False,
        nearest: dict[str, Any] | None = None,
    ) -> Figures:
        tables = [_noted(t.localised(table)) for table in stored]
        return cls(tables, computed_at, scope, live, nearest)

    @property
    def suppressed(self) -> bool:
        return any(table["suppressed"] for table in self.tables)

    @property
    def nearest_text(self) -> str:
        """'de laatste 3 maanden, alle vakgebieden' (the choice the shown figures are about)."""
        if not self.nearest:
            return ""
        return _choice_text(self.nearest["period"], self.nearest["family"])


def _family_text(family: str) -> str:
    return str(Vakgebied(family).label) if family else gettext("alle vakgebieden")


def _choice_text(period: str, family: str) -> str:
    return f"{str(Period(period).label).lower()}, {_family_text(family)}"


def _noted(table: dict[str, Any]) -> dict[str, Any]:
    """A table from another snapshot or still pending says so (``note``, active language);
    the page and the downloads show it."""
    borrowed = table.get("borrowed")
    if borrowed:
        note = gettext(
            "Deze tabel is voor uw keuze nog niet berekend. U ziet hier de cijfers over de "
            "%(period)s, %(family)s, bijgewerkt op %(when)s."
        ) % {
            "period": str(Period(borrowed["period"]).label).lower(),
            "family": _family_text(borrowed["family"]),
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
        return sections.section_tables(section, scope)


def figures_for(
    section: str,
    organisation: Organisation | None,
    period: str = DEFAULT_PERIOD,
    family: str = "",
    vacancy_id: int | None = None,
) -> Figures:
    """The figures of one page, read from its snapshot (the periodic job stores one for every
    choice the filters offer). A page never computes a heavy table while the viewer waits:

    1. the snapshot of this choice, with the time it was computed;
    2. without it (a choice offered since the job's last run), the nearest snapshot of the
       same page and owner (same vakgebied first, then the nearest period), whole, and the
       page says which choice and time it shows;
    3. without any snapshot of this page and owner (before the job's first run, or an
       organisation made since), only the light tables
       are computed; a table with more rows than a request may work on
       (:data:`figures.scope.LIVE_LIMITS`) says that the periodic job computes it.

    Nothing is stored or queued on a page view: the next run of the periodic job computes
    every choice. Figures for one vacancy (the old fairness page) are small and always
    computed fresh.
    """
    scope = scope_for(organisation, period, family, vacancy_id)
    if vacancy_id is not None:
        return Figures.shown(compute(section, scope), timezone.now(), scope)
    owner = organisation.pk if organisation else None
    snapshot = Snapshot.objects.filter(key=snapshot_key(owner, section, period, family)).first()
    if snapshot is not None:
        return Figures.shown(snapshot.tables, snapshot.computed_at, scope)
    nearest = nearest_snapshot(owner, section, period, family)
    if nearest is not None:
        _owner, _section, their_period, their_family = nearest.key.split("|")
        choice = {
            "period": their_period,
            "family": "" if their_family == "-" else their_family,
            "computed_at": nearest.computed_at,
        }
        tables = [{**table, "borrowed": choice} for table in nearest.tables]
        shown = scope_for(organisation, choice["period"], choice["family"])
        asked = {"asked": _choice_text(period, family)}
        return Figures.shown(tables, nearest.computed_at, shown, nearest={**choice, **asked})
    with figures_scope.live():
        tables = compute(section, scope)
    return Figures.shown(tables, timezone.now(), scope, live=True)


def nearest_snapshot(owner: int | None, section: str, period: str, family: str) -> Snapshot | None:
    """The snapshot of the same page and owner nearest to the asked choice: the same
    vakgebied first, then the nearest period (the shorter one on a tie), then the newest.
    Reads the keys first and the tables of one snapshot only."""
    prefix = f"{owner or 'rijk'}|{Section(section).value}|"
    found = []
    for pk, key, computed_at in Snapshot.objects.filter(key__startswith=prefix).values_list(
        "pk", "key", "computed_at"
    ):
        _owner, _section, their_period, their_family = key.split("|")
        their_family = "" if their_family == "-" else their_family
        distance = (
            their_family != family,
            abs(int(their_period) - int(period)),
            int(their_period),
            -computed_at.timestamp(),
        )
        found.append((distance, pk))
    if not found:
        return None
    return Snapshot.objects.filter(pk=min(found)[1]).first()


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
    with figures_scope.shared_work():
        for organisation, section, period, family in filter_combinations():
            snapshot = store_snapshot(section, organisation, period, family)
            keep.add(snapshot.key)
            written += 1
    Snapshot.objects.exclude(key__in=keep).delete()
    return written
