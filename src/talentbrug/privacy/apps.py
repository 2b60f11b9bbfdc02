from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "talentbrug.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.accounts.terms import register_organisation_term
        from talentbrug.applications.signals import register_account_eraser
        from talentbrug.core import periodic

        from . import admin_hooks, nav, permissions, tasks  # noqa: F401
        from .services import erasure as erasure_services

        register_organisation_term(admin_hooks.REJECTED_DAYS)
        register_account_eraser(erasure_services.erase_unheld_account)

        periodic.register("privacy.purge_expired", tasks.purge_expired)
        periodic.register("privacy.remove_orphan_files", tasks.remove_orphan_files)
        periodic.register("privacy.close_unheld_requests", tasks.close_unheld_requests)
        allow_long_upload_names()


# Django refuses a multipart request whose part headers exceed 1,024 bytes (a DoS guard) with
# a bare "Bad Request (400)". A file name of 1,000 characters (2-4 bytes each in UTF-8) is a
# real case (a name copied from a web page), so the bound is 8 KB, the same as a proxy's
# header line. The name is then shortened by ``privacy.filecheck`` / ``docanalysis.policy``.
MAX_PART_HEADER_BYTES = 8 * 1024


def allow_long_upload_names() -> None:
    from django.http import multipartparser

    # Not in django-stubs (a module constant of Django's parser, read at parse time).
    if multipartparser.MAX_TOTAL_HEADER_SIZE < MAX_PART_HEADER_BYTES:  # type: ignore[attr-defined]
        multipartparser.MAX_TOTAL_HEADER_SIZE = MAX_PART_HEADER_BYTES  # type: ignore[attr-defined]
