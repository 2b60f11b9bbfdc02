from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Membership, Organisation, User


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 1


@admin.register(User)
class TalentbrugUserAdmin(UserAdmin[User]):
    inlines = [MembershipInline]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Talentbrug", {"fields": ("preferred_language", "is_programme_team")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "short_name", "kind", "is_active")
    prepopulated_fields = {"slug": ("short_name",)}
    search_fields = ("name", "short_name")
