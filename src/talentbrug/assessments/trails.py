"""Breadcrumbs of the group assessment days (``pages.breadcrumbs``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.pages.breadcrumbs import Crumb, register_trail


def days() -> Crumb:
    return Crumb(_("Groepsdagen"), reverse("assessments:index"))


register_trail("assessments:detail", lambda c: [days(), Crumb(c["day"].title, is_name=True)])
