"""Working days: weekends and Dutch public holidays are skipped."""

from datetime import date

import pytest
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.onboarding.workdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    working_days_between,
)

from .factories import make_plan


@pytest.mark.parametrize(
    ("start", "offset", "expected"),
    [
        (date(2026, 3, 2), 0, date(2026, 3, 2)),  # a Monday stays a Monday
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday + 1 skips the weekend
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # Koningsdag (Mon 27 April) is skipped
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Kerst: 25 and 26 December
        (date(2026, 12, 25), 0, date(2026, 12, 28)),  # starting on Kerst moves to Monday
        (date(2026, 4, 7), -1, date(2026, 4, 2)),  # back over Easter Monday and Good Friday
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # Hemelvaartsdag
        (date(2026, 3, 2), -5, date(2026, 2, 23)),  # a week before the start
        (date(2026, 3, 2), 20, date(2026, 3, 30)),
    ],
)
def test_add_working_days(start, offset, expected):
    assert add_working_days(start, offset) == expected


def test_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 4, 27))  # Koningsdag
    assert not is_working_day(date(2026, 12, 25))  # Eerste Kerstdag
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert is_working_day(date(2026, 4, 28))
    assert next_working_day(date(2026, 12, 26)) == date(2026, 12, 28)


@freeze_time("2026-04-24 09:00:00")
def test_a_plan_started_today_gets_real_dates(organisation):
    """Friday before Koningsdag: day 1 is the Tuesday, day -1 the Thursday."""
    plan = make_plan(organisation, start_date=timezone.localdate())
    dates = {t.title: t.due_date for t in plan.tasks.all()}
    assert dates["Vul de intake in"] == date(2026, 4, 23)
    assert dates["Ontvang de nieuwe collega"] == date(2026, 4, 24)
    assert dates["Lunch samen"] == date(2026, 4, 28)
    assert dates["Vul je eerste check-in in"] == date(2026, 5, 1)
    assert all(is_working_day(d) for d in dates.values())


@pytest.mark.parametrize(
    "start", [date(2026, 3, 2), date(2026, 4, 24), date(2026, 4, 25), date(2026, 12, 25)]
)
def test_working_days_between_is_the_inverse_of_add_working_days(start):
    for offset in range(-40, 261):
        assert working_days_between(start, add_working_days(start, offset)) == offset
