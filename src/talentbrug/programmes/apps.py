from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "talentbrug.programmes"
    verbose_name = _("Programma's")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.onboarding.handover import PlacementSource, register_placement_source

        from . import attention, permissions, services  # noqa: F401

        register_placement_source(
            PlacementSource(open_for=services.open_placement_for, fill=services.fill_placement)
        )
