from django.contrib import admin

from .models import Interview, InterviewSlot


class InterviewSlotInline(admin.TabularInline):
    model = InterviewSlot
    extra = 0
    readonly_fields = ["starts_at", "is_open"]
    can_delete = False


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    """Read-only: changes go through the services (audited, with e-mails to everyone)."""

    list_display = ["pk", "organisation", "status", "duration_minutes", "created_at"]
    list_filter = ["organisation", "status"]
    inlines = [InterviewSlotInline]
    readonly_fields = [f.name for f in Interview._meta.fields] + ["interviewers"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
