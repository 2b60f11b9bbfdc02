"""Candidate search for staff: one box that finds applications of the own organisation.

A query matches a candidate's name or e-mail address, a skill (confirmed or found, as given
with an application to this organisation or on the candidate's own profile) and the vacancy
title. Blind review comes first: where selection hides a candidate's identity for this person
(``signals.hidden_identities``), the row shows the pseudonym, and a match on name or e-mail
alone does not count, so a name query cannot confirm that a hidden person applied.

Read-only, except the access log: a search that may show who applied (a name or an address
on a result row) is recorded in the audit log like other views of personal data
(:func:`record_search`), with the number of results and of named rows, never the query: the
query may be a name. The query parameter is also removed from every log line by
``talentbrug.conf.logredact``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from talentbrug.accounts.access import scoped
from talentbrug.audit.services import record_event

from .models import Application, CandidateSkill
from .signals import hidden_identities
from .status import status_source

# The query parameter (also what logredact removes from log lines).
QUERY_PARAMETER = "zoek"
MIN_LENGTH = 2
MAX_LENGTH = 100
# A broad query stops here; the page asks for a more precise word.
MAX_RESULTS = 500


@dataclass(frozen=True)
class Found:
    application: Application
    label: str
    email: str
    blind: bool
    url_name: str
    stage: str
    why: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    rows: list[Found]
    truncated: bool


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_LENGTH]


def _skill_candidates(organisation: Any, query: str) -> QuerySet[CandidateSkill]:
    # A skill given with an application to another organisation is not ours to search.
    return CandidateSkill.objects.filter(label__icontains=query).filter(
        Q(application__isnull=True) | Q(application__organisation=organisation)
    )


def search(organisation: Any, raw_query: str | None, *, see_identity: bool) -> Result:
    """Applications of ``organisation`` matching the query, newest first."""
    query = clean_query(raw_query)
    if len(query) < MIN_LENGTH:
        return Result([], False)
    by_identity = Q(candidate__name__icontains=query) | Q(candidate__email__icontains=query)
    skills = _skill_candidates(organisation, query)
    by_skill = Q(pk__in=skills.filter(application__isnull=False).values("application")) | Q(
        candidate__in=skills.filter(application__isnull=True).values("candidate")
    )
    by_vacancy = Q(vacancy__title__icontains=query)
    found = list(
        scoped(Application.objects.all(), organisation)
        .filter(by_identity | by_skill | by_vacancy)
        .select_related("candidate", "vacancy")
        .order_by("-submitted_at", "-pk")[: MAX_RESULTS + 1]
    )
    truncated = len(found) > MAX_RESULTS
    found = found[:MAX_RESULTS]
    if not found:
        return Result([], False)
    skill_hits = set(
        scoped(Application.objects.all(), organisation)
        .filter(pk__in=[a.pk for a in found])
        .filter(by_skill)
        .values_list("pk", flat=True)
    )
    hidden: dict[int, str] = {}
    hidden_url: dict[int, str] = {}
    if not see_identity:
        per_vacancy: dict[Any, list[Application]] = defaultdict(list)
        for application in found:
            per_vacancy[application.vacancy].append(application)
        for vacancy, applications in per_vacancy.items():
            names, url_name = hidden_identities(vacancy, applications)
            hidden.update(names)
            hidden_url.update(dict.fromkeys(names, url_name))
    stages = status_source().current_kinds(found)
    needle = query.casefold()
    rows = []
    for application in found:
        candidate = application.candidate
        why = []
        blind = application.pk in hidden
        if not blind and (
            needle in candidate.name.casefold() or needle in candidate.email.casefold()
        ):
            why.append("identity")
        if application.pk in skill_hits:
            why.append("skill")
        if needle in application.vacancy.title.casefold():
            why.append("vacancy")
        if not why:
            # Only the hidden name or e-mail matched: not found, for this person.
            continue
        rows.append(
            Found(
                application=application,
                label=hidden[application.pk] if blind else candidate.name,
                email="" if blind else candidate.email,
                blind=blind,
                url_name=hidden_url.get(application.pk) or "applications:staff_detail",
                stage=stages[application.pk][1],
                why=tuple(why),
            )
        )
    return Result(rows, truncated)


def record_search(organisation: Any, user: Any, result: Result, *, role: str = "") -> None:
    """Note in the audit log that ``user`` searched and how many rows (and names) came back.

    Only the counts: never the query (it may be a person's name) nor which rows matched.
    """
    record_event(
        "applications.searched",
        actor=user,
        organisation=organisation,
        role=role,
        results=len(result.rows),
        named=sum(1 for row in result.rows if not row.blind),
        truncated=result.truncated,
    )
