from django.contrib import admin

from . import models


class SlotInline(admin.TabularInline):
    model = models.Slot
    extra = 1
    readonly_fields = ["booked_count"]


@admin.register(models.RecruitmentDay)
class RecruitmentDayAdmin(admin.ModelAdmin):
    list_display = ["title", "vacancy", "organisation"]
    raw_id_fields = ["vacancy"]
    exclude = ["organisation"]
    inlines = [SlotInline]


@admin.register(models.WorkSampleAssignment)
class WorkSampleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "vacancy", "deadline"]
    raw_id_fields = ["vacancy"]
    exclude = ["organisation"]


@admin.register(models.Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["pk", "vacancy", "route", "status", "submitted_at"]
    list_filter = ["status", "route"]
    raw_id_fields = ["vacancy", "candidate", "channel"]
    readonly_fields = ["organisation", "idempotency_key"]
