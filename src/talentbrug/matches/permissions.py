"""Who may see matches (added to the central permission table) and the audit event types."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions({"matching.view": [HR, MANAGER]})

register(
    {
        "matching.candidates_ranked": _(
            "Kandidaten gerangschikt voor vacature {vacancy}: {count} resultaten "
            "({applicants} sollicitanten, {pool} uit de talentpool)"
        ),
    }
)
