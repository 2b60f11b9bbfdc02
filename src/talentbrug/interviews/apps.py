from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "talentbrug.interviews"
    verbose_name = _("Gesprekken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from talentbrug.applications.signals import application_closed

        from . import nav, permissions  # noqa: F401
        from .services import on_application_closed
        from .tasks import send_reminders

        application_closed.connect(on_application_closed, dispatch_uid="interviews.closed")

        try:  # the periodic-job registry lives in publishing (run_periodic_jobs)
            from talentbrug.core import periodic
        except ImportError:  # pragma: no cover - publishing not present
            return
        periodic.register("interviews.send_reminders", send_reminders)
