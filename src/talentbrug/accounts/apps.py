from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "talentbrug.accounts"
    verbose_name = _("Organisaties en mensen")

    def ready(self) -> None:
        from . import signals  # noqa: F401
