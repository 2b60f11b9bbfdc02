"""The groups of the pass-through figures: a candidate's education and Dutch, and the
voluntary diversity answers; one row per application in the selection (how far it came).

Moved here from selection's fairness page. Education rows belong to the organisation they
were sent to (applications/ownership.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_noop as _  # texts are stored; see tables.text

from talentbrug.applications.constants import staff_route_choices
from talentbrug.applications.models import Education, LanguageProficiency
from talentbrug.assessments.constants import AgeGroup, BornAbroad, Disability, Gender, Refugee
from talentbrug.assessments.models import DiversityResponse, DiversitySetting
from talentbrug.selection.constants import EducationGroup, LanguageGroup
from talentbrug.selection.models import ApplicationProgress, Stage

from .scope import FUNNEL_KINDS, Scope, shared, sharing

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


def progress_rows(scope: Scope) -> list[dict[str, Any]]:
    """One dict per application in the selection: its groups and how far it came.

    Plain values and subqueries only (no model instances, no long lists of ids), so the
    periodic job handles hundreds of thousands of applications.
    """
    if sharing() and not scope.vacancy_id:
        # The periodic job: every application's groups once, for every combination.
        lookups = shared("progress_lookups", lambda: _lookups(None))
        built: dict[int, dict[str, Any]] = shared("progress_built", dict)
        rows = []
        for values in in_scope(scope):
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


def in_scope(scope: Scope) -> Iterator[tuple[Any, ...]]:
    """The periodic job: the applications in the selection of ``scope``, from one read of
    all of them (``PROGRESS_FIELDS``), instead of a query per combination."""
    every = shared(
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
    application_id, vacancy_id, furthest, candidate_id, route, channel, holder = values
    kind = kinds.get((vacancy_id, furthest), "new")
    education = candidate_groups.education(candidate_id, holder)
    dutch = candidate_groups.dutch.get(candidate_id, str(LanguageGroup(LanguageGroup.NONE).label))
    groups = [
        (_("Opleiding"), education),
        (_("Nederlands"), dutch),
        (_("Manier van solliciteren"), str(dict(staff_route_choices()).get(route, route))),
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
