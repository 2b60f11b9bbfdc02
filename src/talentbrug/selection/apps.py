from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "talentbrug.selection"
    verbose_name = _("Selectie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.applications.signals import application_closed, register_identity_screen
        from talentbrug.applications.status import register_status_source

        from . import journey, nav, permissions, receivers  # noqa: F401
        from .services import blind

        register_identity_screen(blind.hidden_identities, "selection:application")
        register_status_source(journey.STATUS_SOURCE)
        application_closed.connect(journey.on_application_closed, dispatch_uid="selection.closed")
        receivers.connect()
        self._offer_letters_and_messages()

    def _offer_letters_and_messages(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded
        from talentbrug.core import periodic
        from talentbrug.core.panels import register_panel

        from . import offer_events, offer_letter  # noqa: F401

        periodic.register("selection.expire_offers", offer_letter.expire_offers)
        register_panel("applications.portal_application", "selection/portal/_offer_panel.html")
        register_panel("selection.application", "selection/_message_history.html", order=200)
