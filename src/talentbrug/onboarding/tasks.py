"""Background work of onboarding (Celery shared tasks; eager in-process without a broker)."""

from __future__ import annotations

from celery import shared_task

from .mail import send_portal_link as send
from .mail import send_reminders as run
from .models import OnboardingPlan


@shared_task(name="onboarding.send_reminders")
def send_reminders() -> dict[str, int]:
    """Remind task owners (due, overdue), new hires (weekly check-in) and managers (digest)."""

    return run()


@shared_task(name="onboarding.send_portal_link")
def send_portal_link(plan_id: int) -> bool:

    plan = OnboardingPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        return False
    send(plan)
    return True
