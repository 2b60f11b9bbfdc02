"""Everything that changes interviews. Views and tasks call these; every change is audited.

The workflow: :func:`propose_interview` (status *proposed*) → the candidate picks a time with
:func:`choose_slot` (*planned*) → :func:`reschedule_interview` (back to *proposed*, new
times) or :func:`cancel_interview` (*cancelled*). One reminder goes out 24 hours before
(:func:`send_due_reminders`, a periodic job).

No double booking: choosing a time locks the interview and its interviewers' user rows
(``select_for_update``) and refuses a time that overlaps another planned interview of the same
interviewer or the same candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.accounts.models import User
from talentbrug.applications.constants import ApplicationStatus
from talentbrug.applications.models import Application, Candidate
from talentbrug.audit.services import record_event
from talentbrug.core.reminders import claim_then_send, claim_unsent
from talentbrug.outbox.services import queue_mail
from talentbrug.selection.models import ApplicationProgress
from talentbrug.selection.services import pipeline as selection_pipeline

from .constants import (
    MAX_DURATION,
    MAX_SLOTS,
    MIN_DURATION,
    OPEN_STATUSES,
    REMINDER_BEFORE,
    InterviewStatus,
)
from .emails import interviewer_message, messages_for, reminder_messages
from .models import Interview, InterviewSlot


class InterviewError(ValidationError):
    """A change that is not allowed; the message says what is wrong and what to do."""


def _require(roles: Iterable[str], action: str) -> None:
    if not (frozenset(roles) & PERMISSIONS[action]):
        raise InterviewError(_("Uw rol mag dit niet doen."))


def staff_of(organisation: Any) -> QuerySet[User]:
    """Who may be an interviewer: active staff members of the organisation."""
    return (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------


def check_plannable(application: Application) -> Any:
    """An interview needs an active application in a stage that is not blind and not an end."""

    if application.status == ApplicationStatus.WITHDRAWN:
        raise InterviewError(_("De kandidaat heeft deze sollicitatie ingetrokken."))
    progress = selection_pipeline.progress_for(application)
    if progress.stage.is_blind:
        raise InterviewError(
            _(
                "Deze sollicitatie staat in een anonieme fase. Verplaats de kandidaat eerst "
                "naar een fase die niet anoniem is, zoals Gesprek."
            )
        )
    if progress.stage.is_end:
        raise InterviewError(
            _("Deze sollicitatie is klaar (fase ‘%(stage)s’). Plan geen gesprek meer.")
            % {"stage": progress.stage.name}
        )
    return progress


def _clean_slots(slots: Sequence[datetime], now: datetime) -> list[datetime]:
    cleaned = sorted({slot.replace(second=0, microsecond=0) for slot in slots if slot})
    if not cleaned:
        raise InterviewError(_("Stel minstens één tijd voor."))
    if len(cleaned) > MAX_SLOTS:
        raise InterviewError(_("Stel hoogstens %(max)s tijden voor.") % {"max": MAX_SLOTS})
    if any(timezone.is_naive(slot) for slot in cleaned):
        raise InterviewError(_("Geef een tijd met tijdzone."))
    if cleaned[0] <= now:
        raise InterviewError(_("Kies tijden in de toekomst."))
    return cleaned


def _clean_details(duration_minutes: int, location: str, interviewers: Sequence[Any], org: Any):
    if not MIN_DURATION <= duration_minutes <= MAX_DURATION:
        raise InterviewError(
            _("Een gesprek duurt %(min)s tot en met %(max)s minuten.")
            % {"min": MIN_DURATION, "max": MAX_DURATION}
        )
    location = location.strip()
    if not location:
        raise InterviewError(_("Schrijf waar het gesprek is, of plak de link naar de video."))
    if not interviewers:
        raise InterviewError(_("Kies minstens één interviewer."))
    allowed = set(staff_of(org).values_list("pk", flat=True))
    if any(user.pk not in allowed for user in interviewers):
        raise InterviewError(_("Interviewers moeten medewerkers van uw organisatie zijn."))
    return location


def _overlaps(start: datetime, minutes: int, other_start: datetime, other_minutes: int) -> bool:
    return start < other_start + timedelta(minutes=other_minutes) and other_start < start + (
        timedelta(minutes=minutes)
    )


def clashes(interview: Interview, starts_at: datetime) -> bool:
    """Would this time overlap a planned interview of the same interviewer or candidate?"""
    interviewer_ids = list(interview.interviewers.values_list("pk", flat=True))
    window_start = starts_at - timedelta(minutes=MAX_DURATION)
    window_end = starts_at + interview.duration
    others = (
        Interview.objects.filter(
            status=InterviewStatus.PLANNED,
            chosen_slot__starts_at__gt=window_start,
            chosen_slot__starts_at__lt=window_end,
        )
        .exclude(pk=interview.pk)
        .select_related("chosen_slot", "application")
        .prefetch_related("interviewers")
    )
    for other in others:
        assert other.chosen_slot is not None
        if not _overlaps(
            starts_at,
            interview.duration_minutes,
            other.chosen_slot.starts_at,
            other.duration_minutes,
        ):
            continue
        if other.application.candidate_id == interview.application.candidate_id:
            return True
        if {u.pk for u in other.interviewers.all()} & set(interviewer_ids):
            return True
    return False


def available_slots(interview: Interview) -> list[InterviewSlot]:
    """The proposed times the candidate can still choose: open, in the future, no clash."""
    if interview.status != InterviewStatus.PROPOSED or not still_running(interview.application):
        return []
    now = timezone.now()
    return [
        slot
        for slot in interview.slots.filter(is_open=True, starts_at__gt=now)
        if not clashes(interview, slot.starts_at)
    ]


# ---------------------------------------------------------------------------------------------
# Transitions
# ---------------------------------------------------------------------------------------------


def _load_for_mail(interview_pk: int) -> Interview:
    return Interview.objects.select_related(
        "chosen_slot", "application__candidate", "application__vacancy", "organisation"
    ).get(pk=interview_pk)


def _queue_messages(interview: Interview, messages: Iterable[Any], kind: str) -> None:
    """Put the mails in the outbox, in the current transaction (a rollback sends nothing)."""

    for message in messages:
        if message is not None:
            queue_mail(
                message,
                kind=kind,
                organisation=interview.organisation,
                candidate=interview.application.candidate,
            )


def _queue(interview: Interview, event: str, old_start: datetime | None = None) -> None:
    """E-mail the candidate (and the interviewers) about a change, with a calendar file."""

    loaded = _load_for_mail(interview.pk)
    _queue_messages(loaded, messages_for(loaded, event, old_start), f"interviews.{event}")


@transaction.atomic
def propose_interview(
    application: Application,
    *,
    user: Any,
    roles: Iterable[str],
    interviewers: Sequence[Any],
    slots: Sequence[datetime],
    duration_minutes: int,
    location: str,
    message: str = "",
) -> Interview:
    """Propose times for an interview; the candidate gets an e-mail to choose one."""
    _require(roles, "interviews.plan")
    progress = check_plannable(application)
    cleaned = _clean_slots(slots, timezone.now())
    location = _clean_details(duration_minutes, location, interviewers, application.organisation)
    interview = Interview.objects.create(
        organisation_id=application.organisation_id,
        application=application,
        stage=progress.stage,
        duration_minutes=duration_minutes,
        location=location,
        message=message.strip(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    interview.interviewers.set(interviewers)
    InterviewSlot.objects.bulk_create(
        InterviewSlot(interview=interview, starts_at=slot) for slot in cleaned
    )
    record_event(
        "interviews.proposed",
        actor=user,
        organisation=application.organisation,
        obj=interview,
        interview=interview.pk,
        application=application.pk,
        slots=len(cleaned),
        interviewers=len(interviewers),
    )
    _queue(interview, "invitation")
    return interview


def _locked(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("chosen_slot", "application__candidate", "organisation")
        .get(pk=interview.pk)
    )


def still_running(application: Application) -> bool:
    """Not withdrawn, and not rejected or hired in the meantime."""
    if application.status == ApplicationStatus.WITHDRAWN:
        return False

    progress = ApplicationProgress.objects.filter(application=application).select_related("stage")
    current = progress.first()
    return current is None or not current.stage.is_end


@transaction.atomic
def choose_slot(interview: Interview, slot_id: Any, candidate: Any) -> Interview:
    """The candidate picks one of the proposed times. Refuses a taken or double-booked time."""
    # Lock the candidate, the interviewers (always in the same order), then the interview: two
    # choices that could clash run one after the other, and the second sees the first.
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    interviewer_ids = sorted(interview.interviewers.values_list("pk", flat=True))
    list(User.objects.select_for_update().filter(pk__in=interviewer_ids).order_by("pk"))
    fresh = _locked(interview)
    if fresh.application.candidate_id != candidate.pk:
        raise InterviewError(_("Dit gesprek hoort niet bij jou."))
    if fresh.status == InterviewStatus.PLANNED:
        raise InterviewError(
            _("Je hebt al een tijd gekozen. Wil je een andere tijd? Beantwoord dan onze e-mail.")
        )
    if fresh.status != InterviewStatus.PROPOSED or not still_running(fresh.application):
        raise InterviewError(_("Dit gesprek gaat niet door. Je hoeft niets te doen."))
    slot = InterviewSlot.objects.filter(interview=fresh, pk=slot_id, is_open=True).first()
    if slot is None:
        raise InterviewError(_("Kies een van de tijden hieronder."))
    if slot.starts_at <= timezone.now():
        raise InterviewError(_("Deze tijd is al voorbij. Kies een andere tijd."))
    if clashes(fresh, slot.starts_at):
        raise InterviewError(
            _("Deze tijd is net door iemand anders gekozen. Kies een andere tijd.")
        )
    fresh.chosen_slot = slot
    fresh.status = InterviewStatus.PLANNED
    fresh.sequence += 1
    fresh.reminder_sent_at = None
    fresh.save(
        update_fields=["chosen_slot", "status", "sequence", "reminder_sent_at", "updated_at"]
    )
    record_event(
        "interviews.slot_chosen",
        organisation=fresh.organisation,
        obj=fresh,
        interview=fresh.pk,
        slot=slot.pk,
    )
    _queue(fresh, "planned")
    interview.status, interview.chosen_slot, interview.sequence = (
        fresh.status,
        slot,
        fresh.sequence,
    )
    return fresh


@transaction.atomic
def reschedule_interview(
    interview: Interview,
    *,
    user: Any,
    roles: Iterable[str],
    slots: Sequence[datetime],
    interviewers: Sequence[Any] | None = None,
    duration_minutes: int | None = None,
    location: str | None = None,
    message: str | None = None,
) -> Interview:
    """Propose new times. A planned time is cancelled in everyone's calendar."""
    _require(roles, "interviews.plan")
    fresh = _locked(interview)
    if fresh.status not in OPEN_STATUSES:
        raise InterviewError(_("Dit gesprek is geannuleerd. Plan een nieuw gesprek."))
    check_plannable(fresh.application)
    cleaned = _clean_slots(slots, timezone.now())
    chosen_interviewers = (
        list(interviewers) if interviewers is not None else list(fresh.interviewers.all())
    )
    location = _clean_details(
        duration_minutes if duration_minutes is not None else fresh.duration_minutes,
        location if location is not None else fresh.location,
        chosen_interviewers,
        fresh.organisation,
    )
    old_start = fresh.starts_at
    old_interviewers = list(fresh.interviewers.all())
    fresh.slots.filter(is_open=True).update(is_open=False)
    InterviewSlot.objects.bulk_create(
        InterviewSlot(interview=fresh, starts_at=slot) for slot in cleaned
    )
    fresh.status = InterviewStatus.PROPOSED
    fresh.chosen_slot = None
    fresh.sequence += 1
    fresh.reminder_sent_at = None
    fresh.location = location
    if duration_minutes is not None:
        fresh.duration_minutes = duration_minutes
    if message is not None:
        fresh.message = message.strip()
    fresh.save()
    fresh.interviewers.set(chosen_interviewers)
    if old_start is not None:
        # Interviewers who leave the interview still get the cancellation of the old time.
        _queue_cancel_for(fresh, old_start, old_interviewers)
    record_event(
        "interviews.rescheduled",
        actor=user,
        organisation=fresh.organisation,
        obj=fresh,
        interview=fresh.pk,
        slots=len(cleaned),
    )
    _queue(fresh, "rescheduled", old_start)
    interview.status, interview.chosen_slot, interview.sequence = fresh.status, None, fresh.sequence
    return fresh


def _queue_cancel_for(interview: Interview, old_start: datetime, users: list[Any]) -> None:
    """Cancel the old time for interviewers who are no longer on the interview."""
    current = set(interview.interviewers.values_list("pk", flat=True))
    leaving = [u for u in users if u.pk not in current]
    if not leaving:
        return

    loaded = _load_for_mail(interview.pk)
    _queue_messages(
        loaded,
        (interviewer_message(loaded, user, "cancelled", old_start) for user in leaving),
        "interviews.interviewer_cancelled",
    )


@transaction.atomic
def cancel_interview(interview: Interview, *, user: Any, roles: Iterable[str]) -> Interview:
    """Cancel the interview; everyone gets an e-mail, with a calendar cancellation if planned."""
    _require(roles, "interviews.plan")
    fresh = _locked(interview)
    if fresh.status not in OPEN_STATUSES:
        raise InterviewError(_("Dit gesprek is al geannuleerd."))
    _cancel(fresh, actor=user)
    interview.status, interview.sequence = fresh.status, fresh.sequence
    return fresh


def _cancel(fresh: Interview, *, actor: Any) -> None:
    """Cancel a locked, open interview: close its times, audit, and mail everyone (ICS CANCEL)."""
    old_start = fresh.starts_at
    fresh.status = InterviewStatus.CANCELLED
    fresh.sequence += 1
    fresh.save(update_fields=["status", "sequence", "updated_at"])
    fresh.slots.filter(is_open=True).update(is_open=False)
    record_event(
        "interviews.cancelled",
        actor=actor,
        organisation=fresh.organisation,
        obj=fresh,
        interview=fresh.pk,
    )
    _queue(fresh, "cancelled", old_start)


def cancel_open_for(application: Application) -> int:
    """The procedure ended (withdrawn, rejected, hired): cancel what was still open, so that
    interviewers lose access and calendars are cleared. Returns the number cancelled."""
    count = 0
    for interview in Interview.objects.filter(application=application, status__in=OPEN_STATUSES):
        fresh = _locked(interview)
        if fresh.status in OPEN_STATUSES:
            _cancel(fresh, actor=None)
            count += 1
    return count


def on_application_closed(sender: Any, application: Application, **kwargs: Any) -> None:
    cancel_open_for(application)


def on_application_moved_back(
    sender: Any, application: Application, to_kind: str, **kwargs: Any
) -> None:
    """Moved back to a stage before the interview: the interview is off (selection.effects)."""
    from talentbrug.selection.constants import BEFORE_INTERVIEW

    if to_kind in BEFORE_INTERVIEW:
        cancel_open_for(application)


# ---------------------------------------------------------------------------------------------
# Reminders (periodic job)
# ---------------------------------------------------------------------------------------------


def due_for_reminder(now: datetime) -> QuerySet[Interview]:
    return Interview.objects.filter(
        status=InterviewStatus.PLANNED,
        reminder_sent_at__isnull=True,
        chosen_slot__starts_at__gt=now,
        chosen_slot__starts_at__lte=now + REMINDER_BEFORE,
    )


def send_due_reminders(now: datetime | None = None) -> int:
    """Remind candidate and interviewers once, 24 hours before. Safe to run again."""

    now = now or timezone.now()

    def send(pk: int, _claimed: bool) -> None:
        interview = _load_for_mail(pk)
        _queue_messages(interview, reminder_messages(interview), "interviews.reminder")

    sent = claim_then_send(
        list(due_for_reminder(now).values_list("pk", flat=True)),
        lambda pk: claim_unsent(Interview.objects.filter(pk=pk), "reminder_sent_at", now),
        send,
    )
    if sent:
        record_event("interviews.reminders_sent", count=sent)
    return sent


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def for_application(application: Application) -> QuerySet[Interview]:
    return (
        Interview.objects.filter(application=application)
        .select_related("chosen_slot")
        .prefetch_related("interviewers", "slots")
        .order_by("-created_at")
    )


def upcoming(organisation: Any, user: Any, only_assigned: bool) -> QuerySet[Interview]:
    """Open interviews of the organisation (or only the user's), planned first by time."""
    rows = Interview.objects.filter(organisation=organisation, status__in=OPEN_STATUSES).exclude(
        chosen_slot__starts_at__lt=timezone.now() - timedelta(hours=12)
    )
    if only_assigned:
        rows = rows.filter(interviewers=user)
    return (
        rows.select_related("chosen_slot", "application__vacancy", "application__candidate")
        .prefetch_related("interviewers")
        .order_by("status", "chosen_slot__starts_at", "pk")
        .distinct()
    )
