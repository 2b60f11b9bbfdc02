from django.contrib import admin

from .models import LegalHold, Objection, RetentionPolicy, RetentionRun


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin[RetentionPolicy]):
    list_display = ["organisation", "rejected_days", "consent_max_days", "hire_material_days"]


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin[LegalHold]):
    list_display = ["pk", "organisation", "reference", "created_at", "lifted_at"]
    raw_id_fields = ["candidate"]


@admin.register(Objection)
class ObjectionAdmin(admin.ModelAdmin[Objection]):
    list_display = ["pk", "organisation", "processing", "outcome", "received_at"]
    raw_id_fields = ["candidate"]


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin[RetentionRun]):
    list_display = ["pk", "started_at", "finished_at"]
