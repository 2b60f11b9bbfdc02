"""Where an application stands, for the pages and exports of this app.

The one truth is the selection stage (``talentbrug.selection.journey``), but selection comes
later in the journey, so applications may not import it. Selection registers its answers here
in its ``AppConfig.ready()`` (``register_status_source``); the portal, the HR list, the
withdrawal rule and the candidate's export ask :func:`status_source`. Without a registered
source the pages fail loudly rather than show a second, different truth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q


@dataclass(frozen=True)
class StatusSource:
    """``current_kind(application, progress=None)``: the kind of step it is in (a withdrawal in
    the portal always wins); ``current_kinds(applications)``: {id: (kind, staff stage name)} in
    one query; ``open_filter(prefix)``: a filter for applications still in procedure (``prefix``
    leads from the queried model to the application); ``journey_for(application)``: the
    candidate's timeline; ``label(kind)``: a kind's name; ``end_kinds``: the kinds that end the
    procedure; ``before_assessment``: kinds before the assessment step (a move back to one of
    them frees the recruitment-day seats still to come)."""

    current_kind: Callable[..., str]
    current_kinds: Callable[[Iterable[Any]], dict[int, tuple[str, str]]]
    open_filter: Callable[..., Q]
    journey_for: Callable[[Any], Any]
    label: Callable[[str], Any]
    end_kinds: frozenset[str]
    before_assessment: frozenset[str]


_SOURCE: list[StatusSource] = []


def register_status_source(source: StatusSource) -> None:
    """Selection registers the one status truth (the last one registered is used)."""
    _SOURCE[:] = [source]


def status_source() -> StatusSource:
    if not _SOURCE:
        raise ImproperlyConfigured(
            "No status source is registered: the selection app's ready() registers it "
            "(applications.status.register_status_source)."
        )
    return _SOURCE[0]
