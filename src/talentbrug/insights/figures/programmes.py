"""Insights figures about programmes: cohorts and their progress, BBL places and internships."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.programmes.constants import PlacementKind, PlacementState
from talentbrug.programmes.models import Cohort, Placement

from .. import tables as t
from .scope import Scope, too_big


def programme_tables(scope: Scope) -> list[t.Table]:

    start, end = timezone.localtime(scope.start).date(), timezone.localtime(scope.end).date()
    cohorts = Cohort.objects.filter(starts_on__lt=end, ends_on__gte=start)
    if scope.organisation_ids is not None:
        cohorts = cohorts.filter(
            Q(organisation_id__in=scope.organisation_ids)
            | Q(participating_organisations__in=scope.organisation_ids)
        ).distinct()
    cohort_rows = []
    many_members = too_big("rows", OnboardingPlan.objects.filter(cohorts__in=cohorts))
    for cohort in (
        []
        if many_members
        else cohorts.order_by("starts_on", "name").prefetch_related("members__tasks")
    ):
        members = list(cohort.members.all())
        if scope.organisation_ids is not None:
            members = [m for m in members if m.organisation_id in scope.organisation_ids]
        n = t.count(len(members))
        progress = round(sum(p.progress() for p in members) / len(members)) if members else None
        cohort_rows.append(t.row(cohort.name, [n, t.based_on(progress, n)]))
    tables = [
        t.make_table(
            "lichtingen",
            _("Lichtingen"),
            _(
                "Geteld: lichtingen en traineegroepen die in de gekozen periode liepen, met "
                "hun deelnemers (bij een organisatie: alleen de eigen deelnemers). Voortgang: "
                "het gemiddelde deel van de taken in de inwerkplannen dat klaar is."
            ),
            [t.column(_("Deelnemers")), t.column(_("Gemiddelde voortgang"), t.PERCENT)],
            cohort_rows,
            chart=0 if cohort_rows else None,
        )
    ]
    if many_members:
        tables[0] = t.pending(tables[0])
    today = timezone.localdate()
    place_rows = []
    many_places = too_big("rows", scope.orgs(Placement.objects.all()))
    for kind, label in PlacementKind.choices:
        places = scope.orgs(Placement.objects.filter(kind=kind))
        states = Counter(p.state(today) for p in ([] if many_places else places))
        filled = states[PlacementState.FILLED] + states[PlacementState.ENDING]
        parts = [
            t.count(filled),
            t.count(states[PlacementState.OPEN]),
            t.count(states[PlacementState.LATER]),
        ]
        total = t.count(sum(states.values()))
        t.protect_group(parts, total)
        place_rows.append(t.row(str(label), [total, *parts, t.share(parts[0], total)]))
    places_table = t.make_table(
        "leerplekken",
        _("BBL-plekken en stageplekken, nu"),
        _(
            "Geteld: alle leerplekken zoals ze vandaag staan (de gekozen periode geldt hier "
            "niet). Bezet: er werkt of leert nu een student, ook als de plek binnenkort "
            "afloopt. Nog niet beschikbaar: de plek begint later."
        ),
        [
            t.column(_("Plekken")),
            t.column(_("Bezet")),
            t.column(_("Vrij")),
            t.column(_("Nog niet beschikbaar")),
            t.column(_("Aandeel bezet"), t.PERCENT),
        ],
        place_rows,
        chart=4,
    )
    tables.append(t.pending(places_table) if many_places else places_table)
    return tables
