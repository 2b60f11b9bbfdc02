"""Breadcrumbs of the staff application pages (``pages.breadcrumbs``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.pages.breadcrumbs import Crumb, register_trail


def applications() -> Crumb:
    return Crumb(_("Sollicitaties"), reverse("applications:staff_list"))


def _of_vacancy(vacancy: object) -> Crumb:
    return Crumb(
        vacancy.title,  # type: ignore[attr-defined]
        reverse("applications:staff_vacancy", args=[vacancy.pk]),  # type: ignore[attr-defined]
        is_name=True,
    )


register_trail(
    "applications:staff_vacancy",
    lambda c: [applications(), Crumb(c["vacancy"].title, is_name=True)],
)
# The candidate's name is not in the trail: in an anonymous review it is hidden on the page.
register_trail(
    "applications:staff_detail",
    lambda c: [
        applications(),
        _of_vacancy(c["application"].vacancy),
        Crumb(_("Sollicitatie %(number)s") % {"number": c["application"].pk}),
    ],
)
