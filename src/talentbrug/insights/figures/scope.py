"""What a set of Insights figures is about (:class:`Scope`), and how they are computed.

Two ways of computing: the periodic job (:func:`shared_work`: work shared by many filter
combinations is done once per run) and a page without its snapshot (:func:`live`: tables whose
work grows with the rows in scope are only computed for a small scope; see :func:`too_big`).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from talentbrug.onboarding.models import OnboardingPlan

FUNNEL_KINDS = ("new", "screening", "assessment", "interview", "offer", "hired")

_SHARED: ContextVar[dict[Any, Any] | None] = ContextVar("insights_shared_work", default=None)


@contextmanager
def shared_work() -> Iterator[None]:
    """One run of the periodic job over every filter combination: work that is the same for
    many combinations (the vacancy check of one vacancy, the groups of one candidate, the
    Rijk's figures beside an organisation's) is done once and reused within the run."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(key: Any, compute: Callable[[], Any]) -> Any:
    memo = _SHARED.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def sharing() -> bool:
    return _SHARED.get() is not None


# Live figures (a page without any snapshot of its own: before the job's first run, or an
# organisation made since). A table is only computed while the viewer waits when the rows its
# work grows with are at most this many; otherwise it comes back pending (``tables.pending``)
# and the periodic job computes it. The periodic job has no limit.
LIVE_LIMITS = {
    # the vacancy check of every vacancy (about 7 ms each on a busy machine)
    "vacancies": 20,
    # the groups of every application in the selection, every logged move
    "applications": 500,
    # the health of every running onboarding plan (tasks and check-ins)
    "plans": 100,
    # rows read one by one: vacancies with their requirements, check-ins, answers, offers,
    # plans for retention, learning places, cohort members
    "rows": 2_000,
    # rows counted in the database (grouped counts of applications and offers)
    "counted": 20_000,
}
_LIVE: ContextVar[bool] = ContextVar("insights_live", default=False)


@contextmanager
def live() -> Iterator[None]:
    """Compute as a page does while someone waits: heavy tables of big scopes are pending."""
    token = _LIVE.set(True)
    try:
        yield
    finally:
        _LIVE.reset(token)


def is_live() -> bool:
    return _LIVE.get() and not sharing()


def too_big(kind: str, *rows: QuerySet[Any]) -> bool:
    """In live mode: does any of ``rows`` hold more rows than a request may work on for
    ``kind``? Counted with a limit (``LIMIT n + 1``), so asking costs little even on the
    whole Rijk."""
    if not is_live():
        return False
    limit = LIVE_LIMITS[kind]
    return any(queryset.order_by().values("pk")[: limit + 1].count() > limit for queryset in rows)


@dataclass(frozen=True)
class Scope:
    """Which data a set of figures is about.

    ``organisation_ids`` None means the whole Rijk. ``start``/``end`` are aware datetimes
    (end exclusive). ``family`` is a vakgebied code, or "" for every family.
    """

    organisation_ids: tuple[int, ...] | None
    start: datetime
    end: datetime
    family: str = ""
    vacancy_id: int | None = None

    @property
    def rijk(self) -> Scope:
        return Scope(None, self.start, self.end, self.family)

    @property
    def is_rijk(self) -> bool:
        return self.organisation_ids is None

    def orgs(self, queryset: QuerySet[Any], path: str = "organisation") -> QuerySet[Any]:
        if self.organisation_ids is None:
            return queryset
        return queryset.filter(**{f"{path}_id__in": self.organisation_ids})

    def vacancy_filter(self, queryset: QuerySet[Any], path: str) -> QuerySet[Any]:
        """Vacancy family and (on the selection page) one vacancy."""
        if self.family:
            queryset = queryset.filter(**{f"{path}__vakgebied": self.family})
        if self.vacancy_id:
            queryset = queryset.filter(**{f"{path}_id": self.vacancy_id})
        return queryset

    def period_text(self) -> str:
        last = self.end - timedelta(seconds=1)
        return gettext("%(start)s tot en met %(end)s") % {
            "start": date_format(timezone.localtime(self.start).date(), "j F Y"),
            "end": date_format(timezone.localtime(last).date(), "j F Y"),
        }


def grouped(queryset: QuerySet[Any], field: str) -> dict[Any, int]:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


def add_months(day: date, months: int) -> date:
    """The same day N months later (or earlier), or the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def onboarding_plans(scope: Scope) -> QuerySet[Any]:

    qs = scope.orgs(OnboardingPlan.objects.all())
    if scope.family:
        qs = qs.filter(application__vacancy__vakgebied=scope.family)
    return qs
