from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "talentbrug.assessments"
    verbose_name = _("Groepsdagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import nav, permissions, signals  # noqa: F401
        from .tasks import send_reminders

        try:  # the periodic-job registry lives in publishing (run_periodic_jobs)
            from talentbrug.publishing import periodic
        except ImportError:  # pragma: no cover - publishing not present
            return
        periodic.register("assessments.send_reminders", send_reminders)
