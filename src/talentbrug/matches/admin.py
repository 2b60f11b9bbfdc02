from django.contrib import admin

from .models import Match, WorkPreference


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    """Read-only: stored matches are an audit trail."""

    list_display = (
        "pk",
        "vacancy",
        "candidate",
        "direction",
        "rank",
        "score",
        "engine_version",
        "computed_at",
    )
    list_filter = ("direction", "source", "engine_version")
    raw_id_fields = ("vacancy", "candidate", "organisation", "computed_by")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(WorkPreference)
class WorkPreferenceAdmin(admin.ModelAdmin):
    list_display = ("pk", "candidate", "available_from")
    raw_id_fields = ("candidate",)
