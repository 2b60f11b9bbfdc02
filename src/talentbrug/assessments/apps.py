from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "talentbrug.assessments"
    verbose_name = _("Groepsdagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import nav, permissions  # noqa: F401
