"""HR sets up the work-sample and recruitment-day routes of a vacancy (issue 18, items 3–4).

The only place that writes assignments, recruitment days and their times from the staff pages.
Every change is checked (times in the future, end after start, capacity not below the seats
already booked), written in one transaction and recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import user_can
from talentbrug.audit.services import record_event
from talentbrug.core.filecheck import CheckedFile
from talentbrug.vacancies.constants import ApplyRoute

from .constants import BookingStatus
from .models import RecruitmentDay, Slot, WorkSampleAssignment
from .services.submission import current_assignment, open_slots

ACTION = "applications.manage_routes"


class RouteSetupError(Exception):
    """A change that cannot be made; the message says why (translated)."""


def _require(user: Any, organisation: Any) -> None:
    if not user_can(user, organisation, ACTION):
        raise RouteSetupError(_("Je mag de manieren van solliciteren niet instellen."))


@dataclass(frozen=True)
class RouteState:
    """One route of a vacancy as HR sees it: chosen, and can a candidate use it now?"""

    code: str
    label: str
    chosen: bool
    usable: bool
    reason: str


def route_states(vacancy: Any) -> list[RouteState]:
    """Every route, whether HR chose it and whether candidates get it now, with the reason."""
    chosen = set(vacancy.apply_routes or [])
    has_assignment = current_assignment(vacancy) is not None
    has_slot = open_slots(vacancy).exists()
    states = []
    for code, label in ApplyRoute.choices:
        reason = ""
        usable = code in chosen
        if code == ApplyRoute.WORK_SAMPLE and not has_assignment:
            usable = False
            reason = _("Er is geen opdracht met een inleverdatum in de toekomst.")
        elif code == ApplyRoute.RECRUITMENT_DAY and not has_slot:
            usable = False
            reason = _("Er is geen tijd in de toekomst met een vrije plaats.")
        if code not in chosen:
            reason = _("Niet gekozen bij de vacature.")
        states.append(RouteState(code, str(label), code in chosen, usable, reason))
    return states


# --- Work-sample assignment -------------------------------------------------------------------


@transaction.atomic
def save_assignment(
    vacancy: Any,
    *,
    user: Any,
    title: str,
    instructions: str,
    rubric: str,
    deadline: dt.datetime,
    attachment: tuple[Any, CheckedFile] | None = None,
    remove_attachment: bool = False,
    assignment: WorkSampleAssignment | None = None,
) -> WorkSampleAssignment:
    """Create (``assignment`` None) or change the work-sample assignment of ``vacancy``."""
    _require(user, vacancy.organisation)
    if assignment is not None and assignment.vacancy_id != vacancy.pk:
        raise RouteSetupError(_("Deze opdracht hoort niet bij deze vacature."))
    if deadline <= timezone.now():
        raise RouteSetupError(_("Kies een inleverdatum in de toekomst."))
    created = assignment is None
    if assignment is None:
        assignment = WorkSampleAssignment(vacancy=vacancy, organisation=vacancy.organisation)
    assignment.title = title.strip()
    assignment.instructions = instructions.strip()
    assignment.rubric = rubric.strip()
    assignment.deadline = deadline
    if remove_attachment and assignment.attachment:
        assignment.attachment.delete(save=False)
        assignment.attachment_name = ""
    if attachment is not None:
        upload, checked = attachment
        if assignment.attachment:
            assignment.attachment.delete(save=False)
        upload.seek(0)
        assignment.attachment.save(checked.name, File(upload), save=False)
        assignment.attachment_name = checked.name
    assignment.save()
    record_event(
        "application.assignment_created" if created else "application.assignment_changed",
        actor=user,
        organisation=vacancy.organisation,
        obj=assignment,
        vacancy=vacancy.pk,
        assignment=assignment.pk,
        attachment=bool(assignment.attachment),
    )
    return assignment


# --- Recruitment day and its times ------------------------------------------------------------


@transaction.atomic
def save_day(
    vacancy: Any,
    *,
    user: Any,
    title: str,
    description: str,
    address_text: str,
    day: RecruitmentDay | None = None,
) -> RecruitmentDay:
    _require(user, vacancy.organisation)
    if day is not None and day.vacancy_id != vacancy.pk:
        raise RouteSetupError(_("Deze wervingsdag hoort niet bij deze vacature."))
    created = day is None
    if day is None:
        day = RecruitmentDay(vacancy=vacancy, organisation=vacancy.organisation)
    day.title = title.strip()
    day.description = description.strip()
    day.address_text = address_text.strip()
    day.save()
    record_event(
        "application.recruitment_day_created" if created else "application.recruitment_day_changed",
        actor=user,
        organisation=vacancy.organisation,
        obj=day,
        vacancy=vacancy.pk,
        day=day.pk,
    )
    return day


def _moment(date: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, time))


@transaction.atomic
def save_slot(
    day: RecruitmentDay,
    *,
    user: Any,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    capacity: int,
    slot: Slot | None = None,
) -> Slot:
    """Add a time to ``day`` or change one; never below the seats already booked."""
    _require(user, day.organisation)
    if slot is not None:
        slot = Slot.objects.select_for_update().get(pk=slot.pk)
        if slot.day_id != day.pk:
            raise RouteSetupError(_("Deze tijd hoort niet bij deze wervingsdag."))
    starts_at, ends_at = _moment(date, start), _moment(date, end)
    if ends_at <= starts_at:
        raise RouteSetupError(_("De eindtijd moet na de begintijd liggen."))
    if starts_at <= timezone.now():
        raise RouteSetupError(_("Kies een datum en begintijd in de toekomst."))
    if capacity < 1:
        raise RouteSetupError(_("Er moet minstens 1 plaats zijn."))
    created = slot is None
    if slot is None:
        slot = Slot(day=day)
    elif capacity < slot.booked_count:
        raise RouteSetupError(
            _("Er zijn al %(count)s plaatsen geboekt. Kies minstens %(count)s plaatsen.")
            % {"count": slot.booked_count}
        )
    slot.starts_at, slot.ends_at, slot.capacity = starts_at, ends_at, capacity
    slot.save()
    record_event(
        "application.day_slot_created" if created else "application.day_slot_changed",
        actor=user,
        organisation=day.organisation,
        obj=slot,
        vacancy=day.vacancy_id,
        day=day.pk,
        slot=slot.pk,
        capacity=capacity,
    )
    return slot


@transaction.atomic
def remove_slot(slot: Slot, *, user: Any) -> None:
    """Remove a time nobody booked (a booked time is changed, or the candidates are told)."""
    _require(user, slot.day.organisation)
    slot = Slot.objects.select_for_update().select_related("day").get(pk=slot.pk)
    if slot.bookings.filter(status=BookingStatus.BOOKED).exists():
        raise RouteSetupError(
            _("Op deze tijd komen al kandidaten. Verander de tijd in plaats van hem weg te halen.")
        )
    record_event(
        "application.day_slot_removed",
        actor=user,
        organisation=slot.day.organisation,
        obj=slot.day,
        vacancy=slot.day.vacancy_id,
        day=slot.day_id,
        slot=slot.pk,
    )
    slot.bookings.all().delete()
    slot.delete()
