from django.contrib import admin

from .models import Occupation, Skill


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("label_nl", "label_en", "kind", "collections")
    search_fields = ("search_text",)


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("label_nl", "label_en", "isco_code", "is_ict")
    list_filter = ("is_ict",)
    search_fields = ("search_text",)
