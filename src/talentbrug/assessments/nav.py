"""The 'Groepsdagen' menu item."""

from django.utils.translation import gettext_lazy

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(
    NavItem("assessments:index", gettext_lazy("Groepsdagen"), "assessments.view", order=36)
)
