"""Breadcrumbs of the onboarding pages (``pages.breadcrumbs``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.pages.breadcrumbs import Crumb, register_trail


def onboarding() -> Crumb:
    return Crumb(_("Inwerken"), reverse("onboarding:overview"))


def _plan(c: dict) -> list[Crumb]:  # type: ignore[type-arg]
    return [onboarding(), Crumb(c["plan"].name, is_name=True)]


register_trail("onboarding:plan_detail", _plan)
