from django.contrib import admin

from .models import ContactRequest


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    list_display = ("pk", "organisation", "status", "created_at", "answered_at")
    list_filter = ("status",)
    raw_id_fields = ("candidate", "requested_by", "vacancy")
