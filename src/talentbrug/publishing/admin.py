from django.contrib import admin

from .models import Channel


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ("name", "vacancy", "organisation", "kind", "code", "visit_count", "is_active")
    list_filter = ("kind", "is_active", "organisation")
    search_fields = ("name", "code", "vacancy__title")
    readonly_fields = ("code", "visit_count", "last_visit_on", "created_by", "created_at")
