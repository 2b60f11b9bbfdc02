"""Breadcrumbs of the vacancy pages (``pages.breadcrumbs``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.pages.breadcrumbs import Crumb, register_trail


def vacancies() -> Crumb:
    return Crumb(_("Vacatures"), reverse("vacancies:list"))


register_trail("vacancies:detail", lambda c: [vacancies(), Crumb(c["vacancy"].title, is_name=True)])
