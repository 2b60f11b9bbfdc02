"""Group days and their sessions: create, change, delete (observers are invited and told)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import Vacancy

from ..constants import (
    BookingStatus,
)
from ..models import (
    AssessmentDay,
    DayBooking,
    ObserverReminder,
    Session,
)
from .errors import AssessmentError
from .mail import (
    cancel_for_observers_now,
    mail_candidate,
    mail_observers,
)


def create_day(
    organisation: Any,
    *,
    title: str,
    address_text: str,
    vacancies: Iterable[Vacancy],
    observers: Iterable[Any],
    description: str = "",
    user: Any = None,
) -> AssessmentDay:
    vacancies = list(vacancies)
    if not vacancies:
        raise AssessmentError(_("Kies minstens één vacature."))
    if any(v.organisation_id != organisation.pk for v in vacancies):
        raise AssessmentError(_("Kies vacatures van uw eigen organisatie."))
    if not title.strip() or not address_text.strip():
        raise AssessmentError(_("Vul de titel en het adres in."))
    day = AssessmentDay.objects.create(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        address_text=address_text.strip(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    day.vacancies.set(vacancies)
    day.observers.set(list(observers))
    record_event(
        "assessments.day_created",
        actor=user,
        organisation=organisation,
        obj=day,
        day=day.pk,
        vacancies=len(vacancies),
    )
    return day


@transaction.atomic
def add_session(
    day: AssessmentDay, *, starts_at: datetime, ends_at: datetime, capacity: int, user: Any
) -> Session:
    if ends_at <= starts_at:
        raise AssessmentError(_("De eindtijd moet na de begintijd liggen."))
    if starts_at <= timezone.now():
        raise AssessmentError(_("De begintijd ligt in het verleden. Kies een latere tijd."))
    if not 1 <= int(capacity) <= 200:
        raise AssessmentError(_("Het aantal plaatsen moet tussen 1 en 200 liggen."))
    session = Session.objects.create(
        organisation_id=day.organisation_id,
        day=day,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
    )
    record_event(
        "assessments.session_added",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        session=session.pk,
    )
    mail_observers(session.pk, "planned")
    return session


@transaction.atomic
def update_day(
    day: AssessmentDay,
    *,
    title: str,
    address_text: str,
    vacancies: Iterable[Vacancy],
    observers: Iterable[Any],
    description: str = "",
    user: Any = None,
) -> AssessmentDay:
    """Change name, address, vacancies and observers. New observers get an invitation per
    future session, removed observers a cancellation; booked candidates hear of a new address.
    """
    vacancies = list(vacancies)
    observers = list(observers)
    if not vacancies:
        raise AssessmentError(_("Kies minstens één vacature."))
    if any(v.organisation_id != day.organisation_id for v in vacancies):
        raise AssessmentError(_("Kies vacatures van uw eigen organisatie."))
    if not title.strip() or not address_text.strip():
        raise AssessmentError(_("Vul de titel en het adres in."))
    day = AssessmentDay.objects.select_for_update().get(pk=day.pk)
    address_changed = day.address_text != address_text.strip()
    before = set(day.observers.values_list("pk", flat=True))
    after = {u.pk for u in observers}
    future = list(day.sessions.filter(starts_at__gt=timezone.now()))
    if before - after:
        leaving = list(day.observers.filter(pk__in=before - after))
        for session in future:
            cancel_for_observers_now(session, leaving)
    day.title = title.strip()
    day.description = description.strip()
    day.address_text = address_text.strip()
    day.save(update_fields=["title", "description", "address_text"])
    day.vacancies.set(vacancies)
    day.observers.set(observers)
    joining = [u for u in observers if u.pk not in before]
    for session in future:
        if address_changed:
            mail_observers(session.pk, "planned", [u for u in observers if u.pk in before])
        if joining:
            mail_observers(session.pk, "planned", joining)
    if address_changed:
        for booking_pk in DayBooking.objects.filter(
            day=day, status=BookingStatus.BOOKED, session__starts_at__gt=timezone.now()
        ).values_list("pk", flat=True):
            mail_candidate(booking_pk, "changed")
    record_event(
        "assessments.day_changed",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        vacancies=len(vacancies),
        observers=len(observers),
    )
    return day


@transaction.atomic
def update_session(
    session: Session, *, starts_at: datetime, ends_at: datetime, capacity: int, user: Any
) -> Session:
    """Change times or places. Never fewer places than bookings; booked candidates and
    observers get the new time in their calendar."""
    session = Session.objects.select_for_update().select_related("day").get(pk=session.pk)
    if ends_at <= starts_at:
        raise AssessmentError(_("De eindtijd moet na de begintijd liggen."))
    moved = starts_at != session.starts_at or ends_at != session.ends_at
    if moved and starts_at <= timezone.now():
        raise AssessmentError(_("De begintijd ligt in het verleden. Kies een latere tijd."))
    if not 1 <= int(capacity) <= 200:
        raise AssessmentError(_("Het aantal plaatsen moet tussen 1 en 200 liggen."))
    booked = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    if int(capacity) < booked:
        raise AssessmentError(
            _(
                "Er zijn al %(booked)s kandidaten ingeschreven. Kies minstens %(booked)s "
                "plaatsen, of vraag kandidaten eerst een andere tijd te kiezen."
            )
            % {"booked": booked}
        )
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.capacity = int(capacity)
    session.booked_count = booked
    session.save(update_fields=["starts_at", "ends_at", "capacity", "booked_count"])
    if moved:
        bookings = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED)
        for booking_pk in bookings.values_list("pk", flat=True):
            mail_candidate(booking_pk, "changed")
        DayBooking.objects.filter(session=session).update(reminder_sent_at=None)
        ObserverReminder.objects.filter(session=session).delete()  # remind of the new time
        mail_observers(session.pk, "planned")
    record_event(
        "assessments.session_changed",
        actor=user,
        organisation=session.day.organisation,
        obj=session.day,
        day=session.day_id,
        session=session.pk,
        capacity=session.capacity,
    )
    return session


@transaction.atomic
def delete_session(session: Session, *, user: Any) -> None:
    """Remove a session without bookings. With bookings it is refused: nobody loses a place."""
    session = Session.objects.select_for_update().select_related("day").get(pk=session.pk)
    booked = DayBooking.objects.filter(session=session, status=BookingStatus.BOOKED).count()
    if booked:
        raise AssessmentError(
            _(
                "Deze sessie heeft %(booked)s inschrijvingen. Verwijderen kan pas als niemand "
                "meer is ingeschreven. Pas anders de tijd aan: de kandidaten krijgen dan bericht."
            )
            % {"booked": booked}
        )
    day = session.day
    pk = session.pk
    if session.starts_at > timezone.now():
        cancel_for_observers_now(session, list(day.observers.all()))
    DayBooking.objects.filter(session=session).delete()  # cancelled ones only
    session.delete()
    record_event(
        "assessments.session_deleted",
        actor=user,
        organisation=day.organisation,
        obj=day,
        day=day.pk,
        session=pk,
    )
