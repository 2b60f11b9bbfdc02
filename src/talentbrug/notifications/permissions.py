"""Who may do what with notifications (added to the central permission table)."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ALL_ROLES, register_permissions
from talentbrug.audit.registry import register

# Everyone with a role gets their own notifications; nobody sees another person's.
register_permissions({"notifications.view": ALL_ROLES})

register(
    {
        "notifications.digest_changed": _("Dagelijkse e-mail met meldingen: {daily_digest}"),
        "notifications.digests_sent": _("{count} dagelijkse e-mails met meldingen verstuurd"),
    }
)
