from django.contrib import admin

from .models import Cohort, Placement, SchoolPartner


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "starts_on", "ends_on", "capacity"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["id", "organisation", "kind", "team", "available_from"]
    list_filter = ["organisation", "kind"]


@admin.register(SchoolPartner)
class SchoolPartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "region"]
