"""The pipeline of a vacancy: its stages, and each application's place in it.

Rows are created when the event that needs them happens (an organisation is made, a vacancy
is made, an application comes in: see ``receivers.py``), never when a page is read. The
``ensure_*`` functions write and are only called from those events and from other writes;
pages read with ``stages_for`` and ``progress_for``.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import Vacancy

from ..constants import (
    DEFAULT_ANCHORS,
    DEFAULT_STAGES,
    END_KINDS,
    StageKind,
)
from ..models import (
    ApplicationProgress,
    ScaleAnchor,
    Stage,
    TemplateStage,
)
from ..workflow import SelectionError

WITHDRAWN_STATUS = "withdrawn"  # applications.constants.ApplicationStatus.WITHDRAWN


@transaction.atomic
def ensure_template(organisation: Any) -> list[TemplateStage]:
    """The organisation's default pipeline; created from the shipped default when needed."""
    stages = list(TemplateStage.objects.filter(organisation=organisation).order_by("order"))
    if stages:
        return stages
    return TemplateStage.objects.bulk_create(
        TemplateStage(organisation=organisation, name=str(name), kind=kind, order=i, is_blind=blind)
        for i, (name, kind, blind) in enumerate(DEFAULT_STAGES, start=1)
    )


def stages_for(vacancy: Vacancy) -> list[Stage]:
    """The vacancy's stages (read only: they are made when the vacancy is made)."""
    return list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))


@transaction.atomic
def ensure_pipeline(vacancy: Vacancy) -> list[Stage]:
    """The vacancy's stages; copied from the organisation's template when it has none yet.

    Called when a vacancy is made (and by writes that need the stages); never from a page.
    """
    stages = list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))
    if stages:
        return stages
    template = ensure_template(vacancy.organisation)
    stages = Stage.objects.bulk_create(
        Stage(
            organisation_id=vacancy.organisation_id,
            vacancy=vacancy,
            name=t.name,
            kind=t.kind,
            order=t.order,
            is_blind=t.is_blind,
        )
        for t in template
    )
    ScaleAnchor.objects.bulk_create(
        ScaleAnchor(
            organisation_id=vacancy.organisation_id,
            vacancy=vacancy,
            level=level,
            text=str(text),
        )
        for level, text in DEFAULT_ANCHORS.items()
    )
    record_event(
        "selection.pipeline_created",
        organisation=vacancy.organisation,
        obj=vacancy,
        vacancy=vacancy.pk,
        count=len(stages),
    )
    return list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))


def first_stage(stages: list[Stage]) -> Stage:
    return next(s for s in stages if s.kind not in END_KINDS)


@transaction.atomic
def start_progress(application: Application) -> ApplicationProgress:
    """An application came in: it gets its place in the vacancy's first stage. Idempotent.

    A candidate who already withdrew starts in the withdrawn stage.
    """
    vacancy = application.vacancy
    stages = ensure_pipeline(vacancy)
    start = first_stage(stages)
    withdrawn = next(s for s in stages if s.kind == StageKind.WITHDRAWN)
    progress, _created = ApplicationProgress.objects.get_or_create(
        application=application,
        defaults={
            "organisation_id": vacancy.organisation_id,
            "vacancy": vacancy,
            "stage": withdrawn if application.status == WITHDRAWN_STATUS else start,
            "furthest_order": start.order,
        },
    )
    return progress


@transaction.atomic
def start_progress_in_bulk(vacancy: Vacancy) -> int:
    """Place every application of the vacancy that has no place yet; returns how many.

    For bulk loads that bypass ``Application.save`` (benchmarks, scale seeds). A constant
    number of queries, however many applications the vacancy has.
    """
    stages = ensure_pipeline(vacancy)
    start = first_stage(stages)
    withdrawn = next(s for s in stages if s.kind == StageKind.WITHDRAWN)
    missing = Application.objects.filter(vacancy=vacancy, progress__isnull=True).values_list(
        "pk", "status"
    )
    made = ApplicationProgress.objects.bulk_create(
        (
            ApplicationProgress(
                organisation_id=vacancy.organisation_id,
                application_id=pk,
                vacancy=vacancy,
                stage=withdrawn if status == WITHDRAWN_STATUS else start,
                furthest_order=start.order,
            )
            for pk, status in missing
        ),
        ignore_conflicts=True,
    )
    return len(made)


@transaction.atomic
def leave_pipeline(application: Application) -> None:
    """The candidate withdrew in the portal: the application leaves the pipeline.

    The applications app audits the withdrawal itself; an application in an end stage stays.
    """
    withdrawn = Stage.objects.filter(
        vacancy_id=application.vacancy_id, kind=StageKind.WITHDRAWN
    ).first()
    if withdrawn is None:
        return
    ApplicationProgress.objects.filter(application=application).exclude(
        stage__kind__in=END_KINDS
    ).update(stage=withdrawn, version=F("version") + 1)


def progress_for(application: Application) -> ApplicationProgress:
    """The application's place in the pipeline (read only). Missing: 404, never created."""
    return get_object_or_404(
        ApplicationProgress.objects.select_related(
            "stage", "vacancy", "application__candidate", "rejection_reason"
        ),
        application=application,
    )


@transaction.atomic
def add_stage(vacancy: Vacancy, *, name: str, is_blind: bool, user: Any) -> Stage:
    """Add an extra stage (a second interview, say) before the offer."""
    stages = ensure_pipeline(vacancy)
    name = name.strip()
    if not name:
        raise SelectionError(_("Geef de fase een naam."))
    offer = next((s for s in stages if s.kind == StageKind.OFFER), None)
    order = offer.order if offer else max(s.order for s in stages) + 1
    Stage.objects.filter(vacancy=vacancy, order__gte=order).update(order=F("order") + 1)
    ApplicationProgress.objects.filter(vacancy=vacancy, furthest_order__gte=order).update(
        furthest_order=F("furthest_order") + 1
    )
    stage = Stage.objects.create(
        organisation_id=vacancy.organisation_id,
        vacancy=vacancy,
        name=name,
        kind=StageKind.INTERVIEW,
        order=order,
        is_blind=is_blind,
    )
    record_event(
        "selection.stage_added",
        actor=user,
        organisation=vacancy.organisation,
        obj=stage,
        stage=stage.pk,
        vacancy=vacancy.pk,
    )
    return stage


@transaction.atomic
def set_stage_blind(stage: Stage, *, is_blind: bool, user: Any) -> Stage:
    stage.is_blind = is_blind
    stage.save(update_fields=["is_blind"])
    record_event(
        "selection.stage_changed",
        actor=user,
        organisation=stage.organisation,
        obj=stage,
        stage=stage.pk,
        is_blind=is_blind,
    )
    return stage


@transaction.atomic
def delete_stage(stage: Stage, *, user: Any) -> None:
    """Delete a stage; refused while candidates are in it, and for the fixed stages."""
    if stage.kind in END_KINDS or stage.kind in (StageKind.NEW, StageKind.OFFER):
        raise SelectionError(_("Deze fase is nodig in elk proces en kan niet weg."))
    held = ApplicationProgress.objects.filter(stage=stage).count()
    if held:
        raise SelectionError(
            _(
                "In fase ‘%(stage)s’ staan nog %(count)s kandidaten. "
                "Verplaats ze eerst naar een andere fase."
            )
            % {"stage": stage.name, "count": held}
        )
    vacancy_id, pk = stage.vacancy_id, stage.pk
    stage.delete()
    record_event(
        "selection.stage_deleted",
        actor=user,
        organisation=stage.organisation,
        stage=pk,
        vacancy=vacancy_id,
    )
