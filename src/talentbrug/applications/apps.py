from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "talentbrug.applications"
    verbose_name = _("Sollicitaties")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.core import periodic
        from talentbrug.core.portal import register_candidate_finder

        from . import nav, permissions, services, tasks, tokens, trails  # noqa: F401
        from .signals import application_closed, application_moved_back

        register_candidate_finder(tokens.portal_candidate, "applications:link_request")
        application_closed.connect(
            services.on_application_closed, dispatch_uid="applications.closed"
        )
        application_moved_back.connect(
            services.on_application_moved_back, dispatch_uid="applications.moved_back"
        )

        periodic.register("applications.purge_pending", tasks.purge_pending_applications)
        periodic.register("applications.resume_stale_extractions", tasks.resume_stale_extractions)
