"""Event types and their message templates. Apps register theirs at import time.

A template names ids and counts only (``{count}``, ``{status}``), never personal data.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_TYPES: dict[str, Promise | str] = {}


def register(event_types: dict[str, Promise | str]) -> None:
    for key, template in event_types.items():
        if key in EVENT_TYPES and EVENT_TYPES[key] != template:
            raise ValueError(f"Audit event type {key!r} registered twice with different text")
        EVENT_TYPES[key] = template


register(
    {
        "accounts.login": _("Ingelogd"),
        "accounts.logout": _("Uitgelogd"),
        "accounts.locked_out": _("Account tijdelijk geblokkeerd na te veel mislukte pogingen"),
        "accounts.2fa_enrolled": _("Tweestapsverificatie ingesteld"),
        "accounts.2fa_verified": _("Tweestapsverificatie gelukt"),
        "accounts.recovery_code_used": _("Herstelcode gebruikt; nog {remaining} over"),
        "accounts.organisation_switched": _("Gewisseld naar een andere organisatie"),
    }
)


# Role code -> words, for the log page ("Beoordelaar"). Roles belong to accounts, which sits on
# top of audit: it registers the words in its AppConfig.ready().
ROLE_LABELS: dict[str, Any] = {}


def register_role_labels(labels: dict[str, Any]) -> None:
    ROLE_LABELS.update(labels)
