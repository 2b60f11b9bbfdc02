from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "talentbrug.onboarding"
    verbose_name = _("Inwerken")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from django.db.models.signals import post_save

        from talentbrug.accounts.models import Organisation
        from talentbrug.accounts.workload import register_work_kind
        from talentbrug.core import periodic
        from talentbrug.selection.hire import register_hire_handler
        from talentbrug.vacancies import hooks as vacancy_hooks

        from . import admin_hooks, attention, handover, permissions, trails  # noqa: F401
        from .services import templates
        from .tasks import send_reminders

        # The shipped templates are made with the organisation, never when a page is viewed.
        post_save.connect(
            templates.organisation_created,
            sender=Organisation,
            dispatch_uid="onboarding.organisation",
        )
        periodic.register("onboarding.send_reminders", send_reminders)
        register_hire_handler(handover.HIRE_HANDLER)
        register_work_kind(admin_hooks.TASKS)
        register_work_kind(admin_hooks.PLANS)
        vacancy_hooks.register_detail_context(
            "first_weeks", lambda vacancy: templates.first_weeks(vacancy.onboarding_template)
        )
