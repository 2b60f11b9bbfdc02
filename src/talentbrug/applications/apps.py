from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "talentbrug.applications"
    verbose_name = _("Sollicitaties")

    def ready(self) -> None:
        from talentbrug.core import periodic

        from . import nav, permissions, tasks  # noqa: F401

        periodic.register("applications.purge_pending", tasks.purge_pending_applications)
        periodic.register("applications.resume_stale_extractions", tasks.resume_stale_extractions)
