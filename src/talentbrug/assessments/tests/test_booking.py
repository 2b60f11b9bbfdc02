"""Booking a group day from the portal: who may book, moving, cancelling, never overbooking."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from talentbrug.selection.tests.factories import application_in_pipeline

from ..models import DayBooking, Session
from ..services import bookings, errors
from ..services import days as days_services
from .factories import day_with_session, in_assessment_stage

pytestmark = pytest.mark.django_db


def test_booking_only_once_in_the_assessment_stage(organisation, hr):
    day, session = day_with_session(organisation)
    vacancy = day.vacancies.get()
    early = application_in_pipeline(organisation, vacancy=vacancy).application
    assert not bookings.may_book(early)
    with pytest.raises(errors.AssessmentError):
        bookings.book_session(early, session.pk)
    ready = in_assessment_stage(organisation, vacancy, hr)
    assert bookings.may_book(ready)
    booking = bookings.book_session(ready, session.pk)
    session.refresh_from_db()
    assert session.booked_count == 1 and booking.day == day


def test_session_of_another_vacancy_is_refused(organisation, hr):
    _day, session = day_with_session(organisation)
    other_day, _other = day_with_session(organisation)
    application = in_assessment_stage(organisation, other_day.vacancies.get(), hr)
    with pytest.raises(errors.AssessmentError):
        bookings.book_session(application, session.pk)


def test_booking_again_moves_the_place_and_cancel_frees_it(organisation, hr):
    day, first = day_with_session(organisation)
    second = Session.objects.create(
        organisation=organisation,
        day=day,
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        capacity=2,
    )
    application = in_assessment_stage(organisation, day.vacancies.get(), hr)
    bookings.book_session(application, first.pk)
    bookings.book_session(application, first.pk)  # the same again changes nothing
    booking = bookings.book_session(application, second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.booked_count, second.booked_count) == (0, 1)
    assert DayBooking.objects.filter(application=application, status="booked").count() == 1
    bookings.cancel_booking(booking)
    bookings.cancel_booking(booking)  # twice frees one place only
    second.refresh_from_db()
    assert second.booked_count == 0


def test_full_session_is_refused(organisation, hr):
    day, session = day_with_session(organisation, capacity=1)
    vacancy = day.vacancies.get()
    bookings.book_session(in_assessment_stage(organisation, vacancy, hr), session.pk)
    late = in_assessment_stage(organisation, vacancy, hr)
    with pytest.raises(errors.SessionFull):
        bookings.book_session(late, session.pk)
    assert list(bookings.open_sessions(late)) == []


def test_create_day_and_session_validate(organisation, other_organisation, hr):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    foreign = vacancy_with_requirements(other_organisation)
    with pytest.raises(errors.AssessmentError):
        days_services.create_day(
            organisation, title="x", address_text="y", vacancies=[foreign], observers=[], user=hr
        )
    with pytest.raises(errors.AssessmentError):
        days_services.create_day(
            organisation, title="x", address_text="y", vacancies=[], observers=[], user=hr
        )
    day = days_services.create_day(
        organisation,
        title="Groepsdag",
        address_text="Turfmarkt 147, Den Haag",
        vacancies=[vacancy_with_requirements(organisation)],
        observers=[hr],
        user=hr,
    )
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() + timedelta(days=3)
    with pytest.raises(errors.AssessmentError):
        days_services.add_session(day, starts_at=start, ends_at=start, capacity=5, user=hr)
    with pytest.raises(errors.AssessmentError):
        days_services.add_session(
            day, starts_at=start - timedelta(days=9), ends_at=start, capacity=5, user=hr
        )
    session = days_services.add_session(
        day, starts_at=start, ends_at=start + timedelta(hours=2), capacity=5, user=hr
    )
    assert session.organisation_id == organisation.pk


@pytest.mark.django_db(transaction=True)
def test_no_overbooking_when_many_candidates_book_at_once(organisation, hr):
    """Ten threads try to take the last three places at the same moment."""
    day, session = day_with_session(organisation, capacity=3)
    vacancy = day.vacancies.get()
    applications = [in_assessment_stage(organisation, vacancy, hr) for _ in range(10)]
    results: list[str] = []
    barrier = threading.Barrier(len(applications))

    def book(application):
        try:
            barrier.wait()
            bookings.book_session(application, session.pk)
            results.append("ok")
        except errors.SessionFull:
            results.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session.refresh_from_db()
    assert results.count("ok") == 3 and results.count("full") == 7
    assert session.booked_count == 3
    assert DayBooking.objects.filter(session=session, status="booked").count() == 3
