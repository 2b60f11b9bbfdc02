from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "talentbrug.assessments"
    verbose_name = _("Groepsdagen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from talentbrug.accounts.workload import register_work_kind
        from talentbrug.applications.signals import application_closed, application_moved_back
        from talentbrug.core import periodic
        from talentbrug.interviews.agenda import register_agenda_source

        from . import admin_hooks, agenda, nav, permissions, signals, trails  # noqa: F401
        from .tasks import send_reminders

        application_closed.connect(
            signals.application_closed, dispatch_uid="assessments.application_closed"
        )
        register_agenda_source(agenda.sessions_between)
        register_work_kind(admin_hooks.OBSERVED_DAYS)
        application_moved_back.connect(
            signals.application_moved_back, dispatch_uid="assessments.application_moved_back"
        )
        periodic.register("assessments.send_reminders", send_reminders)
