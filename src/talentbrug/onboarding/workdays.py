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


def working_days_between(start: date, day: date) -> int:
    """The working-day offset of ``day`` from ``start``: the inverse of ``add_working_days``.

    For a working day ``day``, ``add_working_days(start, working_days_between(start, day))``
    gives ``day`` back. A day that is not a working day counts as the working day before it
    (after the start) or after it (before the start).
    """
    first = next_working_day(start)
    count = 0
    if day >= first:
        current = first
        while current < day:
            current += timedelta(days=1)
            if is_working_day(current):
                count += 1
        return count
    current = first
    while current > day:
        current -= timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return count


def week_start(day: date) -> date:
    """Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())
