from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "talentbrug.assessments"
    verbose_name = _("Groepsdagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.applications.signals import application_closed
        from talentbrug.core import periodic
        from talentbrug.interviews.agenda import register_agenda_source

        from . import agenda, nav, permissions, signals  # noqa: F401
        from .tasks import send_reminders

        application_closed.connect(
            signals.application_closed, dispatch_uid="assessments.application_closed"
        )
        register_agenda_source(agenda.sessions_between)
        periodic.register("assessments.send_reminders", send_reminders)
