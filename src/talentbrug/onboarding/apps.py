from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "talentbrug.onboarding"
    verbose_name = _("Inwerken")

    def ready(self) -> None:
        from . import attention, permissions  # noqa: F401
        from .tasks import send_reminders

        try:  # the periodic-job registry lives in publishing (run_periodic_jobs)
            from talentbrug.core import periodic
        except ImportError:  # pragma: no cover - publishing not present
            return
        periodic.register("onboarding.send_reminders", send_reminders)
