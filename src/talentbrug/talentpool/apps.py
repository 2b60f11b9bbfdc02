from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentpoolConfig(AppConfig):
    name = "talentbrug.talentpool"
    verbose_name = _("Talentpool")

    def ready(self) -> None:
        from . import permissions  # noqa: F401
