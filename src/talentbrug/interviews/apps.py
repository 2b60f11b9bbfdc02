from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "talentbrug.interviews"
    verbose_name = _("Gesprekken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from talentbrug.accounts.workload import register_work_kind
        from talentbrug.applications.signals import application_closed, application_moved_back
        from talentbrug.core import periodic
        from talentbrug.core.panels import register_panel
        from talentbrug.selection.assignment import register_assignment_source

        from . import access, admin_hooks, nav, permissions  # noqa: F401
        from .services import on_application_closed, on_application_moved_back
        from .tasks import send_reminders

        application_closed.connect(on_application_closed, dispatch_uid="interviews.closed")
        application_moved_back.connect(
            on_application_moved_back, dispatch_uid="interviews.moved_back"
        )
        register_assignment_source(access.INTERVIEWERS)
        register_work_kind(admin_hooks.INTERVIEWS)
        register_panel("selection.application", "interviews/_selection_panel.html")
        register_panel("applications.portal_application", "interviews/portal/_application.html")
        periodic.register("interviews.send_reminders", send_reminders)
