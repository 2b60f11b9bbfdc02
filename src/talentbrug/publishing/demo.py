"""Demo channels for the published servicedesk vacancy."""

from __future__ import annotations

from typing import Any

from talentbrug.accounts.constants import Role

from . import services
from .constants import ChannelKind

DEMO_CHANNELS = [
    ("ROC Rijnland ICT", ChannelKind.MBO_SCHOOL),
    ("VluchtelingenWerk regio Noord", ChannelKind.REFUGEE_ORGANISATION),
    ("Werken voor Nederland", ChannelKind.JOB_BOARD),
]


def seed(context: dict[str, Any]) -> None:
    vacancy = context["vacancies"]["servicedesk"]
    hr = context["users"]["hr.dictu"]
    channels = [
        services.create_channel(vacancy, user=hr, roles=[Role.HR_ADVISER], name=name, kind=kind)
        for name, kind in DEMO_CHANNELS
    ]
    context["channels"] = {channel.name: channel for channel in channels}
