"""Who sees what in interviews: the assignments this app gives, and the agenda rule.

The assignment rule itself (an assessor sees only the candidates assigned to them) lives in
:mod:`talentbrug.selection.assignment`; this app registers its assignments there (an
interviewer of an open interview is assigned to that candidate), in ``AppConfig.ready()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from talentbrug.accounts.access import HR
from talentbrug.selection.assignment import AssignmentSource

from .constants import OPEN_STATUSES
from .models import Interview

AGENDA_SEES_ALL = frozenset({HR})


def agenda_limited_to_own(roles: Iterable[str]) -> bool:
    """True for users whose agenda shows only what they take part in (interviewer, observer).

    HR plans for the whole organisation and sees every item; a hiring manager or an assessor
    sees the interviews they hold and the group-day sessions they observe.
    """
    return not frozenset(roles) & AGENDA_SEES_ALL


def assigned_application_ids(user: Any, organisation: Any) -> QuerySet[Any]:
    """Applications the user is an interviewer for (open interviews only)."""
    return (
        Interview.objects.filter(
            organisation=organisation, interviewers=user, status__in=OPEN_STATUSES
        )
        .values_list("application_id", flat=True)
        .distinct()
    )


def is_assigned(user: Any, application: Any) -> bool:
    return Interview.objects.filter(
        application=application, interviewers=user, status__in=OPEN_STATUSES
    ).exists()


INTERVIEWERS = AssignmentSource(application_ids=assigned_application_ids, is_assigned=is_assigned)
