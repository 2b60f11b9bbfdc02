"""Insights figures about vacancies: mbo level, NT2, diploma-only requirements, job carving,
and the vacancy check's findings per rule over time."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.textcheck.messages import MESSAGES
from talentbrug.vacancies.checking import check_vacancy
from talentbrug.vacancies.constants import Evidence, RequirementKind, WerkDenkniveau
from talentbrug.vacancies.models import Requirement, Vacancy

from .. import tables as t
from .scope import Scope, shared, too_big


def _vacancies(scope: Scope) -> QuerySet[Any]:

    qs = Vacancy.objects.filter(
        is_template=False, published_at__gte=scope.start, published_at__lt=scope.end
    )
    qs = scope.orgs(qs)
    if scope.family:
        qs = qs.filter(vakgebied=scope.family)
    return qs


def vacancy_counts(scope: Scope) -> tuple[int, dict[str, int]]:
    """(published vacancies, {indicator label: vacancies}) — the magazine's vacancy figures."""

    qs = _vacancies(scope)
    agg = qs.aggregate(
        total=Count("pk"),
        mbo=Count("pk", filter=Q(werk_denkniveau=WerkDenkniveau.MBO)),
        nt2=Count("pk", filter=Q(nt2_welcome=True)),
        carved=Count(
            "pk", filter=Q(carved_from__isnull=False) | Q(carved_from_occupation__isnull=False)
        ),
    )
    diploma_only = {
        vacancy_id
        for vacancy_id, evidence in Requirement.objects.filter(
            vacancy__in=qs, kind=RequirementKind.MUST_HAVE
        ).values_list("vacancy_id", "evidence")
        if evidence and set(evidence) == {Evidence.DIPLOMA.value}
    }
    return agg["total"], {
        _("Op mbo-niveau geschreven"): agg["mbo"],
        _("Met de zin 'Nederlands als tweede taal welkom'"): agg["nt2"],
        _("Zonder eis die alleen met een diploma kan"): agg["total"] - len(diploma_only),
        _("Gesneden functie (job carving)"): agg["carved"],
    }


VACANCY_DEFINITION = _(
    "Geteld: vacatures die in de gekozen periode voor het eerst zijn gepubliceerd (datum van "
    "publicatie). Niet geteld: sjablonen en vacatures die nooit zijn gepubliceerd. 'Op "
    "mbo-niveau': werk- en denkniveau mbo. 'Zonder eis die alleen met een diploma kan': geen "
    "enkele eis bij de start waarvan het enige bewijs een diploma is. 'Gesneden functie': "
    "gemaakt met job carving uit een andere vacature of een beroep."
)


def vacancy_tables(scope: Scope) -> list[t.Table]:
    scopes = [scope] if scope.is_rijk else [scope, scope.rijk]
    # The counts read every must-have requirement of every vacancy in scope (and the Rijk).
    requirements = (
        Requirement.objects.filter(vacancy__in=_vacancies(s), kind=RequirementKind.MUST_HAVE)
        for s in scopes
    )
    if too_big("rows", *requirements):
        counted = t.pending(
            t.indicators(
                "vacatures",
                _("Vacatures voor mbo'ers en nieuwkomers"),
                VACANCY_DEFINITION,
                _("Gepubliceerde vacatures"),
                0,
                [],
            )
        )
    else:
        total, parts = shared(("vacancies", scope), lambda: vacancy_counts(scope))
        rijk = None
        if not scope.is_rijk:
            rijk = shared(("vacancies", scope.rijk), lambda: vacancy_counts(scope.rijk))
        counted = t.indicators(
            "vacatures",
            _("Vacatures voor mbo'ers en nieuwkomers"),
            VACANCY_DEFINITION,
            _("Gepubliceerde vacatures"),
            total,
            parts.items(),
            rijk=rijk,
        )
    if too_big("vacancies", _vacancies(scope)):
        return [counted, t.pending(finding_table_for([], []))]
    return [counted, finding_table(scope)]


def rule_label(rule_id: str) -> str:

    message = MESSAGES.get(rule_id)
    if message is None:
        return rule_id
    first = message.explanation.split(". ")[0].rstrip(".")
    # The explanation names the flagged word; a figure over many vacancies has no one word.
    first = re.sub(r":\s*'\{[a-z_]+\}'$", "", first)
    first = re.sub(r"\{[a-z_]+\}", "…", first)
    first = first[:1].upper() + first[1:]
    return first if len(first) <= 90 else first[:87].rstrip() + "…"


def _quarter(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.year} K{(local.month - 1) // 3 + 1}"


def _quarter_label(quarter: str) -> t.Text:
    year, number = quarter.split(" K")
    return t.msg(_("%(year)s K%(quarter)s"), year=year, quarter=number)


def finding_table(scope: Scope) -> t.Table:
    """Per rule of the vacancy check: vacancies with that finding, per quarter of publication."""

    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    quarters: set[str] = set()
    # The findings of one vacancy are checked once per run of the job (for every combination).
    found = shared("findings", dict)
    published = dict(_vacancies(scope).values_list("pk", "published_at"))
    missing = [pk for pk in published if pk not in found]
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        for vacancy in (
            _vacancies(scope)
            .filter(pk__in=chunk)
            .prefetch_related("language_requirements", "requirements")
        ):
            found[vacancy.pk] = {f.rule_id for f in check_vacancy(vacancy).all_findings}
    for pk, when in published.items():
        quarter = _quarter(when)
        quarters.add(quarter)
        for rule_id in found[pk]:
            per_rule[rule_id][quarter] += 1
    return finding_table_for(sorted(quarters), list(per_rule.items()))


def finding_table_for(ordered: list[str], counted: list[tuple[str, Counter[str]]]) -> t.Table:
    """The table of findings per rule (per quarter) from the counts."""
    top = sorted(counted, key=lambda item: (-sum(item[1].values()), item[0]))[:12]
    rows = [
        t.row(
            {"rule": rule},
            [t.count(counts[q]) for q in ordered] + [t.count(sum(counts.values()))],
        )
        for rule, counts in top
    ]
    columns = [t.column(_quarter_label(q)) for q in ordered] + [t.column(_("Hele periode"))]
    return t.make_table(
        "vacaturecheck",
        _("Bevindingen van de vacaturecheck, per regel"),
        _(
            "Geteld: gepubliceerde vacatures (zie hierboven) met ten minste één bevinding van "
            "die regel in de tekst zoals die nu is, per kwartaal van publicatie. Een vacature "
            "met twee bevindingen van dezelfde regel telt één keer. De twaalf regels die het "
            "vaakst voorkomen."
        ),
        columns,
        rows,
        chart=len(ordered) if rows else None,
    )
