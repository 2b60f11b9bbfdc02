"""One-off backfill: the rows that pages used to create when they were first viewed.

Since this release the rows are made when the event happens (organisation made, vacancy made,
application received, candidate withdrew: see ``selection/receivers.py``) and pages only
read. This migration makes the rows for everything that existed before: the default pipeline
template and rejection reasons per organisation, the stages and scale anchors per vacancy,
and a place in the pipeline per application (withdrawn applications in the withdrawn stage).
No audit events: nobody acted. Backwards does nothing (the rows are valid data either way).
"""

from django.db import migrations


def backfill(apps, schema_editor):
    from talentbrug.selection.constants import (
        DEFAULT_ANCHORS,
        DEFAULT_REJECTION_REASONS,
        DEFAULT_STAGES,
        END_KINDS,
        StageKind,
    )

    Organisation = apps.get_model("accounts", "Organisation")
    Vacancy = apps.get_model("vacancies", "Vacancy")
    Application = apps.get_model("applications", "Application")
    TemplateStage = apps.get_model("selection", "TemplateStage")
    RejectionReason = apps.get_model("selection", "RejectionReason")
    Stage = apps.get_model("selection", "Stage")
    ScaleAnchor = apps.get_model("selection", "ScaleAnchor")
    ApplicationProgress = apps.get_model("selection", "ApplicationProgress")

    templates = {}
    for organisation in Organisation.objects.all():
        if not TemplateStage.objects.filter(organisation=organisation).exists():
            TemplateStage.objects.bulk_create(
                TemplateStage(
                    organisation=organisation, name=str(name), kind=kind, order=i, is_blind=blind
                )
                for i, (name, kind, blind) in enumerate(DEFAULT_STAGES, start=1)
            )
        if not RejectionReason.objects.filter(organisation=organisation).exists():
            RejectionReason.objects.bulk_create(
                RejectionReason(
                    organisation=organisation,
                    label=str(label),
                    candidate_text=str(text),
                    is_language=is_language,
                    order=i,
                )
                for i, (label, text, is_language) in enumerate(DEFAULT_REJECTION_REASONS)
            )
        templates[organisation.pk] = list(
            TemplateStage.objects.filter(organisation=organisation).order_by("order")
        )

    for vacancy in Vacancy.objects.filter(stages__isnull=True).distinct().iterator():
        Stage.objects.bulk_create(
            Stage(
                organisation_id=vacancy.organisation_id,
                vacancy=vacancy,
                name=t.name,
                kind=t.kind,
                order=t.order,
                is_blind=t.is_blind,
            )
            for t in templates[vacancy.organisation_id]
        )
        if not ScaleAnchor.objects.filter(vacancy=vacancy).exists():
            ScaleAnchor.objects.bulk_create(
                ScaleAnchor(
                    organisation_id=vacancy.organisation_id,
                    vacancy=vacancy,
                    level=level,
                    text=str(text),
                )
                for level, text in DEFAULT_ANCHORS.items()
            )

    missing = Application.objects.filter(progress__isnull=True)
    for vacancy_id in missing.values_list("vacancy_id", flat=True).distinct():
        stages = list(Stage.objects.filter(vacancy_id=vacancy_id).order_by("order", "pk"))
        start = next(s for s in stages if s.kind not in END_KINDS)
        withdrawn = next(s for s in stages if s.kind == StageKind.WITHDRAWN)
        ApplicationProgress.objects.bulk_create(
            ApplicationProgress(
                organisation_id=organisation_id,
                application_id=pk,
                vacancy_id=vacancy_id,
                stage=withdrawn if status == "withdrawn" else start,
                furthest_order=start.order,
            )
            for pk, status, organisation_id in missing.filter(vacancy_id=vacancy_id).values_list(
                "pk", "status", "organisation_id"
            )
        )
    # A candidate who withdrew before this release left the pipeline when a page was viewed.
    for progress in ApplicationProgress.objects.filter(application__status="withdrawn").exclude(
        stage__kind__in=list(END_KINDS)
    ):
        withdrawn = Stage.objects.filter(
            vacancy_id=progress.vacancy_id, kind=StageKind.WITHDRAWN
        ).first()
        if withdrawn is not None:
            progress.stage = withdrawn
            progress.version += 1
            progress.save(update_fields=["stage", "version"])


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0001_initial"),
        ("accounts", "0003_archivist_role"),
        ("vacancies", "0003_vacancy_onboarding_support"),
        ("applications", "0004_pending_application"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
