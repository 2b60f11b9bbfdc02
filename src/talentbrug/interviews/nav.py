"""The menu items: 'Gesprekken' and the staff agenda 'Agenda'."""

from django.utils.translation import gettext_lazy

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(NavItem("interviews:index", gettext_lazy("Gesprekken"), "interviews.view", order=36))
register_nav(NavItem("interviews:agenda", gettext_lazy("Agenda"), "interviews.agenda", order=37))
