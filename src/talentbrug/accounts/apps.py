from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "talentbrug.accounts"
    verbose_name = _("Organisaties en mensen")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.audit.registry import register_role_labels, register_values
        from talentbrug.audit.services import register_role_lookup
        from talentbrug.conf import checks  # noqa: F401  (registers the production check)

        from . import auditing, signals  # noqa: F401
        from .constants import Role

        register_role_labels(dict(Role.choices))
        # Roles in the log in words, not codes (kinds of work: workload.register_work_kind).
        register_values("accounts.", "new_role", Role.choices)
        register_role_lookup(auditing.role_codes)


class TalentbrugAdminConfig(admin_apps.AdminConfig):
    """Installs the admin site that needs a second factor (accounts/admin_site.py)."""

    default = False  # named in INSTALLED_APPS; AccountsConfig stays the app's config
    default_site = "talentbrug.accounts.admin_site.TalentbrugAdminSite"
