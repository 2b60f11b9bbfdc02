from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "talentbrug.publishing"
    verbose_name = _("Vacature uitzetten")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.core import periodic

        from . import attention, permissions, tasks  # noqa: F401

        periodic.register("publishing.close_expired_vacancies", tasks.close_expired_vacancies)
        self._connect_facet_signals()
        from .pagecache import connect_signals

        connect_signals()

    def _connect_facet_signals(self) -> None:
        from django.db.models.signals import post_delete, post_save

        # local import: called from ready(); apps.py loads before the app registry
        from talentbrug.accounts.models import Organisation
        from talentbrug.vacancies.models import Vacancy

        from .forms import forget_filter_facets

        for model in (Vacancy, Organisation):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_filter_facets,
                    sender=model,
                    dispatch_uid=f"publishing-facets-{signal is post_save}-{model.__name__}",
                )
