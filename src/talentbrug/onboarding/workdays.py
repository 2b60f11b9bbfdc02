"""Working days in the Netherlands: no weekends, no Dutch public holidays. No Django here."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Netherlands(years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def holiday_name(day: date) -> str | None:
    return holidays.Netherlands(years=day.year).get(day)


def next_working_day(day: date) -> date:
    """The day itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, offset: int) -> date:
    """The date ``offset`` working days after the first working day on or after ``start``.

    ``offset`` 0 is the first working day itself; a negative offset counts back.
    """
    day = next_working_day(start)
    step = 1 if offset >= 0 else -1
    remaining = abs(offset)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def week_start(day: date) -> date:
    """Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())
