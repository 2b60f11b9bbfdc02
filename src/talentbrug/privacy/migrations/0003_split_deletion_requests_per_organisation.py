"""Deletion requests become one per organisation (each organisation is its own controller).

A request already carried out belongs to the organisation that carried it out. An open request
is given to every organisation where the person applied: the first keeps the row, the others get
a copy with the same date (so the deadline stays the same).
"""

from django.db import migrations


def split(apps, schema_editor):
    DeletionRequest = apps.get_model("applications", "DeletionRequest")
    Application = apps.get_model("applications", "Application")
    ErasureOutcome = apps.get_model("privacy", "ErasureOutcome")
    outcomes = dict(ErasureOutcome.objects.values_list("deletion_request_id", "organisation_id"))
    for request in DeletionRequest.objects.filter(organisation__isnull=True).order_by("pk"):
        if request.pk in outcomes:
            DeletionRequest.objects.filter(pk=request.pk).update(
                organisation_id=outcomes[request.pk]
            )
            continue
        organisations = sorted(
            set(
                Application.objects.filter(candidate_id=request.candidate_id).values_list(
                    "organisation_id", flat=True
                )
            )
        )
        if not organisations:
            continue
        DeletionRequest.objects.filter(pk=request.pk).update(organisation_id=organisations[0])
        for organisation_id in organisations[1:]:
            copy = DeletionRequest.objects.create(
                candidate_id=request.candidate_id,
                organisation_id=organisation_id,
                status=request.status,
            )
            DeletionRequest.objects.filter(pk=copy.pk).update(requested_at=request.requested_at)


def join(apps, schema_editor):
    """Backwards: the copies go (the first request of each person stays)."""
    DeletionRequest = apps.get_model("applications", "DeletionRequest")
    seen = set()
    for request in DeletionRequest.objects.filter(status="requested").order_by("pk"):
        if request.candidate_id in seen and not hasattr(request, "outcome"):
            request.delete()
        seen.add(request.candidate_id)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0002_retentionpolicy_records_handover"),
        ("applications", "0009_deletion_request_per_organisation"),
    ]

    operations = [migrations.RunPython(split, join)]
