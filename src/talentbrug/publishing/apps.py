from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "talentbrug.publishing"
    verbose_name = _("Vacature uitzetten")

    def ready(self) -> None:
        from . import attention, periodic, permissions, tasks  # noqa: F401

        periodic.register("publishing.close_expired_vacancies", tasks.close_expired_vacancies)
