from typing import Any

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from . import models
from .uploads import UploadRejected, check_document


class SlotInline(admin.TabularInline[models.Slot, models.RecruitmentDay]):
    model = models.Slot
    extra = 1
    readonly_fields = ["booked_count"]


@admin.register(models.RecruitmentDay)
class RecruitmentDayAdmin(admin.ModelAdmin[models.RecruitmentDay]):
    list_display = ["title", "vacancy", "organisation"]
    raw_id_fields = ["vacancy"]
    exclude = ["organisation"]
    inlines = [SlotInline]


class WorkSampleAssignmentForm(forms.ModelForm[models.WorkSampleAssignment]):
    """The attachment goes through the shared upload validator, like every other upload."""

    class Meta:
        model = models.WorkSampleAssignment
        fields = ["vacancy", "title", "instructions", "attachment", "attachment_name", "deadline"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        upload = cleaned.get("attachment")
        if isinstance(upload, UploadedFile):
            try:
                checked = check_document(upload)
            except UploadRejected as exc:
                self.add_error("attachment", exc.message)
            else:
                cleaned["attachment_name"] = checked.name  # the safe name, for download
        return cleaned


@admin.register(models.WorkSampleAssignment)
class WorkSampleAssignmentAdmin(admin.ModelAdmin[models.WorkSampleAssignment]):
    form = WorkSampleAssignmentForm
    list_display = ["title", "vacancy", "deadline"]
    raw_id_fields = ["vacancy"]
    exclude = ["organisation"]


@admin.register(models.Application)
class ApplicationAdmin(admin.ModelAdmin[models.Application]):
    list_display = ["pk", "vacancy", "route", "status", "submitted_at"]
    list_filter = ["status", "route"]
    raw_id_fields = ["vacancy", "candidate", "channel"]
    readonly_fields = ["organisation", "idempotency_key"]
