from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base layer: shared parts every app may use, knowing no app itself.

    Periodic-job registry, upload checks (type by content, sandboxed parsing, virus scanning),
    database tuning, magic links, the "claim, then send" reminder loop, the organisation-owned
    abstract model, the typed staff request, view decorators and form helpers. The import
    contract ``core-knows-no-app`` in ``.importlinter`` keeps it that way.
    """

    name = "talentbrug.core"
    verbose_name = _("Basis")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.accounts.branding import register_image_check
        from talentbrug.audit.services import prune_expired

        from . import db, periodic
        from .filecheck import check_logo_image

        db.connect()
        # The log's own retention (BIO): audit sits below core, so core registers its job.
        periodic.register("audit.prune_expired", prune_expired)
        # An organisation's own logo goes through the one upload validator.
        register_image_check(check_logo_image)
