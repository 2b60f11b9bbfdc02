from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "talentbrug.records"
    verbose_name = _("Bewaren of weggooien")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.accounts.terms import register_organisation_term
        from talentbrug.accounts.workload import register_work_kind
        from talentbrug.core import periodic

        from . import admin_hooks, attention, events, permissions, tasks, trails  # noqa: F401

        register_work_kind(admin_hooks.REVIEWS)
        register_organisation_term(admin_hooks.COOLING_OFF)

        periodic.register("records.destroy_due_lists", tasks.destroy_due_lists)
        periodic.register("records.resume_stale_analysis", tasks.resume_stale_analysis)
        periodic.register("records.resume_stale_imports", tasks.resume_stale_imports)
