"""One reminder 24 hours before, sent once, by the periodic job."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from talentbrug.audit.models import AuditEvent
from talentbrug.core import periodic

from .. import services
from ..constants import InterviewStatus
from .factories import HR_ROLES, interview_for, soon

pytestmark = pytest.mark.django_db


def test_the_job_is_registered():
    assert "interviews.send_reminders" in periodic.PERIODIC_JOBS


def test_reminder_is_sent_once(organisation, django_capture_on_commit_callbacks):
    interview = interview_for(organisation, starts=[soon(20)], status=InterviewStatus.PLANNED)
    later = interview_for(organisation, starts=[soon(60)], status=InterviewStatus.PLANNED)
    proposed = interview_for(organisation, starts=[soon(20)])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert periodic.run_all(["interviews.send_reminders"]) == {"interviews.send_reminders": 1}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [interview.application.candidate.email, interview.interviewers.get().email]
    )
    interview.refresh_from_db()
    assert interview.reminder_sent_at is not None
    later.refresh_from_db()
    proposed.refresh_from_db()
    assert later.reminder_sent_at is None and proposed.reminder_sent_at is None
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders() == 0
    assert mail.outbox == []
    assert AuditEvent.objects.filter(event_type="interviews.reminders_sent").count() == 1


def test_no_reminder_for_a_cancelled_or_past_interview(organisation):
    interview_for(organisation, starts=[soon(20)], status=InterviewStatus.CANCELLED)
    interview_for(
        organisation,
        starts=[timezone.now() - timedelta(hours=1)],
        status=InterviewStatus.PLANNED,
    )
    assert services.send_due_reminders() == 0


def test_rescheduling_allows_a_new_reminder(organisation, hr_user):
    interview = interview_for(organisation, starts=[soon(20)], status=InterviewStatus.PLANNED)
    assert services.send_due_reminders() == 1
    services.reschedule_interview(interview, user=hr_user, roles=HR_ROLES, slots=[soon(22)])
    services.choose_slot(
        interview, interview.slots.get(is_open=True).pk, interview.application.candidate
    )
    assert services.send_due_reminders() == 1
