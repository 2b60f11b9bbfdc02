from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "talentbrug.onboarding"
    verbose_name = _("Inwerken")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.core import periodic
        from talentbrug.selection.hire import register_hire_handler
        from talentbrug.vacancies import hooks as vacancy_hooks

        from . import attention, handover, permissions, services  # noqa: F401
        from .tasks import send_reminders

        periodic.register("onboarding.send_reminders", send_reminders)
        register_hire_handler(handover.HIRE_HANDLER)
        vacancy_hooks.vacancy_form_opened.connect(
            ensure_templates_for_form, dispatch_uid="onboarding.ensure_templates_for_form"
        )
        vacancy_hooks.register_detail_context(
            "first_weeks", lambda vacancy: services.first_weeks(vacancy.onboarding_template)
        )


def ensure_templates_for_form(sender: object, *, organisation: object, **kwargs: object) -> None:
    """The vacancy form offers this organisation's onboarding templates: make sure they exist."""
    from .services import ensure_default_templates  # local import: apps.py loads before models

    ensure_default_templates(organisation)
