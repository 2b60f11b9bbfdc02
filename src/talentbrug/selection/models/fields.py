"""What the selection models share: the organisation field (set from the vacancy)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


def organisation_fk(related_name: str = "+") -> models.ForeignKey[Any, Any]:
    return models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de vacature (automatisch)."),
    )
