"""The only place that changes publishing state: channels and their visit counts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import Vacancy

from .constants import ChannelKind
from .models import Channel, new_code


def _require(roles: Iterable[str], action: str) -> None:
    if not set(roles) & PERMISSIONS[action]:
        raise PermissionDenied(_("Uw rol mag dit niet."))


@transaction.atomic
def create_channel(
    vacancy: Vacancy, *, user: Any, roles: Iterable[str], name: str, kind: str
) -> Channel:
    """A new channel with a fresh short code for the tracked link; audited."""
    _require(roles, "publishing.manage")
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Vul een naam in, zoals 'ROC Rijnland ICT'.")})
    if kind not in ChannelKind.values:
        raise ValidationError({"kind": _("Kies een soort kanaal uit de lijst.")})
    if vacancy.channels.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("Deze vacature heeft al een kanaal met deze naam.")})
    for _attempt in range(5):
        code = new_code()
        if not Channel.objects.filter(code=code).exists():
            break
    else:  # pragma: no cover - 31^7 codes
        raise ValidationError(_("Er kon geen unieke code worden gemaakt. Probeer het nog eens."))
    try:
        with transaction.atomic():
            channel = Channel.objects.create(
                organisation=vacancy.organisation,
                vacancy=vacancy,
                name=name[:120],
                kind=kind,
                code=code,
                created_by=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise ValidationError(
            {"name": _("Deze vacature heeft al een kanaal met deze naam.")}
        ) from None
    record_event(
        "publishing.channel_created",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        channel=channel.pk,
        kind=kind,
    )
    return channel


@transaction.atomic
def stop_channel(channel: Channel, *, user: Any, roles: Iterable[str]) -> Channel:
    """Stop counting a channel (its link keeps leading to the vacancy); audited."""
    _require(roles, "publishing.manage")
    if channel.is_active:
        channel.is_active = False
        channel.save(update_fields=["is_active"])
        record_event(
            "publishing.channel_stopped",
            actor=user,
            organisation=channel.organisation,
            obj=channel.vacancy,
            channel=channel.pk,
        )
    return channel


def count_visit(channel: Channel) -> None:
    """One more visit via this channel: a counter only, no personal data, no IP address."""
    if not channel.is_active:
        return
    Channel.objects.filter(pk=channel.pk).update(
        visit_count=F("visit_count") + 1, last_visit_on=timezone.localdate()
    )
