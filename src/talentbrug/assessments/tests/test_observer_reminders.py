"""Observers of a group day get one reminder about 24 hours before the sessions they observe:
in their own language, one e-mail per day and date, claimed before sending (a second run, or a
parallel worker, sends nothing)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from freezegun import freeze_time

from talentbrug.audit.models import AuditEvent
from talentbrug.core import periodic

from ..models import ObserverReminder, Session
from ..services import days as days_services
from ..services import reminders
from .factories import booked_application, day_with_session

pytestmark = pytest.mark.django_db


def _at(days: int, hour: int) -> datetime:
    local_day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(local_day, time(hour)))


def _day(organisation, observers, *hours: int, days: int = 7):
    """A group day with sessions at these local hours, ``days`` from today."""
    day, first = day_with_session(organisation, observers=observers)
    sessions = []
    for hour in hours:
        session = first if not sessions else Session(organisation=organisation, day=day)
        session.starts_at = _at(days, hour)
        session.ends_at = _at(days, hour + 3)
        session.save()
        sessions.append(session)
    return day, sessions


def _run(moment, capture):
    with freeze_time(moment), capture(execute=True):
        return reminders.send_due_observer_reminders()


def test_one_reminder_24_hours_before_and_a_rerun_sends_nothing(
    organisation, hr, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, (session,) = _day(organisation, [observer], 10)
    application = booked_application(organisation, day, session)
    assert _run(session.starts_at - timedelta(hours=25), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []
    due = session.starts_at - timedelta(hours=23)
    assert _run(due, django_capture_on_commit_callbacks) == 1
    assert _run(due, django_capture_on_commit_callbacks) == 0  # idempotent
    assert _run(session.starts_at - timedelta(hours=1), django_capture_on_commit_callbacks) == 0
    [message] = mailoutbox
    assert message.to == [observer.email]
    assert "waarnemer" in message.subject and day.title in message.subject
    assert "Turfmarkt 147" in message.body and "10:00 tot 13:00" in message.body
    assert reverse("assessments:grid", kwargs={"pk": day.pk}) in message.body
    assert application.candidate.name not in message.body  # no candidate data
    assert application.candidate.email not in message.body
    assert message.attachments == []
    claim = ObserverReminder.objects.get()
    assert (claim.session, claim.observer, claim.organisation) == (session, observer, organisation)
    assert AuditEvent.objects.filter(event_type="assessments.observer_reminders_sent").count() == 1


def test_in_the_observers_language(
    organisation, observer, second_observer, mailoutbox, django_capture_on_commit_callbacks
):
    second_observer.preferred_language = "en"
    second_observer.save(update_fields=["preferred_language"])
    _unused, (session,) = _day(organisation, [observer, second_observer], 10)
    assert _run(session.starts_at - timedelta(hours=20), django_capture_on_commit_callbacks) == 2
    by_address = {m.to[0]: m.body for m in mailoutbox}
    local = timezone.localtime(session.starts_at)
    with translation.override("nl"):
        dutch = formats.date_format(local, "l j F Y")
    with translation.override("en"):
        english = formats.date_format(local, "l j F Y")
    assert dutch != english
    assert dutch in by_address[observer.email] and english not in by_address[observer.email]
    assert english in by_address[second_observer.email]


def test_sessions_on_one_date_come_in_one_e_mail(
    organisation, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, (morning, afternoon) = _day(organisation, [observer], 9, 14)
    next_day = Session.objects.create(
        organisation=organisation,
        day=day,
        starts_at=_at(8, 9),
        ends_at=_at(8, 12),
    )
    # At 9:30 the day before only the morning session is within 24 hours; the afternoon one
    # (same date) comes along, the next date's session does not.
    assert _run(morning.starts_at - timedelta(hours=23), django_capture_on_commit_callbacks) == 1
    [message] = mailoutbox
    assert "09:00 tot 12:00" in message.body and "14:00 tot 17:00" in message.body
    assert set(ObserverReminder.objects.values_list("session_id", flat=True)) == {
        morning.pk,
        afternoon.pk,
    }
    assert _run(afternoon.starts_at - timedelta(hours=23), django_capture_on_commit_callbacks) == 0
    assert _run(next_day.starts_at - timedelta(hours=23), django_capture_on_commit_callbacks) == 1
    assert "09:00 tot 12:00" in mailoutbox[1].body and len(mailoutbox) == 2


def test_claimed_before_sending_a_parallel_run_sends_nothing(
    organisation, observer, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    _unused, (session,) = _day(organisation, [observer], 10)
    due = session.starts_at - timedelta(hours=23)
    with freeze_time(due):
        stale = reminders.due_observer_reminders(timezone.now())
    assert list(stale.values()) == [[session.pk]]
    # Another worker claims the pair after this run read what was due.
    ObserverReminder.objects.create(
        organisation=organisation, session=session, observer=observer, sent_at=due
    )
    monkeypatch.setattr(reminders, "due_observer_reminders", lambda now: stale)
    assert _run(due, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []
    assert ObserverReminder.objects.count() == 1


def test_a_moved_session_is_reminded_again_and_removed_observers_are_not(
    organisation,
    hr,
    observer,
    second_observer,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    day, (session,) = _day(organisation, [observer], 10, days=2)
    assert _run(session.starts_at - timedelta(hours=23), django_capture_on_commit_callbacks) == 1
    with freeze_time(session.starts_at - timedelta(hours=22)):
        days_services.update_session(
            session,
            starts_at=session.starts_at + timedelta(days=3),
            ends_at=session.ends_at + timedelta(days=3),
            capacity=session.capacity,
            user=hr,
        )
    session.refresh_from_db()
    assert not ObserverReminder.objects.exists()
    day.observers.add(second_observer)
    day.observers.remove(observer)
    mailoutbox.clear()
    assert _run(session.starts_at - timedelta(hours=23), django_capture_on_commit_callbacks) == 1
    [message] = mailoutbox
    assert message.to == [second_observer.email]


def test_the_periodic_job_sends_candidate_and_observer_reminders(
    organisation, observer, mailoutbox, django_capture_on_commit_callbacks
):
    day, (session,) = _day(organisation, [observer], 10)
    application = booked_application(organisation, day, session)
    with freeze_time(session.starts_at - timedelta(hours=23)):
        with django_capture_on_commit_callbacks(execute=True):
            result = periodic.run_all(["assessments.send_reminders"])
        assert result == {"assessments.send_reminders": 2}
        with django_capture_on_commit_callbacks(execute=True):
            assert periodic.run_all(["assessments.send_reminders"]) == {
                "assessments.send_reminders": 0
            }
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [observer.email, application.candidate.email]
    )
