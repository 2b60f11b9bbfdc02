"""Moving a plan's first working day: open tasks move on working days, the rest stays."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.onboarding.constants import OwnerRole, PlanStatus, ReminderKind
from talentbrug.onboarding.mail import send_reminders
from talentbrug.onboarding.models import PlanTask, Reminder
from talentbrug.onboarding.services import guards, plan_tasks, plans
from talentbrug.onboarding.workdays import add_working_days

from .factories import make_plan, member

pytestmark = pytest.mark.django_db

START = date(2026, 3, 2)  # a Monday
# Friday 24 April 2026: the Monday after is Koningsdag, so day 1 is Tuesday 28 April.
NEW_START = date(2026, 4, 24)


@pytest.fixture
def plan(organisation):
    return make_plan(organisation, start_date=START)


def _dates(plan):
    return {task.title: task.due_date for task in plan.tasks.all()}


def test_open_tasks_keep_their_working_day_offset_over_weekend_and_holiday(plan):
    assert _dates(plan) == {
        "Vul de intake in": date(2026, 2, 27),  # -1
        "Ontvang de nieuwe collega": START,  # 0
        "Lunch samen": date(2026, 3, 3),  # 1
        "Vul je eerste check-in in": date(2026, 3, 6),  # 4
        "Deel je tien verbazingen": date(2026, 3, 30),  # 20
    }
    shift = plans.change_start_date(plan, NEW_START, user=None)
    plan.refresh_from_db()
    assert plan.start_date == NEW_START
    assert _dates(plan) == {
        "Vul de intake in": date(2026, 4, 23),
        "Ontvang de nieuwe collega": date(2026, 4, 24),
        "Lunch samen": date(2026, 4, 28),  # over the weekend and Koningsdag
        "Vul je eerste check-in in": date(2026, 5, 1),
        "Deel je tien verbazingen": add_working_days(NEW_START, 20),
    }
    assert shift == plans.StartDateShift(moved=5, kept_done=0, kept_by_hand=0)


def test_a_start_on_a_holiday_counts_from_the_next_working_day(plan):
    plans.change_start_date(plan, date(2026, 12, 25), user=None)  # Kerst, a Friday
    dates = _dates(plan)
    assert dates["Ontvang de nieuwe collega"] == date(2026, 12, 28)
    assert dates["Vul de intake in"] == date(2026, 12, 24)
    assert dates["Lunch samen"] == date(2026, 12, 29)


def test_done_skipped_and_hand_dated_tasks_stay(plan):
    done = plan.tasks.get(title="Vul de intake in")
    plan_tasks.complete_task(done)
    skipped = plan.tasks.get(title="Lunch samen")
    plan_tasks.skip_task(skipped, user=None, reason="Geen buddy")
    by_hand = plan.tasks.get(title="Deel je tien verbazingen")
    plan_tasks.update_task(by_hand, user=None, data={"due_date": date(2026, 3, 31)})
    added = plan_tasks.add_task(
        plan,
        user=None,
        data={
            "phase": "week_1",
            "title": "Rondleiding",
            "owner_role": OwnerRole.MANAGER,
            "due_date": date(2026, 3, 4),
        },
    )
    title_only = plan.tasks.get(title="Vul je eerste check-in in")
    plan_tasks.update_task(
        title_only, user=None, data={"title": "Check-in", "due_date": date(2026, 3, 6)}
    )
    title_only.refresh_from_db()
    assert not title_only.date_set_by_hand  # same date: still calculated

    shift = plans.change_start_date(plan, NEW_START, user=None)

    assert shift == plans.StartDateShift(moved=2, kept_done=2, kept_by_hand=2)
    dates = _dates(plan)
    assert dates["Vul de intake in"] == date(2026, 2, 27)
    assert dates["Lunch samen"] == date(2026, 3, 3)
    assert dates["Deel je tien verbazingen"] == date(2026, 3, 31)
    assert dates["Rondleiding"] == date(2026, 3, 4)
    assert dates["Ontvang de nieuwe collega"] == NEW_START
    assert dates["Check-in"] == date(2026, 5, 1)
    event = AuditEvent.objects.get(event_type="onboarding.start_date_changed")
    moved_ids = sorted(
        PlanTask.objects.filter(title__in=["Ontvang de nieuwe collega", "Check-in"]).values_list(
            "pk", flat=True
        )
    )
    assert event.data == {
        "moved": 2,
        "kept_done": 2,
        "kept_by_hand": 2,
        "tasks": ",".join(str(pk) for pk in moved_ids),
    }
    assert str(added.pk) not in event.data["tasks"].split(",")


def test_a_closed_plan_keeps_its_dates(plan):
    plans.stop_plan(plan, user=None, reason="Andere baan")
    with pytest.raises(guards.TransitionError):
        plans.change_start_date(plan, NEW_START, user=None)
    plan.refresh_from_db()
    assert plan.start_date == START and _dates(plan)["Ontvang de nieuwe collega"] == START
    assert not AuditEvent.objects.filter(event_type="onboarding.start_date_changed").exists()


def test_update_plan_without_a_new_date_moves_nothing(plan):
    assert plans.update_plan(plan, user=None, data={"team": "Beheer", "start_date": START}) is None
    assert not AuditEvent.objects.filter(event_type="onboarding.start_date_changed").exists()


def test_the_coordinator_sees_a_summary_after_saving(organisation, plan):
    client = verified_client(member(organisation, role=Role.ONBOARDING_COORDINATOR))
    plan_tasks.complete_task(plan.tasks.get(title="Vul de intake in"))
    edit = reverse("onboarding:plan_edit", args=[plan.pk])
    form = client.get(edit).content.decode()
    assert 'value="2026-03-02"' in form and "schuiven de open taken mee" in form
    data = {
        "start_date": "2026-04-24",
        "name": plan.name,
        "email": plan.email,
        "preferred_language": "nl",
        "manager": plan.manager_id,
    }
    response = client.post(edit, data, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "De eerste werkdag is verplaatst: 4 open taken verschoven, 1 afgeronde taak niet." in page
    )
    plan.refresh_from_db()
    assert plan.start_date == NEW_START
    assert plan.tasks.get(title="Lunch samen").due_date == date(2026, 4, 28)


def test_the_edit_form_refuses_a_bad_date(organisation, plan):
    client = verified_client(member(organisation, role=Role.ONBOARDING_COORDINATOR))
    response = client.post(
        reverse("onboarding:plan_edit", args=[plan.pk]),
        {"start_date": "", "name": plan.name, "email": plan.email, "preferred_language": "nl"},
    )
    assert response.status_code == 400 and "Eerste werkdag" in response.content.decode()
    plan.refresh_from_db()
    assert plan.start_date == START


def test_a_moved_task_is_reminded_again_at_its_new_date(organisation):
    manager = member(organisation, email="manager@example.org")
    plan = make_plan(organisation, start_date=START, manager=manager)
    task = plan.tasks.get(title="Ontvang de nieuwe collega")
    with freeze_time("2026-03-03 07:00:00"):  # a day late: reminded as overdue
        send_reminders()
    assert Reminder.objects.filter(kind=ReminderKind.TASK_OVERDUE, task=task).count() == 1
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    plans.change_start_date(plan, date(2026, 3, 4), user=None)  # Wednesday
    task.refresh_from_db()
    assert task.due_date == date(2026, 3, 4)
    with freeze_time("2026-03-04 07:00:00"):  # due at the new date
        send_reminders()
    assert Reminder.objects.filter(kind=ReminderKind.TASK_DUE, task=task).count() == 1
    from talentbrug.outbox.services import send_due

    send_due()  # the outbox worker sends the first reminder
    mail.outbox.clear()
    with freeze_time("2026-03-05 07:00:00"):  # late again, within a week of the first reminder
        send_reminders()
    assert Reminder.objects.filter(kind=ReminderKind.TASK_OVERDUE, task=task).count() == 2
    send_due()
    assert any(m.to == ["manager@example.org"] for m in mail.outbox)
    with freeze_time("2026-03-06 07:00:00"):  # and then once a week, as before
        send_reminders()
    assert Reminder.objects.filter(kind=ReminderKind.TASK_OVERDUE, task=task).count() == 2


def test_the_migration_marks_existing_hand_dated_tasks(plan):
    PlanTask.objects.filter(title="Lunch samen").update(due_date=date(2026, 3, 5))
    PlanTask.objects.create(
        plan=plan,
        phase="week_1",
        title="Met de hand toegevoegd",
        owner_role=OwnerRole.MANAGER,
        due_date=date(2026, 3, 4),
    )
    PlanTask.objects.update(date_set_by_hand=False)
    migration = import_module(
        "talentbrug.onboarding.migrations.0002_task_date_set_by_hand_evaluation_self_review"
    )
    migration.mark_dates_set_by_hand(apps, None)
    assert set(PlanTask.objects.filter(date_set_by_hand=True).values_list("title", flat=True)) == {
        "Lunch samen",
        "Met de hand toegevoegd",
    }
