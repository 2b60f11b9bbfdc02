"""Blind review: hiding and revealing the candidate's identity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.redaction import redact
from talentbrug.vacancies.models import Vacancy

from ..models import (
    ApplicationProgress,
    Stage,
)
from ..permissions import require
from ..workflow import SelectionError
from .pipeline import stages_for


def identity_hidden(progress: ApplicationProgress, stages: list[Stage]) -> bool:
    """Hidden in a blind stage, and afterwards until someone reveals it on purpose."""
    if progress.stage.is_blind:
        return True
    if progress.identity_revealed_at is not None:
        return False
    return any(s.is_blind for s in stages)


def hidden_identities(vacancy: Vacancy, applications: list[Application]) -> dict[int, str]:
    """{application id: pseudonym} for the candidates whose identity selection hides (a blind
    stage, or after one until someone reveals it): the applications pages must not undo blind
    review for reviewers. The HR adviser, who runs the procedure (contact, questions, requests
    of the candidate), keeps the administrative view (permission ``applications.identity``).
    Registered with ``applications.signals.register_identity_screen``. Reads only."""
    stages = stages_for(vacancy)
    progresses = ApplicationProgress.objects.filter(
        application_id__in=[a.pk for a in applications]
    ).select_related("stage")
    return {p.application_id: p.pseudonym for p in progresses if identity_hidden(p, stages)}


def name_parts(progress: ApplicationProgress) -> list[str]:
    candidate = progress.application.candidate
    return [candidate.name, *candidate.name.split()]


def blind_text(text: str, progress: ApplicationProgress) -> str:
    """The text with names, e-mail, phone, addresses, dates of birth and URLs redacted."""
    if not text:
        return ""
    return redact(text, known_names=[progress.application.candidate.name]).text


@transaction.atomic
def reveal_identity(progress: ApplicationProgress, user: Any, roles: Iterable[str]) -> None:
    """Make the name visible; only in a stage that is not blind. Always audited."""
    require(roles, "selection.reveal")
    if progress.stage.is_blind:
        raise SelectionError(
            _(
                "In fase ‘%(stage)s’ wordt anoniem beoordeeld. "
                "De naam tonen kan pas in een fase die niet anoniem is."
            )
            % {"stage": progress.stage.name}
        )
    if progress.identity_revealed_at is None:
        progress.identity_revealed_at = timezone.now()
        progress.save(update_fields=["identity_revealed_at"])
    record_event(
        "selection.identity_revealed",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        application=progress.application_id,
        stage=progress.stage_id,
    )
