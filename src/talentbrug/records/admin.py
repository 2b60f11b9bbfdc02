"""Read-mostly admin for technical support. State changes go through the services."""

from django.contrib import admin

from .models import (
    Collection,
    DecisionLog,
    DestructionList,
    DestructionListItem,
    DestructionOverride,
    Document,
    ListReview,
    RecordsSettings,
    SelectielijstCategory,
)


@admin.register(SelectielijstCategory)
class SelectielijstCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "waardering", "bewaartermijn_years", "organisation"]
    list_filter = ["organisation", "waardering"]


@admin.register(RecordsSettings)
class RecordsSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cooling_off_days", "archivist_required"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "analysis_done", "analysis_total"]
    list_filter = ["organisation"]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Deleting a collection would delete its records past every destruction guard.
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["path", "collection", "decision", "analysis_status", "legal_hold"]
    list_filter = ["decision", "analysis_status", "legal_hold"]
    exclude = ["extracted_text"]


@admin.register(DecisionLog)
class DecisionLogAdmin(ReadOnlyAdmin):
    list_display = ["document", "user", "previous_decision", "decision", "created_at"]


class ItemInline(admin.TabularInline):
    model = DestructionListItem
    extra = 0
    can_delete = False
    fields = ["record_path", "status", "reason", "reviewed_by", "destroyed_at"]
    readonly_fields = fields


@admin.register(DestructionList)
class DestructionListAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "status", "created_at"]
    list_filter = ["status", "organisation"]
    inlines = [ItemInline]


@admin.register(DestructionOverride)
class DestructionOverrideAdmin(ReadOnlyAdmin):
    list_display = ["document", "status", "requested_by", "decided_by", "requested_at"]
    list_filter = ["status"]


@admin.register(ListReview)
class ListReviewAdmin(ReadOnlyAdmin):
    list_display = ["destruction_list", "user", "outcome", "created_at"]
