"""Status values stored in English (labels stay Dutch through TextChoices).

Forwards: every stored Dutch value becomes its English code. Backwards: the reverse, so the
previous release reads its own values again. Each mapping is per model and field.
"""

from django.db import migrations, models

RENAMES = {
    ("DestructionList", "status"): {
        "nieuw": "new",
        "ter_beoordeling": "in_review",
        "wijzigingen_gevraagd": "changes_requested",
        "goedgekeurd": "approved",
        "archivaris_akkoord": "archivist_approved",
        "wachttijd": "cooling_off",
        "wordt_vernietigd": "destroying",
        "vernietigd": "destroyed",
    },
    ("DestructionListItem", "status"): {
        "voorgesteld": "proposed",
        "goedgekeurd": "approved",
        "uitgezonderd": "excluded",
        "teruggezet": "restored",
        "geblokkeerd": "held",
        "geweigerd": "refused",
        "vernietigd": "destroyed",
    },
    ("DestructionOverride", "status"): {
        "aangevraagd": "requested",
        "goedgekeurd": "approved",
        "afgewezen": "rejected",
    },
    ("ListReview", "outcome"): {
        "akkoord": "approved",
        "wijzigingen_gevraagd": "changes_requested",
        "archivaris_akkoord": "archivist_approved",
        "archivaris_wijzigingen": "archivist_changes",
    },
    ("SelectielijstCategory", "start_date_rule"): {
        "documentdatum": "document_date",
        "aanleiding": "trigger_date",
    },
}


def _rename(apps, backwards):
    for (model_name, field), mapping in RENAMES.items():
        model = apps.get_model("records", model_name)
        for old, new in mapping.items():
            source, target = (new, old) if backwards else (old, new)
            model.objects.filter(**{field: source}).update(**{field: target})


def forwards(apps, schema_editor):
    _rename(apps, backwards=False)


def backwards(apps, schema_editor):
    _rename(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0005_destruction_guard_overrides_and_review"),
    ]

    operations = [
        migrations.AlterField(
            model_name="destructionlist",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "Nieuw"),
                    ("in_review", "Ter beoordeling"),
                    ("changes_requested", "Wijzigingen gevraagd"),
                    ("approved", "Goedgekeurd"),
                    ("archivist_approved", "Akkoord archivaris"),
                    ("cooling_off", "Wachttijd"),
                    ("destroying", "Wordt vernietigd"),
                    ("destroyed", "Vernietigd"),
                ],
                default="new",
                help_text="Waar de lijst staat in de stappen naar vernietiging.",
                max_length=30,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="destructionlistitem",
            name="status",
            field=models.CharField(
                choices=[
                    ("proposed", "Voorgesteld"),
                    ("approved", "Goedgekeurd"),
                    ("excluded", "Uitgezonderd"),
                    ("restored", "Teruggezet"),
                    ("held", "Niet vernietigd: juridische blokkade"),
                    ("refused", "Niet vernietigd: mag nog niet weg"),
                    ("destroyed", "Vernietigd"),
                ],
                default="proposed",
                help_text="Voorgesteld, goedgekeurd, uitgezonderd, teruggezet of vernietigd.",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="destructionoverride",
            name="status",
            field=models.CharField(
                choices=[
                    ("requested", "Aangevraagd"),
                    ("approved", "Goedgekeurd"),
                    ("rejected", "Afgewezen"),
                ],
                default="requested",
                help_text="Aangevraagd, goedgekeurd of afgewezen.",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="listreview",
            name="outcome",
            field=models.CharField(
                choices=[
                    ("approved", "Akkoord"),
                    ("changes_requested", "Wijzigingen gevraagd"),
                    ("archivist_approved", "Akkoord archivaris"),
                    ("archivist_changes", "Wijzigingen gevraagd door archivaris"),
                ],
                help_text="Akkoord of wijzigingen gevraagd.",
                max_length=30,
                verbose_name="uitkomst",
            ),
        ),
        migrations.AlterField(
            model_name="selectielijstcategory",
            name="start_date_rule",
            field=models.CharField(
                choices=[
                    ("document_date", "De documentdatum"),
                    ("trigger_date", "De datum van de aanleiding (per document)"),
                ],
                default="document_date",
                help_text="Welke datum de bewaartermijn start: de documentdatum (uit het bestand of ingevuld), of de datum van de aanleiding die per document wordt ingevuld, bijvoorbeeld het einde van de procedure. Zonder die datum mag niets weg.",
                max_length=20,
                verbose_name="startdatum van de termijn",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
