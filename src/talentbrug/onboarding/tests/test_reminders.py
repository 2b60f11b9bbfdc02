"""Reminders with frozen time: due, overdue, check-ins and the digest; never twice."""

from datetime import date

import pytest
from django.core import mail
from freezegun import freeze_time

from talentbrug.onboarding import tasks
from talentbrug.onboarding.constants import OwnerRole
from talentbrug.onboarding.mail import send_reminders
from talentbrug.onboarding.models import Reminder
from talentbrug.onboarding.services import checkins, plan_tasks

from .factories import make_plan, member

pytestmark = pytest.mark.django_db

START = date(2026, 3, 2)  # a Monday


@pytest.fixture
def plan(organisation):
    manager = member(organisation, email="manager@example.org", preferred_language="en")
    buddy = member(organisation, email="buddy@example.org")
    return make_plan(
        organisation,
        start_date=START,
        manager=manager,
        buddy=buddy,
        email="nieuw@example.org",
        preferred_language="ar",
    )


def _to(address):
    from talentbrug.outbox.services import send_due

    send_due()  # the outbox worker
    return [m for m in mail.outbox if m.to == [address]]


def test_due_tasks_are_mailed_once_a_day_in_the_owners_language(plan):
    with freeze_time("2026-03-02 07:00:00"):
        result = send_reminders()
        assert result["task_due"] == 1  # 'Ontvang de nieuwe collega' for the manager
        assert result["digest"] == 1  # Monday: the manager's weekly digest
        again = send_reminders()
    assert again["task_due"] == again["digest"] == 0
    manager_mails = _to("manager@example.org")
    subjects = sorted(m.subject for m in manager_mails)
    assert subjects == ["Onboarding: tasks for today", "Weekly overview: your new colleagues"]
    assert Reminder.objects.filter(kind="task_due").count() == 1


def test_overdue_tasks_at_most_once_a_week(plan):
    with freeze_time("2026-03-03 07:00:00"):  # the day after: manager task overdue, buddy due
        first = send_reminders()
    assert first["task_overdue"] == 2  # manager (day 0) and new hire intake (day -1)
    assert first["task_due"] == 1  # buddy: 'Lunch samen'
    assert _to("buddy@example.org")[0].subject == "Inwerken: taken voor vandaag"
    new_hire = _to("nieuw@example.org")[0]
    assert new_hire.subject == "التعريف بالعمل: مهام متأخرة"
    assert "/inwerken/" in new_hire.body
    count = len(mail.outbox)
    with freeze_time("2026-03-05 07:00:00"):
        assert send_reminders()["task_overdue"] == 1  # only the buddy task, newly overdue
    with freeze_time("2026-03-10 07:00:00"):
        result = send_reminders()
    assert result["task_overdue"] == 3  # a week later: reminded again
    _to("")  # the outbox worker runs
    assert len(mail.outbox) > count


def test_no_reminders_in_the_weekend_or_on_a_holiday(plan):
    with freeze_time("2026-03-07 07:00:00"):
        assert sum(v for k, v in send_reminders().items() if k != "started") == 0
    with freeze_time("2026-04-27 07:00:00"):  # Koningsdag
        assert sum(v for k, v in send_reminders().items() if k != "started") == 0
    assert mail.outbox == []


def test_checkin_reminder_once_a_week_and_not_after_answering(plan):
    for task in plan.tasks.all():
        plan_tasks.complete_task(task)
    with freeze_time("2026-03-04 07:00:00"):  # Wednesday: too early in the week
        assert send_reminders()["checkin"] == 0
    with freeze_time("2026-03-05 07:00:00"):  # Thursday
        assert send_reminders()["started"] == 0
        assert send_reminders()["checkin"] == 0  # run twice: still one
    assert Reminder.objects.filter(kind="checkin").count() == 1
    mail_to_new_hire = _to("nieuw@example.org")[-1]
    assert "/hoe-gaat-het/" in mail_to_new_hire.body
    with freeze_time("2026-03-12 07:00:00"):
        checkins.submit_checkin(plan, {"mood": 4})
        assert send_reminders()["checkin"] == 0


def test_digest_moves_to_tuesday_after_easter_monday(plan):
    for task in plan.tasks.all():
        plan_tasks.complete_task(task)
    with freeze_time("2026-04-06 07:00:00"):  # Easter Monday
        assert send_reminders()["digest"] == 0
    with freeze_time("2026-04-07 07:00:00"):
        assert send_reminders()["digest"] == 1
    with freeze_time("2026-04-08 07:00:00"):
        assert send_reminders()["digest"] == 0


def test_the_periodic_task_starts_plans_and_runs_in_process(plan):
    with freeze_time("2026-03-02 07:00:00"):
        result = tasks.send_reminders.delay().get()
    plan.refresh_from_db()
    assert result["started"] == 1 and plan.status == "active"


def test_external_coach_gets_a_link_to_the_supporter_page(organisation):
    plan = make_plan(
        organisation,
        start_date=START,
        language_coach={"name": "Ingrid", "email": "coach@example.org", "language": "en"},
    )
    plan_tasks.add_task(
        plan,
        user=None,
        data={
            "phase": "week_1",
            "title": "Eerste gesprek met je taalcoach",
            "owner_role": OwnerRole.LANGUAGE_COACH,
            "due_date": START,
        },
    )
    with freeze_time("2026-03-02 07:00:00"):
        send_reminders()
    coach_mail = _to("coach@example.org")[0]
    assert "/inwerken/begeleider/" in coach_mail.body
