from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "talentbrug.onboarding"
    verbose_name = _("Inwerken")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from talentbrug.accounts.models import Organisation

        from . import attention, permissions  # noqa: F401
        from .services import organisation_created
        from .tasks import send_reminders

        # The shipped templates are made with the organisation, never when a page is viewed.
        post_save.connect(
            organisation_created, sender=Organisation, dispatch_uid="onboarding.organisation"
        )

        try:  # the periodic-job registry lives in publishing (run_periodic_jobs)
            from talentbrug.publishing import periodic
        except ImportError:  # pragma: no cover - publishing not present
            return
        periodic.register("onboarding.send_reminders", send_reminders)
