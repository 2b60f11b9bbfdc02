"""The 'Gesprekken' menu item."""

from django.utils.translation import gettext_lazy

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(NavItem("interviews:index", gettext_lazy("Gesprekken"), "interviews.view", order=36))
