"""Insights figures about applications: per route, channel and language."""

from __future__ import annotations

import json
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.applications.constants import staff_route_choices
from talentbrug.applications.models import Application

from .. import tables as t
from .scope import Scope, grouped, shared, too_big


def _applications(scope: Scope) -> QuerySet[Any]:

    qs = Application.objects.filter(
        submitted_at__gte=scope.start, submitted_at__lt=scope.end, candidate__isnull=False
    )
    return scope.vacancy_filter(scope.orgs(qs), "vacancy")


def application_counts(scope: Scope) -> dict[str, dict[str, int]]:

    qs = _applications(scope)
    routes = grouped(qs, "route")
    channels = grouped(qs, "channel__name")
    languages = grouped(qs, "candidate__preferred_language")

    return {
        "route": {str(label): routes.get(value, 0) for value, label in staff_route_choices()},
        "channel": {
            (name or _("onbekend")): n for name, n in sorted(channels.items(), key=lambda i: -i[1])
        },
        "language": {
            # Named in the reader's language when shown ("Arabisch"), not its own ("العربية").
            t.label_key(t.language(code)): n
            for code, n in sorted(languages.items(), key=lambda i: -i[1])
        },
    }


APPLICATION_DEFINITION = _(
    "Geteld: sollicitaties die in de gekozen periode zijn verstuurd (datum van versturen), "
    "ook als ze later zijn ingetrokken of afgewezen. Niet geteld: sollicitaties waarvan de "
    "gegevens al zijn verwijderd."
)


def _stored(key: str) -> t.Text:
    """A label back from :func:`tables.label_key`."""
    return json.loads(key) if key.startswith("{") else key


def application_tables(scope: Scope) -> list[t.Table]:
    scopes = [scope] if scope.is_rijk else [scope, scope.rijk]
    heavy = too_big("counted", *(_applications(s) for s in scopes))
    empty: dict[str, dict[str, int]] = {"route": {}, "channel": {}, "language": {}}
    own = empty if heavy else shared(("applications", scope), lambda: application_counts(scope))
    rijk = None
    if not scope.is_rijk and not heavy:
        rijk = shared(("applications", scope.rijk), lambda: application_counts(scope.rijk))
    specs = [
        ("route", _("Sollicitaties per manier van solliciteren"), ""),
        (
            "channel",
            _("Sollicitaties per kanaal"),
            _(" Kanaal: waar de kandidaat de vacature vond (eerste klik)."),
        ),
        (
            "language",
            _("Sollicitaties per taal"),
            _(" Taal: de taal die de kandidaat koos voor de pagina's en e-mails."),
        ),
    ]
    tables = [
        t.distribution(
            f"sollicitaties-{key}",
            title,
            [APPLICATION_DEFINITION, extra],
            [(_stored(label), n) for label, n in own[key].items()],
            rijk=rijk[key] if rijk else None,
        )
        for key, title, extra in specs
    ]
    return [t.pending(table) for table in tables] if heavy else tables
