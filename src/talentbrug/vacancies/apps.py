from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "talentbrug.vacancies"
    verbose_name = _("Vacatures")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from . import attention, permissions, trails  # noqa: F401
