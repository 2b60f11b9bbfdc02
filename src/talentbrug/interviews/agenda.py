"""The staff agenda: planned interviews and group-day sessions of one organisation, per day.

Reading only (nothing here changes state). HR sees every item of the active organisation; a
hiring manager or an assessor sees the interviews they hold and the sessions they observe
(:func:`talentbrug.interviews.access.agenda_limited_to_own`); group-day sessions come from
assessments through :func:`register_agenda_source`. The candidate is shown by
pseudonym while selection hides the identity (``selection.services.blind.identity_hidden``).

The number of queries does not grow with the number of items: interviews, their interviewers,
the selection progress and stages, and the sessions with their vacancies and observers are each
fetched in one query.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.selection.models import ApplicationProgress, Stage
from talentbrug.selection.services import blind as selection_blind

from . import ics
from .constants import InterviewStatus
from .emails import candidate_label_for_application
from .models import Interview

WEEKS = 4
WINDOW = timedelta(weeks=WEEKS)
MAX_YEARS_AWAY = 5  # ``vanaf`` further away than this is refused (and never overflows)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)

INTERVIEW = "interview"
SESSION = "session"


@dataclass
class AgendaItem:
    kind: str
    pk: int
    starts_at: datetime
    ends_at: datetime
    vacancy: str
    place: str
    is_video: bool = False
    video_url: str = ""
    candidate: str = ""
    people: list[str] = field(default_factory=list)
    booked: int = 0
    capacity: int = 0
    url: str = ""
    uid: str = ""
    sequence: int = 0
    day_title: str = ""

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass
class AgendaDay:
    date: date
    items: list[AgendaItem]


def window(start: date) -> tuple[datetime, datetime]:
    """From the start of ``start`` (local time) to the start of the day four weeks later."""
    zone = timezone.get_current_timezone()
    first = timezone.make_aware(datetime.combine(start, time.min), zone)
    last = timezone.make_aware(datetime.combine(start + WINDOW, time.min), zone)
    return first, last


def allowed_range(today: date) -> tuple[date, date]:
    """The dates ``vanaf`` may be: about five years back to five years ahead of today."""
    span = timedelta(days=365 * MAX_YEARS_AWAY)
    return today - span, today + span


def person_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def place_in_words(location: str) -> tuple[bool, str]:
    """(is a video call, the first link) from the free text 'plaats of videolink'."""
    found = _URL.search(location)
    return (True, found.group(0).rstrip(".,;)")) if found else (False, "")


def _labels(interviews: list[Interview]) -> dict[int, str]:
    """Candidate name, or pseudonym while the identity is hidden, per application (2 queries)."""

    application_ids = {i.application_id for i in interviews}
    vacancy_ids = {i.application.vacancy_id for i in interviews}
    if not application_ids:
        return {}
    progresses = {
        p.application_id: p
        for p in ApplicationProgress.objects.filter(
            application_id__in=application_ids
        ).select_related("stage")
    }
    stages: dict[int, list[Any]] = defaultdict(list)
    for stage in Stage.objects.filter(vacancy_id__in=vacancy_ids).order_by("order", "pk"):
        stages[stage.vacancy_id].append(stage)
    labels = {}
    for interview in interviews:
        application = interview.application
        progress = progresses.get(application.pk)
        if progress is None:  # not yet in the selection: the shared helper sets it up
            labels[application.pk] = candidate_label_for_application(application)
            continue
        hidden = selection_blind.identity_hidden(progress, stages[application.vacancy_id])
        labels[application.pk] = progress.pseudonym if hidden else application.candidate.name
    return labels


def interviews_between(
    organisation: Any, user: Any, own_only: bool, first: datetime, last: datetime | None
) -> list[AgendaItem]:
    rows = Interview.objects.filter(
        organisation=organisation,
        status=InterviewStatus.PLANNED,
        chosen_slot__isnull=False,
        chosen_slot__starts_at__gte=first,
    )
    if last is not None:
        rows = rows.filter(chosen_slot__starts_at__lt=last)
    if own_only:
        rows = rows.filter(interviewers=user)
    interviews = list(
        rows.select_related("chosen_slot", "application__vacancy", "application__candidate")
        .prefetch_related("interviewers")
        .order_by("chosen_slot__starts_at", "pk")
    )
    labels = _labels(interviews)
    items = []
    for interview in interviews:
        assert interview.chosen_slot is not None
        starts_at = interview.chosen_slot.starts_at
        is_video, video_url = place_in_words(interview.location)
        items.append(
            AgendaItem(
                kind=INTERVIEW,
                pk=interview.pk,
                starts_at=starts_at,
                ends_at=starts_at + interview.duration,
                vacancy=interview.application.vacancy.title,
                place=interview.location,
                is_video=is_video,
                video_url=video_url,
                candidate=labels[interview.application_id],
                people=sorted(person_name(u) for u in interview.interviewers.all()),
                url=reverse("selection:application", kwargs={"pk": interview.application_id}),
                uid=ics.uid(interview.pk),
                sequence=interview.sequence,
            )
        )
    return items


# Other apps add their items (assessments: group-day sessions) with register_agenda_source, in
# their AppConfig.ready(): fn(organisation, user, own_only, first, last) -> [AgendaItem].
AGENDA_SOURCES: list[Callable[[Any, Any, bool, datetime, datetime | None], list[AgendaItem]]] = []


def register_agenda_source(
    source: Callable[[Any, Any, bool, datetime, datetime | None], list[AgendaItem]],
) -> None:
    if source not in AGENDA_SOURCES:
        AGENDA_SOURCES.append(source)


def _items(
    organisation: Any, user: Any, own_only: bool, first: datetime, last: datetime | None
) -> list[AgendaItem]:
    items = interviews_between(organisation, user, own_only, first, last)
    for source in AGENDA_SOURCES:
        items += source(organisation, user, own_only, first, last)
    return items


def _sorted(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=lambda item: (item.starts_at, item.kind, item.pk))


def agenda(organisation: Any, user: Any, own_only: bool, start: date) -> list[AgendaDay]:
    """The days from ``start`` (four weeks) that have items, each with its items by time."""
    first, last = window(start)
    items = _items(organisation, user, own_only, first, last)
    days: dict[date, list[AgendaItem]] = defaultdict(list)
    for item in _sorted(items):
        days[timezone.localtime(item.starts_at).date()].append(item)
    return [AgendaDay(date=day, items=days[day]) for day in sorted(days)]


def own_upcoming(organisation: Any, user: Any) -> list[AgendaItem]:
    """The user's own items (interviewer, observer) from now on, for the calendar download."""
    now = timezone.now()
    items = _items(organisation, user, True, now, None)
    return _sorted(items)


def calendar_file(items: Iterable[AgendaItem]) -> str:
    """The items as one calendar file, with the same UIDs as the e-mailed invitations."""
    events = []
    for item in items:
        if item.kind == INTERVIEW:
            summary = _("Gesprek met %(candidate)s (%(title)s)") % {
                "candidate": item.candidate,
                "title": item.vacancy,
            }
        else:
            summary = _("Waarnemer op groepsdag: %(title)s") % {"title": item.day_title}
        events.append(
            ics.FeedEvent(
                uid=item.uid,
                sequence=item.sequence,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                summary=summary,
                location=item.place,
                description=f"{item.place}\n{settings.SITE_URL}{item.url}",
            )
        )
    return ics.feed(events)
