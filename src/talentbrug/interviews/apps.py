from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "talentbrug.interviews"
    verbose_name = _("Gesprekken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from talentbrug.applications.signals import application_closed, application_moved_back

        from . import nav, permissions  # noqa: F401
        from .services import on_application_closed, on_application_moved_back
        from .tasks import send_reminders

        application_closed.connect(on_application_closed, dispatch_uid="interviews.closed")
        application_moved_back.connect(
            on_application_moved_back, dispatch_uid="interviews.moved_back"
        )

        try:  # the periodic-job registry lives in publishing (run_periodic_jobs)
            from talentbrug.publishing import periodic
        except ImportError:  # pragma: no cover - publishing not present
            return
        periodic.register("interviews.send_reminders", send_reminders)
