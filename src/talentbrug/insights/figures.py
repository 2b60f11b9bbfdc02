"""The figures of Insights, computed from the apps' own data for one scope.

Every function takes a :class:`Scope` and returns tables (see :mod:`.tables`). Their texts
are Dutch message ids (``gettext_noop``), translated when a page shows them. Each table
carries its written definition: what is counted, from when, what is excluded. These are the
computations that used to live on the figure pages of selection (fairness per stage),
programmes (cohorts and learning places) and onboarding (the 'verbazingen' themes).
"""

from __future__ import annotations

import calendar
import json
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.applications.constants import Route
from talentbrug.applications.models import Application, Education, LanguageProficiency
from talentbrug.assessments.constants import AgeGroup, BornAbroad, Disability, Gender
from talentbrug.assessments.models import DiversityResponse, DiversitySetting
from talentbrug.onboarding.constants import Health, PlanStatus
from talentbrug.onboarding.figures import THEME_LABELS
from talentbrug.onboarding.models import CheckIn, OnboardingPlan, Surprise
from talentbrug.onboarding.services.wellbeing import health
from talentbrug.programmes.constants import PlacementKind, PlacementState
from talentbrug.programmes.models import Cohort, Placement
from talentbrug.selection.constants import EducationGroup, LanguageGroup, OfferStatus, StageKind
from talentbrug.selection.models import ApplicationProgress, Offer, Stage
from talentbrug.textcheck.messages import MESSAGES
from talentbrug.vacancies.checking import check_vacancy
from talentbrug.vacancies.constants import Evidence, RequirementKind, WerkDenkniveau
from talentbrug.vacancies.models import Requirement, Vacancy

from . import tables as t
from .constants import MIN_CELL, Section

FUNNEL_KINDS = ("new", "screening", "assessment", "interview", "offer", "hired")

_SHARED: ContextVar[dict[Any, Any] | None] = ContextVar("insights_shared_work", default=None)


@contextmanager
def shared_work() -> Iterator[None]:
    """One run of the periodic job over every filter combination: work that is the same for
    many combinations (the vacancy check of one vacancy, the groups of one candidate, the
    Rijk's figures beside an organisation's) is done once and reused within the run."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def _shared(key: Any, compute: Callable[[], Any]) -> Any:
    memo = _SHARED.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _sharing() -> bool:
    return _SHARED.get() is not None


# Live figures (a page without a snapshot): tables whose work grows with every row in scope
# (the vacancy check of every vacancy, the groups of every application, every logged move)
# are only computed when the scope holds at most this many of those rows; bigger ones come
# back as pending tables (``tables.pending``). The periodic job has no limit.
LIVE_LIMITS = {"vacancies": 40, "applications": 1_000, "plans": 300}
_LIVE: ContextVar[bool] = ContextVar("insights_live", default=False)


@contextmanager
def live() -> Iterator[None]:
    """Compute as a page does while someone waits: heavy tables of big scopes are pending."""
    token = _LIVE.set(True)
    try:
        yield
    finally:
        _LIVE.reset(token)


def _too_big(kind: str, rows: Callable[[], int]) -> bool:
    """In live mode: does the scope hold more rows of ``kind`` than a request may work on?"""
    return _LIVE.get() and not _sharing() and rows() > LIVE_LIMITS[kind]


@dataclass(frozen=True)
class Scope:
    """Which data a set of figures is about.

    ``organisation_ids`` None means the whole Rijk. ``start``/``end`` are aware datetimes
    (end exclusive). ``family`` is a vakgebied code, or "" for every family.
    """

    organisation_ids: tuple[int, ...] | None
    start: datetime
    end: datetime
    family: str = ""
    vacancy_id: int | None = None

    @property
    def rijk(self) -> Scope:
        return Scope(None, self.start, self.end, self.family)

    @property
    def is_rijk(self) -> bool:
        return self.organisation_ids is None

    def orgs(self, queryset: QuerySet[Any], path: str = "organisation") -> QuerySet[Any]:
        if self.organisation_ids is None:
            return queryset
        return queryset.filter(**{f"{path}_id__in": self.organisation_ids})

    def vacancy_filter(self, queryset: QuerySet[Any], path: str) -> QuerySet[Any]:
        """Vacancy family and (on the selection page) one vacancy."""
        if self.family:
            queryset = queryset.filter(**{f"{path}__vakgebied": self.family})
        if self.vacancy_id:
            queryset = queryset.filter(**{f"{path}_id": self.vacancy_id})
        return queryset

    def period_text(self) -> str:
        last = self.end - timedelta(seconds=1)
        return gettext("%(start)s tot en met %(end)s") % {
            "start": date_format(timezone.localtime(self.start).date(), "j F Y"),
            "end": date_format(timezone.localtime(last).date(), "j F Y"),
        }


# ---------------------------------------------------------------------------------- vacancies


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
    total, parts = _shared(("vacancies", scope), lambda: vacancy_counts(scope))
    rijk = None
    if not scope.is_rijk:
        rijk = _shared(("vacancies", scope.rijk), lambda: vacancy_counts(scope.rijk))
    tables = [
        t.indicators(
            "vacatures",
            _("Vacatures voor mbo'ers en nieuwkomers"),
            VACANCY_DEFINITION,
            _("Gepubliceerde vacatures"),
            total,
            parts.items(),
            rijk=rijk,
        )
    ]
    if _too_big("vacancies", _vacancies(scope).count):
        tables.append(t.pending(finding_table_for([], [])))
    else:
        tables.append(finding_table(scope))
    return tables


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
    found = _shared("findings", dict)
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


# ------------------------------------------------------------------------------- applications


def _applications(scope: Scope) -> QuerySet[Any]:

    qs = Application.objects.filter(
        submitted_at__gte=scope.start, submitted_at__lt=scope.end, candidate__isnull=False
    )
    return scope.vacancy_filter(scope.orgs(qs), "vacancy")


def _grouped(queryset: QuerySet[Any], field: str) -> dict[Any, int]:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


def application_counts(scope: Scope) -> dict[str, dict[str, int]]:

    qs = _applications(scope)
    routes = _grouped(qs, "route")
    channels = _grouped(qs, "channel__name")
    languages = _grouped(qs, "candidate__preferred_language")

    return {
        "route": {str(label): routes.get(value, 0) for value, label in Route.choices},
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
    own = _shared(("applications", scope), lambda: application_counts(scope))
    rijk = None
    if not scope.is_rijk:
        rijk = _shared(("applications", scope.rijk), lambda: application_counts(scope.rijk))
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
    return [
        t.distribution(
            f"sollicitaties-{key}",
            title,
            [APPLICATION_DEFINITION, extra],
            [(_stored(label), n) for label, n in own[key].items()],
            rijk=rijk[key] if rijk else None,
        )
        for key, title, extra in specs
    ]


# ---------------------------------------------------------------------------------- selection


# Groups for the pass-through figures (moved here from selection's fairness page).
FOREIGN_SOURCES = {"idw_requested", "idw_received", "indication"}
DUTCH_COUNTRIES = {"", "nederland", "netherlands", "the netherlands", "nl"}
HIGHER_LEVELS = {"5", "6", "7", "8"}


def education_group(educations: list[tuple[str, str, str, int | None]]) -> str:
    """mbo, hbo/wo, abroad or nothing, from the (country, level_source, level, mbo_level) of
    the educations the candidate gave."""
    if not educations:
        return EducationGroup.NONE
    if any(
        (country or "").strip().lower() not in DUTCH_COUNTRIES or source in FOREIGN_SOURCES
        for country, source, _level, _mbo in educations
    ):
        return EducationGroup.FOREIGN
    if any(level in HIGHER_LEVELS for _country, _source, level, _mbo in educations):
        return EducationGroup.HBO_WO
    if any(level or mbo for _country, _source, level, mbo in educations):
        return EducationGroup.MBO
    return EducationGroup.NONE


def language_group(levels: list[str]) -> str:
    """The best level of Dutch the candidate gave."""
    if not levels:
        return LanguageGroup.NONE
    best = max(levels)  # "A1" < "A2" < "B1" < ... sorts as CEFR order
    if best.startswith("A"):
        return LanguageGroup.BASIC
    if best == "B1":
        return LanguageGroup.B1
    if best == "B2":
        return LanguageGroup.B2
    return LanguageGroup.C


VOLUNTARY_FIELDS = ("gender", "age_group", "born_abroad", "refugee", "disability")
REFUGEE_DIMENSION = _("Statushouder (vrijwillig)")


def _progress_rows(scope: Scope) -> list[dict[str, Any]]:
    """One dict per application in the selection: its groups and how far it came.

    Plain values and subqueries only (no model instances, no long lists of ids), so the
    periodic job handles hundreds of thousands of applications.
    """
    if _sharing() and not scope.vacancy_id:
        # The periodic job: every application's groups once, for every combination.
        lookups = _shared("progress_lookups", lambda: _lookups(None))
        built: dict[int, dict[str, Any]] = _shared("progress_built", dict)
        rows = []
        for values in _in_scope(scope):
            item = built.get(values[1])
            if item is None:
                item = built[values[1]] = _progress_item(values[1:8], *lookups)
            rows.append(item)
        return rows
    qs = ApplicationProgress.objects.filter(
        application__submitted_at__gte=scope.start,
        application__submitted_at__lt=scope.end,
        application__candidate__isnull=False,
    )
    qs = scope.vacancy_filter(scope.orgs(qs), "vacancy")
    lookups = _lookups(qs)
    return [
        _progress_item(values, *lookups)
        for values in qs.values_list(*PROGRESS_FIELDS[1:8]).iterator(chunk_size=5000)
    ]


# One application in the selection, as the figures read it (see _progress_item, _in_scope).
PROGRESS_FIELDS = (
    "pk",
    "application_id",
    "vacancy_id",
    "furthest_order",
    "application__candidate_id",
    "application__route",
    "application__channel__name",
    "organisation_id",
    "application__submitted_at",
    "vacancy__vakgebied",
)


def _in_scope(scope: Scope) -> Iterator[tuple[Any, ...]]:
    """The periodic job: the applications in the selection of ``scope``, from one read of
    all of them (``PROGRESS_FIELDS``), instead of a query per combination."""
    every = _shared(
        "progress_all",
        lambda: list(
            ApplicationProgress.objects.filter(application__candidate__isnull=False)
            .values_list(*PROGRESS_FIELDS)
            .iterator(chunk_size=5000)
        ),
    )
    organisations = None if scope.is_rijk else set(scope.organisation_ids or ())
    for values in every:
        submitted = values[8]
        if submitted is None or not scope.start <= submitted < scope.end:
            continue
        if organisations is not None and values[7] not in organisations:
            continue
        if scope.family and values[9] != scope.family:
            continue
        yield values


def _progress_item(
    values: tuple[Any, ...],
    candidate_groups: CandidateGroups,
    kinds: dict[Any, str],
    answers: dict[int, Any],
) -> dict[str, Any]:
    """How far one application came and its groups, from ``PROGRESS_FIELDS[1:8]``."""
    from talentbrug.applications.constants import Route

    application_id, vacancy_id, furthest, candidate_id, route, channel, holder = values
    kind = kinds.get((vacancy_id, furthest), "new")
    education = candidate_groups.education(candidate_id, holder)
    dutch = candidate_groups.dutch.get(candidate_id, str(LanguageGroup(LanguageGroup.NONE).label))
    groups = [
        (_("Opleiding"), education),
        (_("Nederlands"), dutch),
        (_("Manier van solliciteren"), str(dict(Route.choices).get(route, route))),
        (_("Kanaal"), channel or _("onbekend")),
    ]
    groups += voluntary_groups(answers.get(application_id))
    return {"reached": FUNNEL_KINDS.index(kind) if kind in FUNNEL_KINDS else 0, "groups": groups}


class CandidateGroups:
    """A candidate's education group as one organisation may see it, and Dutch group.

    An education row sent with an application belongs to that application's organisation
    (applications/ownership.py): a figure of organisation A never reads what the candidate
    told organisation B. Rows typed in the portal profile (no application) are the person's own.
    """

    def __init__(
        self,
        educations: dict[tuple[int, int | None], list[tuple[str, str, str, int | None]]],
        dutch: dict[int, str],
    ) -> None:
        self.educations = educations
        self.dutch = dutch
        self._groups: dict[tuple[int, int], str] = {}

    def education(self, candidate_id: int, holder: int) -> str:
        key = (candidate_id, holder)
        if key not in self._groups:
            known = self.educations.get((candidate_id, None), []) + self.educations.get(key, [])
            self._groups[key] = str(EducationGroup(education_group(known)).label)
        return self._groups[key]


def _lookups(qs: QuerySet[Any] | None) -> tuple[CandidateGroups, dict[Any, str], dict[int, Any]]:
    """Per candidate the education rows per holding organisation and the Dutch group; per
    (vacancy, stage order) the stage kind; per application the voluntary answers. For the
    applications in ``qs``, or (None) all of them."""
    from talentbrug.selection.models import Stage

    educations_qs = Education.objects.all()
    dutch_qs = LanguageProficiency.objects.filter(language="nl")
    stages = Stage.objects.all()
    responses = DiversityResponse.objects.all()
    if qs is not None:
        candidates = qs.values("application__candidate_id")
        educations_qs = educations_qs.filter(candidate_id__in=candidates)
        dutch_qs = dutch_qs.filter(candidate_id__in=candidates)
        stages = stages.filter(vacancy_id__in=qs.values("vacancy_id"))
        responses = responses.filter(application_id__in=qs.values("application_id"))
    educations: dict[tuple[int, int | None], list[tuple[str, str, str, int | None]]]
    educations = defaultdict(list)
    for candidate_id, holder, *education in educations_qs.values_list(
        "candidate_id",
        "application__organisation_id",
        "country",
        "level_source",
        "level",
        "mbo_level",
    ).iterator(chunk_size=5000):
        educations[(candidate_id, holder)].append(tuple(education))  # type: ignore[arg-type]
    dutch: dict[int, list[str]] = defaultdict(list)
    for candidate_id, level in dutch_qs.values_list("candidate_id", "level").iterator(
        chunk_size=5000
    ):
        dutch[candidate_id].append(level)
    groups = CandidateGroups(
        dict(educations),
        {
            candidate_id: str(LanguageGroup(language_group(levels)).label)
            for candidate_id, levels in dutch.items()
        },
    )
    kinds = {
        (vacancy_id, order): kind
        for vacancy_id, order, kind in stages.values_list("vacancy_id", "order", "kind").iterator(
            chunk_size=5000
        )
    }
    # Only organisations that ask the voluntary questions now; answers are never read per person.
    asking = DiversitySetting.objects.filter(enabled=True).values("organisation_id")
    answers = {
        row["application_id"]: row
        for row in responses.filter(organisation_id__in=asking)
        .values("application_id", *VOLUNTARY_FIELDS)
        .iterator(chunk_size=5000)
    }
    return groups, kinds, answers


def voluntary_groups(response: dict[str, str] | None) -> list[tuple[str, str]]:
    """The (dimension, group) keys of the voluntary diversity form: only the questions the
    candidate chose to answer ('zeg ik liever niet' and no form at all are left out)."""
    from talentbrug.assessments.constants import Refugee

    if response is None:
        return []
    fields = [
        ("gender", Gender, _("Gender (vrijwillig)")),
        ("age_group", AgeGroup, _("Leeftijd (vrijwillig)")),
        ("born_abroad", BornAbroad, _("Geboren buiten Nederland (vrijwillig)")),
        ("refugee", Refugee, REFUGEE_DIMENSION),
        ("disability", Disability, _("Arbeidsbeperking (vrijwillig)")),
    ]
    keys = []
    for name, choices, label in fields:
        value = response.get(name)
        if value and value != choices.NOT_SAID:
            keys.append((str(label), str(choices(value).label)))
    return keys


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


def offer_table(scope: Scope) -> t.Table:

    def counts(s: Scope) -> dict[str, int]:
        found = _grouped(_offers(s), "status")
        return {str(label): found.get(value, 0) for value, label in OfferStatus.choices}

    return t.distribution(
        "aanbod",
        _("Aanbod en acceptatie"),
        _(
            "Geteld: aanbiedingen die in de gekozen periode zijn gedaan, met hun stand nu: "
            "nog open (gedaan), geaccepteerd, of afgewezen door de kandidaat."
        ),
        _shared(("offers", scope), lambda: counts(scope)).items(),
        rijk=None if scope.is_rijk else _shared(("offers", scope.rijk), lambda: counts(scope.rijk)),
        what=_("Aanbiedingen"),
    )


def time_to_hire_table(scope: Scope) -> t.Table:

    accepted = (
        _offers(scope)
        .filter(status=OfferStatus.ACCEPTED, decided_at__isnull=False)
        .values_list(
            "progress__application__route", "progress__application__submitted_at", "decided_at"
        )
    )

    days: dict[str, list[int]] = defaultdict(list)
    for route, submitted, decided in accepted:
        if submitted:
            days[route].append(max(0, (decided - submitted).days))
    labels = [(value, str(label)) for value, label in Route.choices]
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
    return t.make_table(
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


def refugee_table(rows: list[dict[str, Any]]) -> t.Table:
    """The magazine's 'statushouders' figure: only from the voluntary form, never per person."""
    from talentbrug.assessments.constants import Refugee

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
    from talentbrug.audit.models import AuditEvent

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
    if _sharing() and not scope.vacancy_id:
        # The periodic job: every move once, and every application's stays once.
        kinds, all_moves = _shared("moves", lambda: load(Stage.objects.all(), events))
        known: dict[str, list[tuple[str, float]]] = _shared("stays", dict)
        for values in _in_scope(scope):
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
    def in_scope() -> int:
        qs = ApplicationProgress.objects.filter(
            application__submitted_at__gte=scope.start,
            application__submitted_at__lt=scope.end,
            application__candidate__isnull=False,
        )
        return scope.vacancy_filter(scope.orgs(qs), "vacancy").count()

    if _too_big("applications", in_scope):
        return [
            t.pending(pass_through_table([])),
            t.pending(refugee_table([])),
            time_to_hire_table(scope),
            t.pending(stage_time_table_for({})),
            offer_table(scope),
        ]
    progress = _progress_rows(scope)
    return [
        pass_through_table(progress),
        refugee_table(progress),
        time_to_hire_table(scope),
        stage_time_table(scope),
        offer_table(scope),
    ]


# --------------------------------------------------------------------------------- onboarding


def _plans(scope: Scope) -> QuerySet[Any]:

    qs = scope.orgs(OnboardingPlan.objects.all())
    if scope.family:
        qs = qs.filter(application__vacancy__vakgebied=scope.family)
    return qs


def onboarding_tables(scope: Scope) -> list[t.Table]:

    start, end = timezone.localtime(scope.start).date(), timezone.localtime(scope.end).date()
    in_period = _plans(scope).filter(start_date__gte=start, start_date__lt=end)
    today = timezone.localdate()
    active = in_period.filter(status=PlanStatus.ACTIVE).prefetch_related("tasks", "checkins")
    health_of = _shared("health", dict)
    heavy = _too_big("plans", active.count)
    missing = active.exclude(pk__in=list(health_of)) if _sharing() else active
    for plan in [] if heavy else missing.select_related("manager", "organisation"):
        health_of[plan.pk] = health(plan, today)
    states = (
        Counter() if heavy else Counter(health_of[pk] for pk in active.values_list("pk", flat=True))
    )
    tables = [
        t.distribution(
            "inwerkplannen",
            _("Inwerkplannen die nu lopen"),
            _(
                "Geteld: inwerkplannen met een eerste werkdag in de gekozen periode die nu "
                "lopen. Op schema: geen taak te laat, een check-in in de laatste twee weken en "
                "geen lage stemming."
            ),
            [(str(label), states.get(value, 0)) for value, label in Health.choices],
            what=_("Plannen"),
        )
    ]
    if heavy:
        tables[0] = t.pending(tables[0])
    months: dict[str, dict[str, Any]] = defaultdict(lambda: {"plans": set(), "moods": []})
    for plan_id, week, mood in CheckIn.objects.filter(
        plan__in=_plans(scope), week_start__gte=start, week_start__lt=end
    ).values_list("plan_id", "week_start", "mood"):
        bucket = months[f"{week.year}-{week.month:02d}"]
        bucket["plans"].add(plan_id)
        bucket["moods"].append(mood)
    trend_rows = []
    for month in sorted(months):
        people = t.count(len(months[month]["plans"]))
        moods = months[month]["moods"]
        mood = t.based_on(round(sum(moods) / len(moods), 1), people)
        label = t.month(int(month[:4]), int(month[5:]))
        trend_rows.append(t.row(label, [people, mood]))
    tables.append(
        t.make_table(
            "check-ins",
            _("Check-ins per maand"),
            _(
                "Geteld: wekelijkse check-ins van nieuwe collega's in de gekozen periode, per "
                "maand. Mensen: hoeveel verschillende nieuwe collega's een check-in deden. "
                "Stemming: het gemiddelde van 1 (slecht) tot 5 (goed)."
            ),
            [t.column(_("Mensen")), t.column(_("Gemiddelde stemming (1–5)"), t.NUMBER, maximum=5)],
            trend_rows,
            chart=1 if trend_rows else None,
        )
    )
    tables.append(retention_table(scope, today))
    tables.append(surprise_table(scope))
    tables.append(obstacle_table(scope))
    return tables


OBSTACLE_LABELS = {
    "guidance": _("Begeleiding"),
    "language": _("Taal"),
    "culture": _("Cultuur"),
}


def obstacle_table(scope: Scope) -> t.Table:
    """The magazine's '28 % / 31 % / 49 %': of those who answered, the share naming each."""
    from talentbrug.onboarding.models import ObstacleSurvey

    answers: dict[str, list[list[str]]] = {"3": [], "6": []}
    for moment, obstacles in ObstacleSurvey.objects.filter(
        plan__in=_plans(scope), submitted_at__gte=scope.start, submitted_at__lt=scope.end
    ).values_list("moment", "obstacles"):
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
    return t.make_table(
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


def retention_table(scope: Scope, today: date) -> t.Table:
    """Of the people who started at least N months ago: how many are still here after N."""
    # local import: the name PlanStatus means something else at module level
    from talentbrug.onboarding.constants import PlanStatus

    plans = list(_plans(scope).values_list("start_date", "status", "updated_at"))
    rows = []
    for months in (6, 12):
        started = [
            (start, status, updated)
            for start, status, updated in plans
            if _add_months(start, months) <= today
        ]
        stayed = [
            1
            for start, status, updated in started
            if status != PlanStatus.STOPPED
            or timezone.localtime(updated).date() >= _add_months(start, months)
        ]
        base, kept = t.count(len(started)), t.count(len(stayed))
        left = t.count(len(started) - len(stayed))
        t.protect_group([kept, left], base)
        rows.append(
            t.row(
                t.msg(_("Na %(n)s maanden"), n=months),
                [base, kept, left, t.share(kept, base)],
            )
        )
    return t.make_table(
        "behoud",
        _("Nog in dienst na 6 en 12 maanden"),
        _(
            "Geteld: alle inwerkplannen (niet alleen die uit de gekozen periode) waarvan de "
            "eerste werkdag minstens 6 of 12 maanden geleden is. Vertrokken: het plan is "
            "gestopt vóór die maand; als datum van stoppen geldt de laatste wijziging van het "
            "plan. Wie zonder inwerkplan begon, telt niet mee."
        ),
        [
            t.column(_("Begonnen")),
            t.column(_("Nog in dienst")),
            t.column(_("Vertrokken")),
            t.column(_("Aandeel nog in dienst"), t.PERCENT),
        ],
        rows,
        chart=3,
    )


def _add_months(day: date, months: int) -> date:
    """The same day N months later (or earlier), or the month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def surprise_table(scope: Scope) -> t.Table:
    """People per theme of the 'tien verbazingen' (a person counts once per theme)."""

    start, end = timezone.localtime(scope.start), timezone.localtime(scope.end)
    per_plan: dict[int, set[str]] = defaultdict(set)
    for plan_id, theme in Surprise.objects.filter(
        plan__in=_plans(scope), submitted_at__gte=start, submitted_at__lt=end
    ).values_list("plan_id", "theme"):
        per_plan[plan_id].add(theme)
    counts = Counter(theme for themes in per_plan.values() for theme in themes)
    return t.indicators(
        "verbazingen",
        _("Tien verbazingen: thema's"),
        _(
            "Geteld: nieuwe collega's die in de gekozen periode een verbazing opschreven, per "
            "thema. Iemand met twee verbazingen over hetzelfde thema telt één keer; iemand met "
            "verbazingen over twee thema's telt bij allebei. De teksten zelf staan hier niet."
        ),
        _("Mensen met een verbazing"),
        len(per_plan),
        sorted(((str(THEME_LABELS.get(k, k)), n) for k, n in counts.items()), key=lambda i: -i[1]),
    )


# --------------------------------------------------------------------------------- programmes


def programme_tables(scope: Scope) -> list[t.Table]:

    start, end = timezone.localtime(scope.start).date(), timezone.localtime(scope.end).date()
    cohorts = Cohort.objects.filter(starts_on__lt=end, ends_on__gte=start)
    if scope.organisation_ids is not None:
        cohorts = cohorts.filter(
            Q(organisation_id__in=scope.organisation_ids)
            | Q(participating_organisations__in=scope.organisation_ids)
        ).distinct()
    cohort_rows = []
    for cohort in cohorts.order_by("starts_on", "name").prefetch_related(
        "members__tasks", "members__checkins"
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
    today = timezone.localdate()
    place_rows = []
    for kind, label in PlacementKind.choices:
        places = scope.orgs(Placement.objects.filter(kind=kind)).prefetch_related()
        states = Counter(p.state(today) for p in places)
        filled = states[PlacementState.FILLED] + states[PlacementState.ENDING]
        parts = [
            t.count(filled),
            t.count(states[PlacementState.OPEN]),
            t.count(states[PlacementState.LATER]),
        ]
        total = t.count(sum(states.values()))
        t.protect_group(parts, total)
        place_rows.append(t.row(str(label), [total, *parts, t.share(parts[0], total)]))
    tables.append(
        t.make_table(
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
    )
    return tables


SECTION_TABLES = {
    Section.VACANCIES: vacancy_tables,
    Section.APPLICATIONS: application_tables,
    Section.SELECTION: selection_tables,
    Section.ONBOARDING: onboarding_tables,
    Section.PROGRAMMES: programme_tables,
}


def section_tables(section: str, scope: Scope) -> list[t.Table]:
    return SECTION_TABLES[Section(section)](scope)


def every_organisation(ids: Iterable[int] | None) -> tuple[int, ...] | None:
    return None if ids is None else tuple(sorted(ids))
