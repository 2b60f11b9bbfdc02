"""Event types and their message templates. Apps register theirs at import time.

A template names ids and counts only (``{count}``, ``{status}``), never personal data.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_TYPES: dict[str, Promise | str] = {}
# Codes in the data (a decision, a status) shown in words: {(event type prefix, key): {code: label}}.
VALUE_LABELS: dict[tuple[str, str], dict[str, Any]] = {}
# Event types an auditor looks for first: log-ins, roles, exports, erasure (filter "beveiliging").
SECURITY_EVENTS: set[str] = set()


def register(event_types: dict[str, Promise | str]) -> None:
    for key, template in event_types.items():
        if key in EVENT_TYPES and EVENT_TYPES[key] != template:
            raise ValueError(f"Audit event type {key!r} registered twice with different text")
        EVENT_TYPES[key] = template


def register_values(prefix: str, key: str, choices: Any) -> None:
    """Show the code in ``data[key]`` of events starting with ``prefix`` as its label."""
    VALUE_LABELS[(prefix, key)] = dict(choices)


def register_security(*event_types: str) -> None:
    SECURITY_EVENTS.update(event_types)


def value_label(event_type: str, key: str, value: Any) -> Any:
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    for (prefix, field), labels in VALUE_LABELS.items():
        if field == key and event_type.startswith(prefix) and str(value) in labels:
            return labels[str(value)]
    return value


register(
    {
        "accounts.login": _("Ingelogd"),
        "accounts.logout": _("Uitgelogd"),
        "accounts.login_failed": _("Inloggen mislukt: wachtwoord klopt niet"),
        "accounts.locked_out": _("Account tijdelijk geblokkeerd na te veel mislukte pogingen"),
        "accounts.address_blocked": _(
            "Netwerkadres {minutes} minuten geblokkeerd na {failures} mislukte inlogpogingen "
            "vanaf dat adres"
        ),
        "accounts.unlocked": _("Account ontgrendeld door een beheerder"),
        "accounts.2fa_enrolled": _("Tweestapsverificatie ingesteld"),
        "accounts.2fa_verified": _("Tweestapsverificatie gelukt"),
        "accounts.2fa_failed": _("Tweestapsverificatie mislukt: code klopt niet"),
        "accounts.recovery_code_used": _("Herstelcode gebruikt; nog {remaining} over"),
        "accounts.organisation_switched": _("Gewisseld naar een andere organisatie"),
        "accounts.invited": _("Collega uitgenodigd met de rol {new_role}"),
        "accounts.invitation_accepted": _("Uitnodiging aangenomen; wachtwoord gekozen"),
        "accounts.role_granted": _("Rol {new_role} gegeven"),
        "accounts.role_revoked": _("Rol {new_role} afgenomen"),
        "accounts.deactivated": _(
            "Medewerker uitgeschakeld; {reassigned} openstaande taken overgedragen"
        ),
        "accounts.work_reassigned": _("{count} x {kind} overgedragen aan een collega"),
        "accounts.2fa_reset_requested": _(
            "Herstel van tweestapsverificatie gevraagd; wacht op een tweede beheerder"
        ),
        "accounts.2fa_reset_done": _(
            "Tweestapsverificatie hersteld na controle door een tweede beheerder"
        ),
        "accounts.2fa_reset_cancelled": _("Herstel van tweestapsverificatie ingetrokken"),
        "accounts.settings_changed": _("Instellingen van de organisatie gewijzigd"),
        "audit.exported": _("Logboek gedownload als {format} ({count} regels)"),
        "audit.pruned": _(
            "{count} logboekregels ouder dan {days} dagen verwijderd (bewaartermijn)"
        ),
    }
)


# Role code -> words, for the log page ("Beoordelaar"). Roles belong to accounts, which sits on
# top of audit: it registers the words in its AppConfig.ready().
ROLE_LABELS: dict[str, Any] = {}


def register_role_labels(labels: dict[str, Any]) -> None:
    ROLE_LABELS.update(labels)


register_security(
    "accounts.login",
    "accounts.logout",
    "accounts.login_failed",
    "accounts.locked_out",
    "accounts.address_blocked",
    "accounts.unlocked",
    "accounts.2fa_enrolled",
    "accounts.2fa_verified",
    "accounts.2fa_failed",
    "accounts.recovery_code_used",
    "accounts.invited",
    "accounts.invitation_accepted",
    "accounts.role_granted",
    "accounts.role_revoked",
    "accounts.deactivated",
    "accounts.work_reassigned",
    "accounts.2fa_reset_requested",
    "accounts.2fa_reset_done",
    "accounts.2fa_reset_cancelled",
    "accounts.settings_changed",
    "audit.exported",
    "audit.pruned",
    # Downloads and erasure of other apps (registered there; listed here by name).
    "insights.exported",
    "privacy.export_made",
    "privacy.erasure_carried_out",
    "privacy.account_erased",
    "privacy.unheld_request_closed",
    "records.declaration_downloaded",
    "records.document_downloaded",
    "records.mdto_exported",
)
