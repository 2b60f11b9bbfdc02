from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "talentbrug.selection"
    verbose_name = _("Selectie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import nav, permissions, receivers  # noqa: F401

        receivers.connect()
