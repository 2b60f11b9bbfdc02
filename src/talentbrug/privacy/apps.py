from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "talentbrug.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from talentbrug.publishing import periodic

        from . import nav, permissions, tasks  # noqa: F401

        periodic.register("privacy.purge_expired", tasks.purge_expired)
        periodic.register("privacy.remove_orphan_files", tasks.remove_orphan_files)
