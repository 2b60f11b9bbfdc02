"""Who may use the talent pool, and its audit event types (ids and counts only)."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "talentpool.view": [HR, MANAGER],
        "talentpool.contact": [HR, MANAGER],
        # Only the cross-government programme team (User.is_programme_team), no org role.
        "talentpool.figures": [],
    }
)

register(
    {
        "talentpool.profile_viewed": _("Profiel {candidate} in de talentpool bekeken"),
        "talentpool.searched": _("Talentpool doorzocht: {count} resultaten"),
        "talentpool.contact_requested": _(
            "Contactverzoek {request} verstuurd aan kandidaat {candidate}"
        ),
        "talentpool.contact_accepted": _("Contactverzoek {request} geaccepteerd door de kandidaat"),
        "talentpool.contact_declined": _("Contactverzoek {request} afgewezen door de kandidaat"),
        "talentpool.figures_viewed": _("Cijfers van de talentpool bekeken"),
    }
)

from talentbrug.pages.navigation import NavItem, register_nav  # noqa: E402

register_nav(NavItem("talentpool:list", _("Talentpool"), "talentpool.view", order=400))
