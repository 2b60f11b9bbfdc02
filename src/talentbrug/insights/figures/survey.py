"""The obstacle survey (guidance, language, culture) at 3 and 6 months, reported the way
the magazine does."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.onboarding.models import ObstacleSurvey

from .. import tables as t
from ..constants import MIN_CELL
from .scope import Scope, onboarding_plans, too_big

OBSTACLE_LABELS = {
    "guidance": _("Begeleiding"),
    "language": _("Taal"),
    "culture": _("Cultuur"),
}


def obstacle_table(scope: Scope) -> t.Table:
    """The magazine's '28 % / 31 % / 49 %': of those who answered, the share naming each."""
    answers: dict[str, list[list[str]]] = {"3": [], "6": []}
    given = ObstacleSurvey.objects.filter(
        plan__in=onboarding_plans(scope), submitted_at__gte=scope.start, submitted_at__lt=scope.end
    ).values_list("moment", "obstacles")
    heavy = too_big("rows", given)
    for moment, obstacles in [] if heavy else given:
        answers.setdefault(moment, []).append(obstacles or [])
    columns = []
    wholes = {}
    for moment in ("3", "6"):
        wholes[moment] = t.count(len(answers[moment]))
        columns += [
            t.column(t.msg(_("Na %(n)s maanden: aantal"), n=int(moment))),
            t.column(t.msg(_("Na %(n)s maanden: aandeel"), n=int(moment)), t.PERCENT),
        ]
    rows = [
        t.row(
            _("Vragenlijst ingevuld"),
            [cell for m in ("3", "6") for cell in (wholes[m], {"v": None, "s": False})],
            total=True,
        )
    ]
    for key, label in OBSTACLE_LABELS.items():
        cells = []
        for moment in ("3", "6"):
            named = t.count(sum(1 for chosen in answers[moment] if key in chosen))
            cells += [named, t.share(named, wholes[moment])]
        rows.append(t.row(label, cells))
    answered = any(answers.values())
    table = t.make_table(
        "obstakels",
        _("Wat nieuwe collega's lastig vinden: begeleiding, taal, cultuur"),
        t.msg(
            _(
                "Geteld: nieuwe collega's die in de gekozen periode de korte, vrijwillige vragenlijst "
                "na 3 of 6 maanden invulden. Aandeel: van wie de lijst invulde, hoeveel procent dit "
                "noemde (iemand kan meer dan één ding noemen, dus samen kan het meer dan 100%% "
                "zijn). Wie de lijst oversloeg, telt niet mee. Antwoorden per persoon ziet niemand; "
                "aantallen onder de %(n)s tonen we niet."
            ),
            n=MIN_CELL,
        ),
        columns,
        rows if answered else [],
        chart=1 if answered else None,
    )
    return t.pending(table) if heavy else table
