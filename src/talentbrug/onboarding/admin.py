from django.contrib import admin

from .models import OnboardingPlan, OnboardingTemplate, PlanTask, Reminder, TemplateTask


class TemplateTaskInline(admin.TabularInline):
    model = TemplateTask
    extra = 0


@admin.register(OnboardingTemplate)
class OnboardingTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "is_active"]
    list_filter = ["organisation", "kind"]
    inlines = [TemplateTaskInline]


class PlanTaskInline(admin.TabularInline):
    model = PlanTask
    extra = 0
    fields = ["phase", "title", "owner_role", "due_date", "date_set_by_hand", "status"]


@admin.register(OnboardingPlan)
class OnboardingPlanAdmin(admin.ModelAdmin):
    list_display = ["id", "organisation", "programme", "start_date", "status"]
    list_filter = ["organisation", "programme", "status"]
    inlines = [PlanTaskInline]
    # Names and answers are personal data: the admin shows ids and statuses in lists only.
    search_fields = ["=id"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "plan_id", "task_id", "sent_on"]
    list_filter = ["kind", "sent_on"]
