from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "talentbrug.insights"
    verbose_name = _("Inzicht")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.core import periodic

        from . import permissions, report, services  # noqa: F401

        periodic.register("insights.refresh_snapshots", services.refresh_snapshots)
        periodic.register("insights.quarterly_report", report.make_due_report)
