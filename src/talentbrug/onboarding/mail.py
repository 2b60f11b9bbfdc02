"""Mails of onboarding: the personal link, reminders to task owners and the manager's digest.

Every mail is written in the recipient's language. Sending is idempotent: a Reminder row with
a unique key is written in the same transaction as the mail is put in the outbox, so a second run on the
same day (or a parallel worker) sends nothing twice. The key holds the day of sending, not the
task's date, so a task that moves to a new date is reminded again on that date.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from talentbrug.audit.services import record_event
from talentbrug.core.reminders import claim_by_insert, claim_then_send
from talentbrug.outbox.services import queue_mail

from . import tokens
from .constants import (
    CHECKIN_REMINDER_WEEKDAY,
    OVERDUE_REMINDER_EVERY_DAYS,
    SUPPORTER_ROLES,
    OwnerRole,
    PlanStatus,
    ReminderKind,
    TaskStatus,
)
from .models import OnboardingPlan, PlanTask, Reminder
from .services import links, people, wellbeing
from .services import plans as plans_services
from .workdays import is_working_day, next_working_day, week_start

OPEN_PLAN = (PlanStatus.PLANNED, PlanStatus.ACTIVE)


def _send(
    template: str, recipient: str, language: str, context: dict[str, Any], *, organisation: Any
) -> None:
    """Render the mail in the recipient's language and put it in the outbox (this transaction)."""

    language = language if language in dict(settings.LANGUAGES) else "nl"
    with translation.override(language):
        subject = render_to_string(f"onboarding/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"onboarding/mail/{template}.txt", context)
    queue_mail(
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]),
        kind=f"onboarding.{template}",
        organisation=organisation,
    )


def send_portal_link(plan: OnboardingPlan, *, user: Any = None) -> None:
    """Mail the new hire a fresh personal link to 'jouw inwerkplan'."""
    plan.refresh_from_db()
    with transaction.atomic():
        _send(
            "portal_link",
            plan.email,
            plan.preferred_language,
            {"plan": plan, "url": tokens.portal_url(plan)},
            organisation=plan.organisation,
        )
        links.record_link_sent(plan, user=user)


def task_link(task: PlanTask) -> str:
    plan = task.plan
    if task.owner_role == OwnerRole.NEW_HIRE and not task.owner_user_id:
        return tokens.portal_url(plan)
    if task.owner_role in SUPPORTER_ROLES and not task.owner_user_id:
        # Buddies and coaches often have no onboarding role (or no account): their own page.
        supporter = plan.supporter(task.owner_role)
        if supporter is not None:
            return tokens.supporter_url(supporter)
    return settings.SITE_URL + reverse("onboarding:plan_detail", kwargs={"pk": plan.pk})


def _claim(kind: str, key: str, recipient: str, today: date, plan: Any, task: Any) -> bool:
    return claim_by_insert(
        Reminder,
        organisation=plan.organisation,
        kind=kind,
        plan=plan,
        task=task,
        recipient=recipient,
        sent_on=today,
        key=key,
    )


def _task_reminders(today: date) -> tuple[int, int]:
    batches: dict[str, list[tuple[str, PlanTask, str]]] = defaultdict(list)
    languages: dict[str, str] = {}
    tasks = (
        PlanTask.objects.filter(
            plan__status__in=OPEN_PLAN, status=TaskStatus.OPEN, due_date__lte=today
        )
        .select_related(
            "plan", "plan__organisation", "plan__manager", "plan__hr_contact", "owner_user"
        )
        .prefetch_related("plan__supporters__user")
        .order_by("due_date", "pk")
    )
    recent = today - timedelta(days=OVERDUE_REMINDER_EVERY_DAYS - 1)
    for task in tasks:
        contact = people.owner_contact(task)
        if contact is None or not contact[1]:
            continue
        _name, email, language = contact
        if task.due_date == today:
            kind = ReminderKind.TASK_DUE
        else:
            kind = ReminderKind.TASK_OVERDUE
            # Only reminders about the current date count: a task that moved (a new start date
            # or a new date by hand) is reminded again once it is late at its new date.
            if Reminder.objects.filter(
                kind=kind, task=task, recipient=email, sent_on__gte=max(recent, task.due_date)
            ).exists():
                continue
        key = f"{kind}:{task.pk}:{email.lower()}:{today.isoformat()}"
        batches[email].append((kind, task, key))
        languages.setdefault(email, language)
    counts = {ReminderKind.TASK_DUE: 0, ReminderKind.TASK_OVERDUE: 0}

    def claim(batch: tuple[str, list[tuple[str, PlanTask, str]]]) -> list[tuple[str, PlanTask]]:
        email, items = batch
        return [
            (kind, task)
            for kind, task, key in items
            if _claim(kind, key, email, today, task.plan, task)
        ]

    def send(batch: tuple[str, Any], claimed: list[tuple[str, PlanTask]]) -> None:
        email = batch[0]
        _send(
            "task_reminder",
            email,
            languages[email],
            {
                "due": [(t, task_link(t)) for k, t in claimed if k == ReminderKind.TASK_DUE],
                "overdue": [
                    (t, task_link(t)) for k, t in claimed if k == ReminderKind.TASK_OVERDUE
                ],
                "today": today,
            },
            organisation=claimed[0][1].plan.organisation,
        )
        for kind, _task in claimed:
            counts[kind] += 1

    claim_then_send(list(batches.items()), claim, send)
    due, overdue = counts[ReminderKind.TASK_DUE], counts[ReminderKind.TASK_OVERDUE]
    return due, overdue


def _checkin_reminders(today: date) -> int:
    if today.weekday() < CHECKIN_REMINDER_WEEKDAY:
        return 0
    monday = week_start(today)
    plans = OnboardingPlan.objects.filter(status=PlanStatus.ACTIVE, start_date__lte=today).exclude(
        checkins__week_start=monday
    )

    def claim(plan: OnboardingPlan) -> bool:
        key = f"{ReminderKind.CHECKIN}:{plan.pk}:{monday.isoformat()}"
        return _claim(ReminderKind.CHECKIN, key, plan.email, today, plan, None)

    def send(plan: OnboardingPlan, _claimed: bool) -> None:
        _send(
            "checkin_reminder",
            plan.email,
            plan.preferred_language,
            {
                "plan": plan,
                "url": settings.SITE_URL
                + reverse("onboarding:portal_checkin", kwargs={"token": tokens.make_token(plan)}),
            },
            organisation=plan.organisation,
        )

    return claim_then_send(plans.select_related("organisation"), claim, send)


def _digests(today: date) -> int:
    """Once a week, on the first working day: one mail per manager about their new people."""
    if today != next_working_day(week_start(today)):
        return 0
    year, week, _day = today.isocalendar()
    plans_by_manager: dict[int, list[OnboardingPlan]] = defaultdict(list)
    plans = (
        OnboardingPlan.objects.filter(status__in=OPEN_PLAN, manager__isnull=False)
        .select_related("manager", "organisation")
        .prefetch_related("tasks", "checkins")
    )
    for plan in plans:
        plans_by_manager[plan.manager_id].append(plan)
    digests: list[tuple[Any, list[OnboardingPlan], str, list[dict[str, Any]]]] = []
    week_end = today + timedelta(days=6)
    for manager_plans in plans_by_manager.values():
        manager = manager_plans[0].manager
        if not manager.email or not manager.is_active:
            continue
        key = f"{ReminderKind.DIGEST}:{manager.pk}:{year}-{week:02d}"
        rows = []
        for plan in manager_plans:
            tasks = list(plan.tasks.all())
            checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
            rows.append(
                {
                    "plan": plan,
                    "url": settings.SITE_URL
                    + reverse("onboarding:plan_detail", kwargs={"pk": plan.pk}),
                    "health": wellbeing.health(plan, today),
                    "overdue": sum(1 for t in tasks if t.is_overdue(today)),
                    "this_week": sum(
                        1
                        for t in tasks
                        if t.status == TaskStatus.OPEN and today <= t.due_date <= week_end
                    ),
                    "last_mood": checkins[-1].mood if checkins else None,
                    "missing_checkin": wellbeing.missing_checkin(plan, today),
                }
            )
        digests.append((manager, manager_plans, key, rows))

    def claim(digest: tuple[Any, list[OnboardingPlan], str, list[dict[str, Any]]]) -> bool:
        manager, manager_plans, key, _rows = digest
        return _claim(ReminderKind.DIGEST, key, manager.email, today, manager_plans[0], None)

    def send(digest: tuple[Any, list[OnboardingPlan], str, list[dict[str, Any]]], _c: bool) -> None:
        manager, manager_plans, _key, rows = digest
        _send(
            "digest",
            manager.email,
            manager.preferred_language,
            {"manager": manager, "rows": rows, "today": today},
            organisation=manager_plans[0].organisation,
        )

    return claim_then_send(digests, claim, send)


def send_reminders(today: date | None = None) -> dict[str, int]:
    """The periodic job: start plans whose day has come, then remind. Safe to run again."""
    today = today or timezone.localdate()
    result = {"started": plans_services.activate_started_plans(today)}
    if not is_working_day(today):
        result.update(task_due=0, task_overdue=0, checkin=0, digest=0)
        return result
    result["task_due"], result["task_overdue"] = _task_reminders(today)
    result["checkin"] = _checkin_reminders(today)
    result["digest"] = _digests(today)
    total = sum(v for k, v in result.items() if k != "started")
    if total:
        record_event("onboarding.reminders_sent", count=total)
    return result
