from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "talentbrug.pages"
    verbose_name = _("Pagina's")

    def ready(self) -> None:
        # Load the Celery app so shared tasks bind to it (eager without a broker).
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug import celery  # noqa: F401

        from . import attention, languages  # noqa: F401

        languages.register_extra_languages()
