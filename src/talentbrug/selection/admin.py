from django.contrib import admin

from .models import RejectionReason, Stage, TemplateStage


@admin.register(RejectionReason)
class RejectionReasonAdmin(admin.ModelAdmin[RejectionReason]):
    list_display = ["label", "organisation", "is_language", "is_active", "order"]
    list_filter = ["organisation", "is_language", "is_active"]


@admin.register(TemplateStage)
class TemplateStageAdmin(admin.ModelAdmin[TemplateStage]):
    list_display = ["name", "organisation", "kind", "order", "is_blind"]
    list_filter = ["organisation"]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin[Stage]):
    list_display = ["name", "vacancy", "kind", "order", "is_blind"]
    list_filter = ["organisation"]
