"""``OrganisationOwned``: the abstract base of every model that belongs to one organisation.

It brings the ``organisation`` field and a manager whose :meth:`~OrganisationOwnedQuerySet.
for_organisation` is the queryset form of ``accounts.access.scoped`` (no organisation → no
rows). A model may redeclare ``organisation`` with its own ``related_name`` and help text
(the existing models do: their tables stay as they are); a new model simply inherits it.
Fetching one object for a request stays ``accounts.access.get_for_organisation``.

Abstract only: core has no tables of its own.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=models.Model)


class OrganisationOwnedQuerySet(models.QuerySet[M]):
    def for_organisation(self, organisation: Any) -> OrganisationOwnedQuerySet[M]:
        """The rows of one organisation; none at all without an organisation."""
        if organisation is None:
            return self.none()
        return self.filter(organisation=organisation)


class OrganisationOwned(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waar dit bij hoort."),
    )

    objects = OrganisationOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
