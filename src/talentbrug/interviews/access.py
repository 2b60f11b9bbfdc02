"""The assignment rule: an assessor sees only the candidates assigned to them.

Roles that plan and decide (HR adviser, hiring manager) see every application of their
organisation. A user whose only selection role is *assessor* (beoordelaar) sees a candidate's
identity only when they are an interviewer of an open interview with that candidate. Blind
review stays possible: where the candidate is hidden behind a pseudonym (a blind stage, or
after one until someone reveals the name), any assessor may review the anonymous file.

Selection's application pages call :func:`require_assignment` and :func:`visible_progress`;
this app's own pages use the same functions, so there is one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from talentbrug.accounts.access import ASSESSOR, HR, MANAGER

from .constants import OPEN_STATUSES
from .models import Interview

SEES_ALL = frozenset({HR, MANAGER})
AGENDA_SEES_ALL = frozenset({HR})


def limited_to_assignments(roles: Iterable[str]) -> bool:
    """True for users who may see only the candidates assigned to them."""
    roles = frozenset(roles)
    return ASSESSOR in roles and not roles & SEES_ALL


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


def _roles(request: HttpRequest) -> frozenset[str]:
    return getattr(request, "roles", frozenset())


def may_see_identity(request: HttpRequest, application: Any) -> bool:
    """May this user see who the candidate is (name, contact details)?"""
    if not limited_to_assignments(_roles(request)):
        return True
    return is_assigned(request.user, application)


def require_assignment(request: HttpRequest, application: Any) -> None:
    """404 for an assessor opening a candidate they are not assigned to (identity visible)."""
    if not limited_to_assignments(_roles(request)):
        return
    if is_assigned(request.user, application):
        return
    from talentbrug.selection import services as selection

    progress = selection.progress_for(application)
    if selection.identity_hidden(progress, selection.stages_for(application.vacancy)):
        return  # blind review: the assessor sees a pseudonym and redacted texts only
    raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))


def visible_progress(queryset: QuerySet[Any], request: HttpRequest, stages: list[Any]) -> Any:
    """Limit selection's progress rows (board, list) to what this user may open."""
    if not limited_to_assignments(_roles(request)):
        return queryset
    organisation = getattr(request, "organisation", None)
    allowed = Q(application_id__in=assigned_application_ids(request.user, organisation))
    allowed |= Q(stage__is_blind=True)
    if any(stage.is_blind for stage in stages):
        allowed |= Q(identity_revealed_at__isnull=True)
    return queryset.filter(allowed)
