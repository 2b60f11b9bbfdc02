"""The assignment rule: an assessor sees only the candidates assigned to them.

Roles that plan and decide (HR adviser, hiring manager) see every application of their
organisation. A user whose only selection role is *assessor* (beoordelaar) sees a candidate's
identity only when a later stage assigned them to that candidate (interviews: an interviewer
of an open interview). Blind review stays possible: where the candidate is hidden behind a
pseudonym (a blind stage, or after one until someone reveals the name), any assessor may
review the anonymous file.

Which assignments exist is up to the later stages: they register an
:class:`AssignmentSource` with :func:`register_assignment_source` in their
``AppConfig.ready()`` (interviews does), so selection never imports them. Selection's pages
and the interviews pages use the same functions here, so there is one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from talentbrug.accounts.access import ASSESSOR, HR, MANAGER
from talentbrug.core.http import organisation_of, roles_of

from .services import blind, pipeline

SEES_ALL = frozenset({HR, MANAGER})


@dataclass(frozen=True)
class AssignmentSource:
    """``application_ids(user, organisation)``: a queryset of the ids of the applications the
    user is assigned to; ``is_assigned(user, application)``: the same for one application."""

    application_ids: Callable[[Any, Any], QuerySet[Any]]
    is_assigned: Callable[[Any, Any], bool]


SOURCES: list[AssignmentSource] = []


def register_assignment_source(source: AssignmentSource) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def limited_to_assignments(roles: Iterable[str]) -> bool:
    """True for users who may see only the candidates assigned to them."""
    roles = frozenset(roles)
    return ASSESSOR in roles and not roles & SEES_ALL


def is_assigned(user: Any, application: Any) -> bool:
    return any(source.is_assigned(user, application) for source in SOURCES)


def may_see_identity(request: HttpRequest, application: Any) -> bool:
    """May this user see who the candidate is (name, contact details)?"""
    if not limited_to_assignments(roles_of(request)):
        return True
    return is_assigned(request.user, application)


def require_assignment(request: HttpRequest, application: Any) -> None:
    """404 for an assessor opening a candidate they are not assigned to (identity visible)."""
    if not limited_to_assignments(roles_of(request)):
        return
    if is_assigned(request.user, application):
        return
    progress = pipeline.progress_for(application)
    if blind.identity_hidden(progress, pipeline.stages_for(application.vacancy)):
        return  # blind review: the assessor sees a pseudonym and redacted texts only
    raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))


def visible_progress(queryset: QuerySet[Any], request: HttpRequest, stages: list[Any]) -> Any:
    """Limit selection's progress rows (board, list) to what this user may open."""
    if not limited_to_assignments(roles_of(request)):
        return queryset
    organisation = organisation_of(request) if hasattr(request, "organisation") else None
    allowed = Q(stage__is_blind=True)
    for source in SOURCES:
        allowed |= Q(application_id__in=source.application_ids(request.user, organisation))
    if any(stage.is_blind for stage in stages):
        allowed |= Q(identity_revealed_at__isnull=True)
    return queryset.filter(allowed)
