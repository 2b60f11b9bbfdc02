"""Which rows are a candidate's, and which organisation holds each of them.

A candidate (one person) is shared by every organisation they applied to. Their rows hang off
the candidate (profile: languages, consents, work preferences), or off something an
organisation holds (an application, an onboarding plan, a scorecard). The export, the merge
and the erasure use these helpers so that an organisation only ever reads or moves its own
rows (docs/privacy-export.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import models

from .models import Candidate
from .services.profile import candidate_relations

# How far down the walk goes: candidate → application → interview → interview slot.
MAX_DEPTH = 4
# Shared reference data is never "the candidate's": the walk does not go through these.
# A BBL place belongs to the organisation even while a new hire fills it. An application that
# waits for its address's confirmation is nobody's until confirmed (it is keyed by the address;
# its confirmation mail carries no candidate), and goes with the address's person on a wipe.
_NOT_OWNED = {
    "accounts.User",
    "accounts.Organisation",
    "vacancies.Vacancy",
    "taxonomy.Skill",
    "programmes.Placement",
    "applications.PendingApplication",
}


def candidate_paths() -> list[tuple[type[models.Model], str]]:
    """(model, lookup to the candidate) for every model whose rows belong to a candidate.

    Breadth-first from Candidate over foreign keys and one-to-one fields pointing *at* an owned
    model, e.g. ``(Interview, "application__candidate")``. A model is taken with its shortest path.
    """
    return list(_candidate_paths())


@cache  # the model registry is fixed once Django has started
def _candidate_paths() -> tuple[tuple[type[models.Model], str], ...]:
    from django.apps import apps

    found: dict[type[models.Model], str] = {}
    frontier: dict[type[models.Model], str] = {fld.model: fld.name for fld in candidate_relations()}
    depth = 1
    while frontier and depth <= MAX_DEPTH:
        for model, path in frontier.items():
            found.setdefault(model, path)
        following: dict[type[models.Model], str] = {}
        for model in apps.get_models():
            if model in found or model is Candidate or model._meta.label in _NOT_OWNED:
                continue
            for fld in model._meta.get_fields():
                if (
                    isinstance(fld, models.ForeignKey)  # OneToOneField is a ForeignKey too
                    and fld.related_model in frontier
                    and fld.related_model is not model
                ):
                    following.setdefault(model, f"{fld.name}__{frontier[fld.related_model]}")
        frontier = following
        depth += 1
    return tuple(sorted(found.items(), key=lambda item: item[0]._meta.label))


def organisation_route(model: type[models.Model]) -> tuple[str, str] | None:
    """(lookup to the holding Organisation, nullable first hop or "") for rows of ``model``.

    A row is held through its own organisation field (``"organisation"``), or else through the
    owned row it hangs off: a document through its application (``"application__organisation"``),
    a check-in through its plan. When that first hop may be empty (an experience typed in the
    portal profile instead of sent with an application), the empty rows are the person's own;
    the second value names that hop. ``None``: the rows belong to no organisation at all.
    """
    owned = {m for m, _path in candidate_paths()}

    def walk(current: type[models.Model], seen: frozenset[Any]) -> str | None:
        for fld in current._meta.fields:
            if (
                isinstance(fld, models.ForeignKey)
                and fld.related_model._meta.label == "accounts.Organisation"
            ):
                return fld.name
        for fld in current._meta.fields:
            parent = fld.related_model
            if isinstance(fld, models.ForeignKey) and parent in owned and parent not in seen:
                above = walk(parent, seen | {current})
                if above is not None:
                    return f"{fld.name}__{above}"
        return None

    path = walk(model, frozenset())
    if path is None:
        return None
    first = path.split("__", 1)[0]
    nullable = "__" in path and model._meta.get_field(first).null
    return path, first if nullable else ""


def organisation_filter(model: type[models.Model], organisation: Any) -> models.Q:
    """The rows of ``model`` that ``organisation`` may see: its own, and the person's profile."""
    route = organisation_route(model)
    if route is None:
        return models.Q()  # the person's own rows, shared by the organisations they applied to
    path, profile_hop = route
    own = models.Q(**{path: organisation})
    return own | models.Q(**{f"{profile_hop}__isnull": True}) if profile_hop else own


def held_elsewhere(candidate: Candidate, organisation: Any) -> dict[str, int]:
    """Per model label: how many of the candidate's rows another organisation holds."""
    counts: dict[str, int] = {}
    for model, path in candidate_paths():
        route = organisation_route(model)
        if route is None:
            continue
        to_organisation = route[0]
        count = (
            model._default_manager.filter(**{path: candidate})
            .filter(**{f"{to_organisation}__isnull": False})
            .exclude(**{to_organisation: organisation})
            .count()
        )
        if count:
            counts[model._meta.label] = count
    return counts


# Rows with an organisation that do not mean the organisation holds the person's data: the
# rights requests and how they were carried out, and mail in the outbox (the erasure mail).
NOT_HOLDING_DATA = {
    "applications.DeletionRequest",
    "privacy.ErasureOutcome",
    "privacy.Objection",
    "outbox.OutboxMail",
}
# Only some rows of these models count (a lifted hold does not).
HOLDING_FILTERS: dict[str, dict[str, Any]] = {"privacy.LegalHold": {"lifted_at__isnull": True}}


def organisations_holding(candidate: Candidate) -> set[int]:
    """Ids of the organisations that hold data of the person: every row of theirs (see
    :func:`candidate_paths`) with a route to an organisation (applications and what hangs off
    them, onboarding plans, contact requests, staff rankings, active legal holds).

    Each organisation is its own controller (AVG): an erasure at one touches only its rows, and
    the person-level record goes only when this set is empty.
    """
    found: set[int] = set()
    for model, path in candidate_paths():
        label = model._meta.label
        route = organisation_route(model)
        if route is None or label in NOT_HOLDING_DATA:
            continue
        rows = model._default_manager.filter(**{path: candidate}, **HOLDING_FILTERS.get(label, {}))
        found.update(o for o in rows.values_list(route[0], flat=True).distinct() if o)
    return found
