from django.utils.translation import gettext_lazy as _

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(NavItem("applications:staff_list", _("Sollicitaties"), "applications.view", order=30))
