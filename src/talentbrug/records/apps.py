from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "talentbrug.records"
    verbose_name = _("Bewaren of weggooien")

    def ready(self) -> None:
        from . import attention, events, permissions  # noqa: F401
