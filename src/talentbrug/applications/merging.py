"""Merging two candidates who are one person with two e-mail addresses (staff only).

Look first (``plan_merge``: exactly what moves), then confirm (``merge_candidates``). A merge
touches only the requesting organisation's rows and is refused when either person has data at
another organisation, which would otherwise end up with someone else (docs/privacy-export.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.audit.services import record_event

from .models import Application, Candidate, CandidateSkill, Consent, Document
from .ownership import candidate_paths, held_elsewhere
from .services.profile import candidate_relations
from .signals import candidate_profile_changed


class MergeRefused(Exception):
    """Merging would touch what another organisation holds; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class MergePlan:
    """What a merge of ``source`` into ``target`` moves, shown before anyone confirms it."""

    source: Candidate
    target: Candidate
    applications: list[Application]
    documents: list[Document]
    consents: list[Consent]
    # model label → rows of source that move (every kind, for the audit event and the page)
    counts: dict[str, int]
    # rows of either person that another organisation holds; a merge is refused when any
    elsewhere: int

    @property
    def refused(self) -> bool:
        return self.elsewhere > 0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


MERGE_REFUSED = gettext_lazy(
    "Een van deze twee kandidaten heeft ook gegevens bij een andere "
    "organisatie. Bij samenvoegen zouden die gegevens bij een andere persoon komen. "
    "Laat de kandidaat met het ene e-mailadres verder gaan, of vraag de kandidaat om een "
    "sollicitatie in te trekken."
)


def plan_merge(source: Candidate, target: Candidate, organisation: Any) -> MergePlan:
    """Everything of ``source`` that a merge into ``target`` would move, seen by ``organisation``."""
    counts = {}
    for model, path in candidate_paths():
        if path.count("__") == 0:  # rows that point at the candidate themselves move
            count = model._default_manager.filter(**{path: source}).count()
            if count:
                counts[model._meta.label] = count
    elsewhere = sum(held_elsewhere(source, organisation).values()) + sum(
        held_elsewhere(target, organisation).values()
    )
    return MergePlan(
        source=source,
        target=target,
        applications=list(source.applications.select_related("vacancy").order_by("pk")),
        documents=list(Document.objects.filter(candidate=source).order_by("pk")),
        consents=list(Consent.objects.filter(candidate=source).order_by("pk")),
        counts=counts,
        elsewhere=elsewhere,
    )


def merge_candidates(
    source: Candidate, target: Candidate, *, actor: Any, organisation: Any
) -> Candidate:
    """Move everything of ``source`` to ``target`` (same person, two e-mail addresses).

    Only when both people are known to ``organisation`` alone: a row another organisation
    holds never changes hands (``MergeRefused``). ``source``'s personal link stops working.
    """
    if source.pk == target.pk:
        raise ValueError("a candidate cannot be merged with itself")
    with transaction.atomic():
        locked = {
            c.pk: c
            for c in Candidate.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
        }
        source, target = locked[source.pk], locked[target.pk]
        if source.merged_into_id or target.merged_into_id:
            raise MergeRefused(_("Een van deze kandidaten is al samengevoegd."))
        plan = plan_merge(source, target, organisation)
        if plan.refused:
            raise MergeRefused(str(MERGE_REFUSED))
        for fld in candidate_relations():
            rows: Any = fld.model._default_manager.filter(**{fld.name: source})
            if fld.model is CandidateSkill:
                existing = set(target.skills.values_list("application_id", "esco_id", "label"))
                for skill in list(rows):
                    if (skill.application_id, skill.esco_id, skill.label) in existing:
                        skill.delete()
            elif fld.model._meta.model_name == "languageproficiency":
                existing_lang = set(target.languages.values_list("language", "skill"))
                for row in list(rows):
                    if (row.language, row.skill) in existing_lang:
                        row.delete()
            fld.model._default_manager.filter(**{fld.name: source}).update(**{fld.name: target})
        Candidate.objects.filter(pk=source.pk).update(
            merged_into=target, token_version=F("token_version") + 1
        )
        record_event(
            "candidate.merged",
            actor=actor,
            organisation=organisation,
            obj=target,
            source=source.pk,
            target=target.pk,
            applications=len(plan.applications),
            documents=len(plan.documents),
            consents=len(plan.consents),
            rows=plan.rows,
        )
        candidate_profile_changed.send(sender=Candidate, candidate_ids=[target.pk, source.pk])
    target.refresh_from_db()
    return target
