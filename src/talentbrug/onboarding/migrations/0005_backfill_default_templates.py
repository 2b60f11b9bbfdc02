"""One-off backfill: the shipped onboarding templates for every existing organisation.

Pages used to create them when first viewed; since this release a new organisation gets them
when it is made (``onboarding.services.organisation_created``). An organisation that has a
template of a shipped name keeps it as it is. Backwards does nothing (valid data either way).
"""

from django.db import migrations


def backfill(apps, schema_editor):
    from talentbrug.onboarding import defaults

    Organisation = apps.get_model("accounts", "Organisation")
    OnboardingTemplate = apps.get_model("onboarding", "OnboardingTemplate")
    TemplateTask = apps.get_model("onboarding", "TemplateTask")
    for organisation in Organisation.objects.all():
        for kind, name, description in defaults.DEFAULT_TEMPLATES:
            template, is_new = OnboardingTemplate.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={"kind": kind, "description": description, "is_default": True},
            )
            if not is_new:
                continue
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


class Migration(migrations.Migration):
    dependencies = [
        ("onboarding", "0004_obstacle_survey"),
        ("accounts", "0003_archivist_role"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
