from django.contrib import admin

from .models import AssessmentDay, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    readonly_fields = ["booked_count"]


@admin.register(AssessmentDay)
class AssessmentDayAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "created_at"]
    list_filter = ["organisation"]
    inlines = [SessionInline]
    filter_horizontal = ["vacancies", "observers"]
