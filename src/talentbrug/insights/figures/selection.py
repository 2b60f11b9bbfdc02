"""Insights figures about selection: pass-through per stage per group, statushouders,
time to hire, time in each stage, offers and acceptance."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.applications.constants import staff_route_choices
from talentbrug.assessments.constants import Refugee
from talentbrug.audit.models import AuditEvent
from talentbrug.selection.constants import OfferStatus, StageKind
from talentbrug.selection.models import ApplicationProgress, Offer, Stage

from .. import tables as t
from ..constants import MIN_CELL
from .groups import REFUGEE_DIMENSION, in_scope, progress_rows
from .scope import FUNNEL_KINDS, Scope, grouped, shared, sharing, too_big


def pass_through_table(rows: list[dict[str, Any]]) -> t.Table:
    """Per group: how many reached each stage; a total row per dimension for the check."""

    stage_labels = [str(StageKind(kind).label) for kind in FUNNEL_KINDS]
    by_group: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item in rows:
        for key in item["groups"]:
            by_group[key].append(item["reached"])
    # Dimensions in the order they are asked (the voluntary ones last); groups alphabetical.
    dimensions: dict[str, list[str]] = {}
    for dimension, _group in by_group:
        dimensions.setdefault(dimension, [])
    for dimension, group in sorted(by_group):
        dimensions[dimension].append(group)
    table_rows = []
    for dimension, groups in dimensions.items():
        group_cells = []
        for group in groups:
            reached = by_group[(dimension, group)]
            counts = [t.count(sum(1 for r in reached if r >= i)) for i in range(len(FUNNEL_KINDS))]
            group_cells.append(counts)
        all_reached = [r for g in groups for r in by_group[(dimension, g)]]
        totals = [t.count(sum(1 for r in all_reached if r >= i)) for i in range(len(FUNNEL_KINDS))]
        # A group under five: hide the whole row, not just its small cells.
        for counts in group_cells:
            if counts[0]["s"]:
                for cell in counts:
                    t.hide(cell)
        for i in range(len(FUNNEL_KINDS)):
            t.protect_group([counts[i] for counts in group_cells], totals[i])
        for group, counts in zip(groups, group_cells, strict=True):
            cells = [*counts, t.share(counts[-1], counts[0])]
            table_rows.append(
                t.row(t.msg(_("%(dimension)s: %(group)s"), dimension=dimension, group=group), cells)
            )
        table_rows.append(
            t.row(
                t.msg(_("%(dimension)s: totaal"), dimension=dimension),
                [*totals, t.share(totals[-1], totals[0])],
                total=True,
            )
        )
    columns = [t.column(label) for label in stage_labels] + [
        t.column(_("Van sollicitatie tot aangenomen"), t.PERCENT)
    ]
    return t.make_table(
        "doorstroom",
        _("Doorstroom per fase, per groep"),
        t.msg(
            _(
                "Geteld: sollicitaties die in de gekozen periode zijn verstuurd en in de selectie "
                "staan, met de verste fase die ze bereikten (wie een fase bereikte, telt ook mee "
                "bij de fasen ervoor). Afgewezen of teruggetrokken telt bij de fase waar dat "
                "gebeurde. Opleiding en Nederlands komen uit wat de kandidaat zelf invulde; "
                "de vragen met '(vrijwillig)' alleen uit de vrijwillige vragenlijst, en alleen als de "
                "kandidaat die vraag beantwoordde. Die antwoorden ziet niemand die beslist; ze staan hier "
                "alleen opgeteld. Groepen onder de %(n)s tonen we niet."
            ),
            n=MIN_CELL,
        ),
        columns,
        table_rows,
        chart=len(columns) - 1 if table_rows else None,
    )


def _offers(scope: Scope) -> QuerySet[Any]:

    qs = Offer.objects.filter(created_at__gte=scope.start, created_at__lt=scope.end)
    return scope.vacancy_filter(scope.orgs(qs, "progress__organisation"), "progress__vacancy")


OFFER_DEFINITION = _(
    "Geteld: aanbiedingen die in de gekozen periode zijn gedaan, met hun stand nu: "
    "nog open (gedaan), geaccepteerd, of afgewezen door de kandidaat."
)


def offer_table(scope: Scope) -> t.Table:

    def counts(s: Scope) -> dict[str, int]:
        found = grouped(_offers(s), "status")
        return {str(label): found.get(value, 0) for value, label in OfferStatus.choices}

    scopes = [scope] if scope.is_rijk else [scope, scope.rijk]
    if too_big("counted", *(_offers(s) for s in scopes)):
        return t.pending(
            t.distribution(
                "aanbod", _("Aanbod en acceptatie"), OFFER_DEFINITION, [], what=_("Aanbiedingen")
            )
        )
    return t.distribution(
        "aanbod",
        _("Aanbod en acceptatie"),
        OFFER_DEFINITION,
        shared(("offers", scope), lambda: counts(scope)).items(),
        rijk=None if scope.is_rijk else shared(("offers", scope.rijk), lambda: counts(scope.rijk)),
        what=_("Aanbiedingen"),
    )


def time_to_hire_table(scope: Scope) -> t.Table:

    offers = _offers(scope).filter(status=OfferStatus.ACCEPTED, decided_at__isnull=False)
    accepted = offers.values_list(
        "progress__application__route", "progress__application__submitted_at", "decided_at"
    )
    heavy = too_big("rows", offers)
    days: dict[str, list[int]] = defaultdict(list)
    for route, submitted, decided in [] if heavy else accepted:
        if submitted:
            days[route].append(max(0, (decided - submitted).days))
    labels = [(value, str(label)) for value, label in staff_route_choices()]
    counts = [t.count(len(days.get(value, []))) for value, _label in labels]
    everyone = [d for values in days.values() for d in values]
    total = t.count(len(everyone))
    t.protect_group(counts, total)

    def median(values: list[int], basis: t.Cell) -> t.Cell:
        return t.based_on(round(statistics.median(values)) if values else None, basis)

    rows = [
        t.row(label, [counts[i], median(days.get(value, []), counts[i])])
        for i, (value, label) in enumerate(labels)
    ]
    rows.append(t.row(_("Alle manieren"), [total, median(everyone, total)], total=True))
    table = t.make_table(
        "tijd-tot-aanname",
        _("Tijd tot aanname"),
        _(
            "Geteld: aanbiedingen die in de gekozen periode zijn gedaan en die de kandidaat "
            "accepteerde. Tijd: dagen van het versturen van de sollicitatie tot de dag dat de "
            "kandidaat ja zei (mediaan: de helft was sneller, de helft langzamer). De tijd per "
            "fase staat in de tabel hieronder."
        ),
        [t.column(_("Aangenomen")), t.column(_("Mediaan in dagen"), t.DAYS)],
        rows,
        chart=1,
    )
    return t.pending(table) if heavy else table


def refugee_table(rows: list[dict[str, Any]]) -> t.Table:
    """The magazine's 'statushouders' figure: only from the voluntary form, never per person."""
    yes, no = str(Refugee.YES.label), str(Refugee.NO.label)
    answers = [
        (group, item["reached"])
        for item in rows
        for dimension, group in item["groups"]
        if dimension == REFUGEE_DIMENSION
    ]
    hired = FUNNEL_KINDS.index("hired")
    interview = FUNNEL_KINDS.index("interview")
    table_rows = []
    for label, test in (
        (_("Gesolliciteerd"), lambda reached: True),
        (_("Op gesprek geweest"), lambda reached: reached >= interview),
        (_("Aangenomen"), lambda reached: reached >= hired),
    ):
        said_yes = t.count(sum(1 for g, r in answers if g == yes and test(r)))
        said_no = t.count(sum(1 for g, r in answers if g == no and test(r)))
        total = t.count(sum(1 for _g, r in answers if test(r)))
        t.protect_group([said_yes, said_no], total)
        table_rows.append(t.row(label, [total, said_yes, said_no, t.share(said_yes, total)]))
    return t.make_table(
        "statushouders",
        _("Statushouders in de selectie"),
        t.msg(
            _(
                "Geteld: sollicitaties uit de doorstroom hierboven waarbij de kandidaat in de "
                "vrijwillige vragenlijst antwoordde op de vraag of die naar Nederland is gevlucht "
                "en een verblijfsvergunning asiel heeft. Wie 'zeg ik liever niet' koos of de lijst "
                "niet invulde, telt niet mee. De antwoorden staan los van de sollicitatie: niemand "
                "die beslist ziet ze. Aantallen onder de %(n)s tonen we niet."
            ),
            n=MIN_CELL,
        ),
        [
            t.column(_("Vraag beantwoord")),
            t.column(_("Statushouder")),
            t.column(_("Geen statushouder")),
            t.column(_("Aandeel statushouders"), t.PERCENT),
        ],
        table_rows if answers else [],
        chart=3 if answers else None,
    )


def stage_time_table(scope: Scope) -> t.Table:
    """Days an application stayed in each stage, from the moves in the selection's log."""

    # A move is logged with the stage it left and the moment; the first stay starts when the
    # application was sent. Only stays that ended count (who is still in a stage has no time).
    def load(stages: QuerySet[Any], events: QuerySet[Any]) -> tuple[dict[int, str], Any]:
        moves: dict[str, list[tuple[datetime, Any]]] = defaultdict(list)
        for object_id, created, data in events.values_list(
            "object_id", "created_at", "data"
        ).iterator(chunk_size=5000):
            moves[object_id].append((created, data.get("from_stage")))
        return dict(stages.values_list("pk", "kind").iterator(chunk_size=5000)), moves

    events = AuditEvent.objects.filter(event_type="selection.moved")
    days: dict[str, list[float]] = defaultdict(list)
    if sharing() and not scope.vacancy_id:
        # The periodic job: every move once, and every application's stays once.
        kinds, all_moves = shared("moves", lambda: load(Stage.objects.all(), events))
        known: dict[str, list[tuple[str, float]]] = shared("stays", dict)
        for values in in_scope(scope):
            key = str(values[0])
            if key not in known:
                known[key] = _stays(all_moves.get(key, []), values[8], kinds)
            for kind, stay in known[key]:
                days[kind].append(stay)
        return stage_time_table_for(days)

    progresses = ApplicationProgress.objects.filter(
        application__submitted_at__gte=scope.start,
        application__submitted_at__lt=scope.end,
        application__candidate__isnull=False,
    )
    progresses = scope.vacancy_filter(scope.orgs(progresses), "vacancy")
    submitted = {
        str(pk): when
        for pk, when in progresses.values_list("pk", "application__submitted_at").iterator(
            chunk_size=5000
        )
    }
    events = events.filter(created_at__gte=scope.start)
    if scope.vacancy_id:  # one vacancy: only its applications' moves
        events = events.filter(object_id__in=list(submitted))
    if scope.organisation_ids is not None:
        events = events.filter(organisation_id__in=scope.organisation_ids)
    stages = Stage.objects.filter(vacancy_id__in=progresses.values("vacancy_id"))
    kinds, all_moves = load(stages, events)
    for key, entered in submitted.items():
        for kind, stay in _stays(all_moves.get(key, []), entered, kinds):
            days[kind].append(stay)
    return stage_time_table_for(days)


def _stays(
    moves: list[tuple[datetime, Any]], entered: datetime | None, kinds: dict[int, str]
) -> list[tuple[str, float]]:
    """(stage kind, days) of each stay of one application that ended with a logged move;
    the first stay starts when the application was sent."""
    stays = []
    for created, from_stage in sorted(moves, key=lambda item: item[0]):
        kind = kinds.get(from_stage)
        if kind in FUNNEL_KINDS and entered is not None:
            stays.append((kind, max(0.0, (created - entered).total_seconds() / 86400)))
        entered = created
    return stays


def stage_time_table_for(days: dict[str, list[float]]) -> t.Table:
    """The table of time in each stage from the days of each stay, per stage kind."""
    rows = []
    for kind in FUNNEL_KINDS[:-1]:  # nobody leaves 'aangenomen' by moving on
        values = days.get(kind, [])
        stays = t.count(len(values))
        median = round(statistics.median(values)) if values else None
        rows.append(t.row(str(StageKind(kind).label), [stays, t.based_on(median, stays)]))
    return t.make_table(
        "tijd-per-fase",
        _("Tijd in elke fase"),
        _(
            "Geteld: sollicitaties die in de gekozen periode zijn verstuurd en die een fase "
            "verlieten (naar een volgende fase, of afgewezen of teruggetrokken). Tijd: dagen "
            "van binnenkomen in de fase tot de verplaatsing, zoals het logboek van de selectie "
            "die bewaart; de eerste fase begint bij het versturen. Wie nu nog in een fase "
            "staat, telt daar (nog) niet mee. Mediaan: de helft was sneller, de helft langzamer."
        ),
        [t.column(_("Verplaatst uit de fase")), t.column(_("Mediaan in dagen"), t.DAYS)],
        rows if any(days.values()) else [],
        chart=1 if any(days.values()) else None,
    )


def selection_tables(scope: Scope) -> list[t.Table]:
    in_selection = ApplicationProgress.objects.filter(
        application__submitted_at__gte=scope.start,
        application__submitted_at__lt=scope.end,
        application__candidate__isnull=False,
    )
    if too_big("applications", scope.vacancy_filter(scope.orgs(in_selection), "vacancy")):
        return [
            t.pending(pass_through_table([])),
            t.pending(refugee_table([])),
            time_to_hire_table(scope),
            t.pending(stage_time_table_for({})),
            offer_table(scope),
        ]
    progress = progress_rows(scope)
    return [
        pass_through_table(progress),
        refugee_table(progress),
        time_to_hire_table(scope),
        stage_time_table(scope),
        offer_table(scope),
    ]
