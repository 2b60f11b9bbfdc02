"""The people pages in the staff menu."""

from django.utils.translation import gettext_lazy as _

from talentbrug.pages.navigation import NavItem, register_nav

register_nav(NavItem("accounts:members", _("Medewerkers"), "organisation.view_members", order=880))


def _register_log_words() -> None:
    """Roles and kinds of work in the log in words, not codes."""
    from talentbrug.audit.registry import register_values

    from .constants import Role
    from .workload import WORK_KINDS

    register_values("accounts.", "new_role", Role.choices)
    register_values("accounts.", "kind", [(k.key, k.label) for k in WORK_KINDS])


_register_log_words()
