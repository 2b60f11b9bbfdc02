"""Onboarding templates: the shipped defaults made with the organisation, their tasks, the preview a vacancy shows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from talentbrug.accounts.models import Organisation
from talentbrug.audit.services import record_event

from .. import defaults
from ..constants import Phase, ProgrammeKind
from ..models import OnboardingTemplate, TemplateTask


@transaction.atomic
def ensure_default_templates(
    organisation: Organisation, *, audit: bool = True
) -> list[OnboardingTemplate]:
    """Create the shipped templates once per organisation. Existing ones are left alone.

    ``audit=False`` when they come with a new organisation (part of making it; nobody acted).
    """
    created: list[OnboardingTemplate] = []
    for kind, name, description in defaults.DEFAULT_TEMPLATES:
        template, is_new = OnboardingTemplate.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"kind": kind, "description": description, "is_default": True},
        )
        if is_new:
            TemplateTask.objects.bulk_create(
                TemplateTask(
                    template=template,
                    phase=phase,
                    title=title,
                    description=text,
                    owner_role=owner,
                    due_offset=offset,
                    form_kind=form,
                    order=index,
                )
                for index, (phase, title, text, owner, offset, form) in enumerate(
                    defaults.tasks_for(kind)
                )
            )
            created.append(template)
    if created and audit:
        record_event("onboarding.templates_created", organisation=organisation, count=len(created))
    return created


def organisation_created(
    sender: Any, instance: Organisation, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new organisation starts with the shipped templates (backfill: onboarding 0004)."""
    if created and not raw:
        ensure_default_templates(instance, audit=False)


def template_for(organisation: Organisation, kind: str) -> OnboardingTemplate:
    """The active template for a programme kind (for selection: the right template on hire)."""
    ensure_default_templates(organisation)
    template = (
        OnboardingTemplate.objects.filter(organisation=organisation, kind=kind, is_active=True)
        .order_by("-is_default", "name")
        .first()
    )
    if template is None:
        template = OnboardingTemplate.objects.filter(
            organisation=organisation, kind=ProgrammeKind.STANDARD
        ).first()
    assert template is not None
    return template


# The phases a vacancy shows as a preview of the template: what the first weeks look like.
PREVIEW_PHASES = (Phase.BEFORE_START, Phase.WEEK_1, Phase.MONTH_1)


def first_weeks(template: OnboardingTemplate | None) -> list[dict[str, Any]]:
    """The template's tasks up to the first month, by phase (for the vacancy's preview)."""
    if template is None:
        return []
    tasks = list(template.tasks.filter(phase__in=PREVIEW_PHASES))
    return [
        {"label": Phase(phase).label, "tasks": [t for t in tasks if t.phase == phase]}
        for phase in PREVIEW_PHASES
        if any(t.phase == phase for t in tasks)
    ]


@transaction.atomic
def add_template_task(
    template: OnboardingTemplate, *, user: Any, data: Mapping[str, Any]
) -> TemplateTask:
    task = TemplateTask(template=template, **data)
    task.full_clean()
    task.save()
    record_event(
        "onboarding.template_changed",
        actor=user,
        organisation=template.organisation,
        obj=template,
        change="task_added",
    )
    return task


@transaction.atomic
def remove_template_task(task: TemplateTask, *, user: Any) -> None:
    template = task.template
    task.delete()
    record_event(
        "onboarding.template_changed",
        actor=user,
        organisation=template.organisation,
        obj=template,
        change="task_removed",
    )
