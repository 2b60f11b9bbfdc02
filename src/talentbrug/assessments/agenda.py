"""Group-day sessions on the staff agenda (``interviews.agenda``), registered in ready()."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from talentbrug.interviews.agenda import SESSION, AgendaItem, person_name

from .emails import session_uid
from .models import Session


def sessions_between(
    organisation: Any, user: Any, own_only: bool, first: datetime, last: datetime | None
) -> list[AgendaItem]:
    rows = Session.objects.filter(organisation=organisation, starts_at__gte=first)
    if last is not None:
        rows = rows.filter(starts_at__lt=last)
    if own_only:
        rows = rows.filter(day__observers=user)
    sessions = list(
        rows.select_related("day")
        .prefetch_related("day__vacancies", "day__observers")
        .order_by("starts_at", "pk")
    )
    sequence = int(timezone.now().timestamp())  # as the observers' invitations do
    return [
        AgendaItem(
            kind=SESSION,
            pk=session.pk,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            vacancy=", ".join(sorted(v.title for v in session.day.vacancies.all())),
            place=session.day.address_text,
            booked=session.booked_count,
            capacity=session.capacity,
            people=sorted(person_name(u) for u in session.day.observers.all()),
            url=reverse("assessments:detail", kwargs={"pk": session.day_id}),
            uid=session_uid(session.pk),
            sequence=sequence,
            day_title=session.day.title,
        )
        for session in sessions
    ]
