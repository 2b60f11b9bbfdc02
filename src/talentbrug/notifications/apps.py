from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "talentbrug.notifications"
    verbose_name = _("Meldingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.core import periodic
        from talentbrug.core.panels import register_panel

        from . import permissions, receivers, services  # noqa: F401

        receivers.connect()
        register_panel("staff.header", "notifications/_bell.html")
        periodic.register("notifications.daily_digest", services.send_digests)
        periodic.register("notifications.forget_old", services.forget_old)
