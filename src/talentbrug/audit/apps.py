from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def prune_audit_log() -> int:
    """Periodic job: remove log events older than TALENTBRUG_AUDIT_RETENTION_DAYS."""
    from .services import prune_expired

    return prune_expired()


class AuditConfig(AppConfig):
    name = "talentbrug.audit"
    verbose_name = _("Logboek")

    def ready(self) -> None:
        from talentbrug.core import periodic

        periodic.register("audit.prune_expired", prune_audit_log)
