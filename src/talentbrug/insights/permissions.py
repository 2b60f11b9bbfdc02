"""Who may open Insights. The programme team (User.is_programme_team) sees the whole Rijk
without an organisation role; in an organisation these roles see its figures next to the Rijk."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, HR, MANAGER, ONBOARDING, register_permissions
from talentbrug.audit.registry import register, register_values

from .constants import Section

register_permissions({"insights.view": [HR, ADMIN, ONBOARDING, MANAGER]})

register(
    {
        "insights.exported": _("Cijfers geëxporteerd: {section} als {format}"),
        "insights.report_made": _("Kwartaalrapport gemaakt: {year} kwartaal {quarter}"),
        "insights.report_downloaded": _("Kwartaalrapport gedownload: {year} kwartaal {quarter}"),
    }
)
register_values("insights.", "section", Section.choices)

from talentbrug.pages.navigation import NavItem, register_nav  # noqa: E402

register_nav(
    NavItem("insights:vacancies", _("Inzicht"), "insights.view", order=800, programme_team=True)
)
