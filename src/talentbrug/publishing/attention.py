"""The staff menu item of publishing."""

from django.utils.translation import gettext_lazy as _

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(NavItem("publishing:overview", _("Uitzetten"), "publishing.view", order=20))
