from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchesConfig(AppConfig):
    name = "talentbrug.matches"
    verbose_name = _("Matches")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from . import permissions, signals  # noqa: F401
