"""Who may do what with publishing (added to the central permission table), and audit events."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "publishing.view": [HR, MANAGER, ADMIN],
        "publishing.manage": [HR],
    }
)

register(
    {
        "publishing.channel_created": _("Kanaal {channel} aangemaakt ({kind})"),
        "publishing.channel_stopped": _("Kanaal {channel} gestopt"),
    }
)
