from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "talentbrug.programmes"
    verbose_name = _("Programma's")

    def ready(self) -> None:
        from . import attention, permissions  # noqa: F401
