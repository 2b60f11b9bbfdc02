from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "talentbrug.applications"
    verbose_name = _("Sollicitaties")

    def ready(self) -> None:
        from . import nav, permissions  # noqa: F401
