"""Group-day e-mails (confirmation, move, cancel, reminder, observers), editing days and
sessions by staff, and free places after the privacy app removed an application."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.applications.services.portal import request_deletion
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.core import periodic
from talentbrug.privacy.services import erasure as privacy_erasure

from ..models import DayBooking, Session
from ..services import bookings, errors, reminders
from ..services import days as days_services
from .factories import booked_application, day_with_session, in_assessment_stage

pytestmark = pytest.mark.django_db


def _ics(message):
    [(name, content, mimetype)] = message.attachments
    assert name == "groepsdag.ics"
    return content, mimetype


def test_booking_sends_a_confirmation_in_the_candidates_language(
    organisation, hr, mailoutbox, django_capture_on_commit_callbacks
):
    day, session = day_with_session(organisation)
    application = in_assessment_stage(organisation, day.vacancies.get(), hr)
    candidate = application.candidate
    candidate.preferred_language = "en"
    candidate.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        bookings.book_session(application, session.pk)
    [message] = mailoutbox
    assert message.to == [candidate.email]
    assert "Turfmarkt 147" in message.body
    assert "Hallo," not in message.body  # English, not the Dutch source
    content, mimetype = _ics(message)
    assert "method=REQUEST" in mimetype
    assert "BEGIN:VCALENDAR" in content and "METHOD:REQUEST" in content
    assert f"UID:groepsdag-{day.pk}-{application.pk}@" in content
    assert "LOCATION:Turfmarkt 147" in content


def test_moving_sends_an_update_and_cancelling_a_cancellation(
    organisation, hr, mailoutbox, django_capture_on_commit_callbacks
):
    day, first = day_with_session(organisation)
    second = Session.objects.create(
        organisation=organisation,
        day=day,
        starts_at=first.starts_at + timedelta(days=1),
        ends_at=first.ends_at + timedelta(days=1),
        capacity=4,
    )
    application = in_assessment_stage(organisation, day.vacancies.get(), hr)
    with django_capture_on_commit_callbacks(execute=True):
        bookings.book_session(application, first.pk)
        booking = bookings.book_session(application, second.pk)
        bookings.cancel_booking(booking)
    booked, moved, cancelled = mailoutbox
    uid = f"UID:groepsdag-{day.pk}-{application.pk}@"
    assert "ingeschreven" in booked.subject
    assert "Nieuwe tijd" in moved.subject and uid in _ics(moved)[0]
    assert "METHOD:REQUEST" in _ics(moved)[0]
    content, mimetype = _ics(cancelled)
    assert "geannuleerd" in cancelled.subject
    assert "METHOD:CANCEL" in content and "STATUS:CANCELLED" in content and uid in content
    assert "method=CANCEL" in mimetype


def test_observers_get_an_invitation_for_a_new_session(
    organisation, hr, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, session = day_with_session(organisation, observers=[observer])
    with django_capture_on_commit_callbacks(execute=True):
        added = days_services.add_session(
            day,
            starts_at=session.starts_at + timedelta(days=2),
            ends_at=session.ends_at + timedelta(days=2),
            capacity=5,
            user=hr,
        )
    [message] = mailoutbox
    assert message.to == [observer.email]
    content, _mimetype = _ics(message)
    assert f"UID:groepsdag-sessie-{added.pk}@" in content and "METHOD:REQUEST" in content


def test_reminder_goes_out_once_24_hours_before(
    organisation, hr, mailoutbox, django_capture_on_commit_callbacks
):
    day, session = day_with_session(organisation)
    application = booked_application(organisation, day, session)
    assert "assessments.send_reminders" in periodic.PERIODIC_JOBS
    early = freeze_time(session.starts_at - timedelta(hours=25))
    with early, django_capture_on_commit_callbacks(execute=True):
        assert periodic.run_all(["assessments.send_reminders"]) == {"assessments.send_reminders": 0}
    assert mailoutbox == []
    due = freeze_time(session.starts_at - timedelta(hours=23))
    with due, django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due_reminders() == 1
        assert reminders.send_due_reminders() == 0  # idempotent
    [message] = mailoutbox
    assert message.to == [application.candidate.email]
    assert "Morgen" in message.subject and "Turfmarkt 147" in message.body
    with freeze_time(session.starts_at - timedelta(hours=1)):
        assert reminders.send_due_reminders() == 0
    assert DayBooking.objects.get(application=application).reminder_sent_at is not None


def test_a_cancelled_booking_gets_no_reminder(organisation, hr):
    day, session = day_with_session(organisation)
    application = booked_application(organisation, day, session)
    bookings.cancel_booking(DayBooking.objects.get(application=application))
    with freeze_time(session.starts_at - timedelta(hours=2)):
        assert reminders.send_due_reminders() == 0


# ------------------------------------------------------------------------------ staff editing


def test_staff_edit_the_day_and_new_observers_are_invited(
    organisation, hr, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, _session = day_with_session(organisation)
    vacancy = day.vacancies.get()
    client = verified_client(hr)
    url = reverse("assessments:edit", kwargs={"pk": day.pk})
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "title": "Groepsdag beheer",
                "description": "",
                "address_text": "Wilhelmina van Pruisenweg 52",
                "vacancies": [vacancy.pk],
                "observers": [observer.pk],
            },
        )
    assert response.status_code == 302
    day.refresh_from_db()
    assert day.title == "Groepsdag beheer" and list(day.observers.all()) == [observer]
    assert [m.to for m in mailoutbox] == [[observer.email]]
    event = AuditEvent.objects.get(event_type="assessments.day_changed")
    assert event.data == {"day": day.pk, "vacancies": 1, "observers": 1}
    # Bad input changes nothing.
    response = client.post(url, {"title": "", "address_text": "", "vacancies": []})
    assert response.status_code == 400
    day.refresh_from_db()
    assert day.title == "Groepsdag beheer"


def test_address_change_tells_booked_candidates(
    organisation, hr, mailoutbox, django_capture_on_commit_callbacks
):
    day, session = day_with_session(organisation)
    booked_application(organisation, day, session)
    with django_capture_on_commit_callbacks(execute=True):
        days_services.update_day(
            day,
            title=day.title,
            address_text="Anders: Kalvermarkt 1",
            vacancies=day.vacancies.all(),
            observers=[],
            user=hr,
        )
    [message] = mailoutbox
    assert "Kalvermarkt 1" in message.body and "Kalvermarkt 1" in _ics(message)[0]


def test_staff_edit_a_session(organisation, hr, mailoutbox, django_capture_on_commit_callbacks):
    day, session = day_with_session(organisation)
    booked_application(organisation, day, session)
    client = verified_client(hr)
    url = reverse("assessments:edit_session", kwargs={"pk": day.pk, "session": session.pk})
    assert client.get(url).status_code == 200
    start = (session.starts_at + timedelta(days=1)).astimezone()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "starts_at": start.strftime("%Y-%m-%d %H:%M"),
                "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                "capacity": 3,
            },
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.capacity == 3 and session.booked_count == 1
    [message] = mailoutbox  # the booked candidate gets the new time
    assert "Nieuwe tijd" in message.subject
    event = AuditEvent.objects.get(event_type="assessments.session_changed")
    assert event.data == {"day": day.pk, "session": session.pk, "capacity": 3}


def test_fewer_places_than_bookings_is_refused(organisation, hr):
    day, session = day_with_session(organisation, capacity=3)
    booked_application(organisation, day, session)
    booked_application(organisation, day, session)
    with pytest.raises(errors.AssessmentError, match="al 2 kandidaten ingeschreven"):
        days_services.update_session(
            session, starts_at=session.starts_at, ends_at=session.ends_at, capacity=1, user=hr
        )
    client = verified_client(hr)
    url = reverse("assessments:edit_session", kwargs={"pk": day.pk, "session": session.pk})
    local = session.starts_at.astimezone()
    response = client.post(
        url,
        {
            "starts_at": local.strftime("%Y-%m-%d %H:%M"),
            "ends_at": session.ends_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            "capacity": 1,
        },
    )
    assert response.status_code == 400
    assert "al 2 kandidaten ingeschreven" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 3
    # Exactly the number of bookings is fine.
    days_services.update_session(
        session, starts_at=session.starts_at, ends_at=session.ends_at, capacity=2, user=hr
    )
    session.refresh_from_db()
    assert session.capacity == 2 and session.free == 0


def test_deleting_a_session_with_bookings_is_refused(organisation, hr):
    day, session = day_with_session(organisation)
    booked_application(organisation, day, session)
    with pytest.raises(errors.AssessmentError, match="1 inschrijvingen"):
        days_services.delete_session(session, user=hr)
    client = verified_client(hr)
    url = reverse("assessments:delete_session", kwargs={"pk": day.pk, "session": session.pk})
    response = client.post(url, follow=True)
    assert "Verwijderen kan pas als niemand meer is ingeschreven" in response.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()
    assert not AuditEvent.objects.filter(event_type="assessments.session_deleted").exists()


def test_deleting_a_session_without_bookings(
    organisation, hr, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, session = day_with_session(organisation, observers=[observer])
    application = booked_application(organisation, day, session)
    bookings.cancel_booking(DayBooking.objects.get(application=application))
    client = verified_client(hr)
    url = reverse("assessments:delete_session", kwargs={"pk": day.pk, "session": session.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()
    [message] = mailoutbox  # the observer's calendar event is cancelled
    assert message.to == [observer.email] and "METHOD:CANCEL" in _ics(message)[0]
    event = AuditEvent.objects.get(event_type="assessments.session_deleted")
    assert event.data == {"day": day.pk, "session": session.pk}


def test_session_of_another_day_is_not_found(organisation, hr):
    day, _session = day_with_session(organisation)
    _other_day, other = day_with_session(organisation)
    client = verified_client(hr)
    url = reverse("assessments:edit_session", kwargs={"pk": day.pk, "session": other.pk})
    assert client.get(url).status_code == 404


# ------------------------------------------------------------------------------ privacy


def test_place_is_free_again_after_the_privacy_erasure(organisation, hr):
    day, session = day_with_session(organisation, capacity=2)
    application = booked_application(organisation, day, session)
    booked_application(organisation, day, session)
    session.refresh_from_db()
    assert session.booked_count == 2 and session.free == 0
    privacy_erasure.carry_out_erasure(
        request_deletion(application.candidate), user=hr, organisation=organisation
    )
    assert not DayBooking.objects.filter(application=application).exists()
    session.refresh_from_db()
    assert session.booked_count == 1 and session.free == 1
    assert bookings.open_sessions(in_assessment_stage(organisation, day.vacancies.get(), hr))


def test_place_is_free_again_when_an_application_is_deleted(organisation, hr):
    day, session = day_with_session(organisation, capacity=1)
    application = booked_application(organisation, day, session)
    application.delete()
    session.refresh_from_db()
    assert session.booked_count == 0 and session.free == 1


def test_place_is_free_again_when_the_candidate_withdraws(organisation, hr):
    from talentbrug.applications.services.lifecycle import withdraw_application

    day, session = day_with_session(organisation, capacity=1)
    application = booked_application(organisation, day, session)
    withdraw_application(application, application.candidate)
    session.refresh_from_db()
    assert session.booked_count == 0 and session.free == 1
    assert AuditEvent.objects.filter(event_type="assessments.booking_cancelled").exists()
