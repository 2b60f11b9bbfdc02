"""Moving applications between stages.

The one way to move an application is :func:`move_application`. It refuses lost updates:
the caller passes the version it saw, and a move based on an older version is refused with a
clear message (two reviewers moving the same candidate at once: one wins). What a move sets off
(cancellations, the candidate's e-mail) is in :mod:`talentbrug.selection.effects`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    END_KINDS,
    StageKind,
)
from ..effects import after_move
from ..models import (
    ApplicationProgress,
    RejectionReason,
    Stage,
)
from ..permissions import require
from ..workflow import SelectionError

NOT_REACHED_KINDS = frozenset({StageKind.REJECTED, StageKind.WITHDRAWN})


class StaleProgress(SelectionError):
    """Someone else moved this application after the page was loaded."""


def check_move(
    progress: ApplicationProgress,
    to_stage: Stage,
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    hiring: bool = False,
) -> None:
    """Raise :class:`SelectionError` when this move is not allowed."""
    current = progress.stage
    if to_stage.vacancy_id != progress.vacancy_id:
        raise SelectionError(_("Deze fase hoort bij een andere vacature."))
    if current.kind in END_KINDS:
        raise SelectionError(
            _("Deze sollicitatie is afgerond (%(stage)s). Verplaatsen kan niet meer.")
            % {"stage": current.name}
        )
    if to_stage.pk == current.pk:
        raise SelectionError(_("De sollicitatie staat al in deze fase."))
    if to_stage.kind == StageKind.HIRED and not hiring:
        raise SelectionError(
            _("Aannemen gaat via het aanbod: leg vast dat de kandidaat het aanbod accepteert.")
        )
    if to_stage.kind == StageKind.REJECTED:
        if reason is None:
            raise SelectionError(_("Kies een reden van afwijzing. De kandidaat leest die reden."))
        if reason.organisation_id != progress.organisation_id or not reason.is_active:
            raise SelectionError(_("Kies een reden uit de lijst."))
        if reason.is_language:
            levels = {lr.level for lr in progress.vacancy.language_requirements.all()}
            if not levels:
                raise SelectionError(
                    _("Afwijzen op taal kan niet: deze vacature heeft geen taaleis.")
                )
            if language_level not in levels:
                raise SelectionError(
                    _(
                        "Afwijzen op taal kan alleen op het niveau van een taaleis "
                        "van deze vacature (%(levels)s)."
                    )
                    % {"levels": ", ".join(sorted(levels))}
                )


@transaction.atomic
def move_application(
    progress: ApplicationProgress,
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    expected_version: int,
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    feedback: str = "",
    notify: bool = True,
    hiring: bool = False,
) -> ApplicationProgress:
    """Move one application to ``to_stage``; refuses a move based on an outdated version."""
    require(roles, "selection.move")
    fresh = (
        ApplicationProgress.objects.select_for_update()
        .select_related("stage", "vacancy__organisation", "application__candidate")
        .get(pk=progress.pk)
    )
    if fresh.version != expected_version:
        raise StaleProgress(
            _(
                "Iemand anders heeft deze kandidaat net verplaatst (nu in fase ‘%(stage)s’). "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            )
            % {"stage": fresh.stage.name}
        )
    check_move(fresh, to_stage, reason=reason, language_level=language_level, hiring=hiring)
    rejecting = to_stage.kind == StageKind.REJECTED
    furthest = fresh.furthest_order
    if to_stage.kind not in NOT_REACHED_KINDS:
        furthest = max(furthest, to_stage.order)
    updated = ApplicationProgress.objects.filter(pk=fresh.pk, version=expected_version).update(
        stage=to_stage,
        version=F("version") + 1,
        furthest_order=furthest,
        rejection_reason=reason if rejecting else None,
        rejection_language_level=language_level if rejecting and reason else "",
        rejection_feedback=feedback.strip() if rejecting else "",
        moved_at=timezone.now(),
    )
    if updated != 1:  # pragma: no cover - a race between the read and the write
        raise StaleProgress(_("Iemand anders heeft deze kandidaat net verplaatst."))
    from_stage = fresh.stage
    fresh.refresh_from_db()
    record_event(
        "selection.moved",
        actor=user,
        organisation=fresh.vacancy.organisation,
        obj=fresh,
        application=fresh.application_id,
        from_stage=from_stage.pk,
        to_stage=to_stage.pk,
        version=fresh.version,
    )
    if rejecting:
        assert reason is not None
        record_event(
            "selection.rejected",
            actor=user,
            organisation=fresh.vacancy.organisation,
            obj=fresh,
            application=fresh.application_id,
            reason=reason.pk,
        )
    # Cancellations, freed places and the candidate's e-mail: one place (selection.effects).
    after_move(fresh, from_stage, to_stage, notify=notify)
    # Keep the caller's object in step.
    progress.stage, progress.version = fresh.stage, fresh.version
    progress.furthest_order = fresh.furthest_order
    progress.rejection_reason = fresh.rejection_reason
    progress.rejection_language_level = fresh.rejection_language_level
    progress.rejection_feedback = fresh.rejection_feedback
    return fresh


@dataclass
class BulkResult:
    moved: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)


def bulk_move(
    versions: Mapping[int, int],
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    notify: bool = True,
    on_moved: Callable[[Stage, ApplicationProgress], None] | None = None,
) -> BulkResult:
    """Move several applications (progress id → version seen); each move stands on its own.

    ``on_moved(stage before, moved row)`` runs in the same transaction as each move (what the
    caller records per candidate, such as a held message, stands or falls with that move).
    """
    require(roles, "selection.move")
    result = BulkResult()
    progresses = ApplicationProgress.objects.filter(
        pk__in=list(versions), vacancy_id=to_stage.vacancy_id
    ).select_related("stage", "vacancy")
    for progress in progresses:
        before = progress.stage
        try:
            with transaction.atomic():
                fresh = move_application(
                    progress,
                    to_stage,
                    user,
                    roles,
                    versions[progress.pk],
                    reason=reason,
                    language_level=language_level,
                    notify=notify,
                )
                if on_moved is not None:
                    on_moved(before, fresh)
        except SelectionError as exc:
            result.refused.append((progress.pk, exc.messages[0]))
        else:
            result.moved += 1
    return result
