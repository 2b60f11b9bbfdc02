"""Open work of a person in one organisation, and handing it to a colleague.

When an admin deactivates someone who left, the open work must not disappear with them:
destruction lists they were asked to review, onboarding tasks and plans they run, interviews
and assessment days where they would fill in the scorecard. Each kind below says how to find
that work, which permission the new person needs, and how to hand it over. The deactivation
page lists every kind with work and asks the admin to pick the new person for each. The kinds
belong to the apps that own the work; each registers its own (``register_work_kind``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from talentbrug.audit.registry import register_values


@dataclass(frozen=True)
class WorkKind:
    key: str
    label: Any  # plural, lower case: "vernietigingslijsten om te beoordelen"
    action: str  # the permission the new person needs in the organisation
    find: Callable[[Any, Any], models.QuerySet[Any]]
    hand_over: Callable[[Any, Any, Any], int]


def swap_person(relation: str) -> Callable[[Any, Any, Any], int]:
    """A hand-over for work where the person is one of a many-to-many ``relation`` of each item
    (interviewers of an interview, observers of a recruitment day): the new person takes the
    old one's place."""

    def hand_over(items: Any, old: Any, new: Any) -> int:
        for item in items:
            getattr(item, relation).remove(old)
            getattr(item, relation).add(new)
        return len(items)

    return hand_over


# Filled by the feature apps in their AppConfig.ready() (records, onboarding, interviews,
# assessments: each in its ``admin_hooks.py``), in the order of INSTALLED_APPS. The base layer
# never imports them.
WORK_KINDS: list[WorkKind] = []


def register_work_kind(kind: WorkKind) -> None:
    """Add a kind of open work to the deactivation page (a kind with the same key is replaced)."""
    for i, known in enumerate(WORK_KINDS):
        if known.key == kind.key:
            WORK_KINDS[i] = kind
            break
    else:
        WORK_KINDS.append(kind)
    # The log shows the kind of work handed over in words, not codes.
    register_values("accounts.", "kind", [(k.key, k.label) for k in WORK_KINDS])


@dataclass
class OpenWork:
    kind: WorkKind
    items: list[Any]
    candidates: list[Any]  # colleagues who may take it over


def open_work(user: Any, organisation: Any) -> list[OpenWork]:
    """Every kind of open work the person has in the organisation, with who may take it."""
    from .access import users_who_can

    found = []
    for kind in WORK_KINDS:
        items = list(kind.find(user, organisation))
        if not items:
            continue
        candidates = [u for u in users_who_can(organisation, kind.action) if u.pk != user.pk]
        found.append(OpenWork(kind=kind, items=items, candidates=candidates))
    return found
