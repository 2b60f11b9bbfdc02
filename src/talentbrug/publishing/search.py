"""Finding open vacancies on the careers site: one search function for PostgreSQL and SQLite."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Case, Expression, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from talentbrug.vacancies.constants import VacancyStatus, WerkDenkniveau
from talentbrug.vacancies.models import Vacancy

from .constants import MAX_QUERY_LENGTH, LevelFilter

SEARCH_CONFIG = "dutch"
TEXT_FIELDS = ("title", *Vacancy.SECTION_FIELDS)
# Short facts a visitor types as a search word: the place ('Apeldoorn', 'Den Haag'), the
# region, the team and the organisation. Matched as substrings on both databases.
PLACE_FIELDS = ("location", "region", "team", "organisation__name")
# PostgreSQL only: a stored tsvector of TEXT_FIELDS (title A, sections B) with a GIN index, kept
# up to date by PostgreSQL (migration publishing 0002). Not a model field: SQLite has no column.
SEARCH_COLUMN = "publishing_search_vector"

# Simple Dutch suffix stripping for the SQLite fallback (PostgreSQL uses its Snowball stemmer).
_SUFFIXES = (
    ("heden", "heid"),
    ("ingen", "ing"),
    ("'s", ""),
    ("en", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
)
_MIN_STEM = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def open_vacancies(today: date | None = None) -> QuerySet[Vacancy]:
    """Published vacancies whose closing date is today or later, of active organisations."""
    today = today or timezone.localdate()
    return Vacancy.objects.filter(
        status=VacancyStatus.PUBLISHED,
        is_template=False,
        closing_date__gte=today,
        organisation__is_active=True,
    )


def is_open(vacancy: Vacancy, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        vacancy.status == VacancyStatus.PUBLISHED
        and vacancy.closing_date is not None
        and vacancy.closing_date >= today
    )


def stem(word: str) -> str:
    """Strip one common Dutch suffix: 'netwerken' -> 'netwerk', 'laptops' -> 'laptop'."""
    word = word.lower()
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)] + replacement
    return word


def terms(query: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(query[:MAX_QUERY_LENGTH])][:10]


def apply_filters(queryset: QuerySet[Vacancy], filters: Mapping[str, Any]) -> QuerySet[Vacancy]:
    """Filters from the careers form (already validated; empty values are skipped)."""
    level = filters.get("niveau")
    if level == LevelFilter.NO_DIPLOMA:
        queryset = queryset.filter(Q(min_education_level="") | Q(equivalent_by_experience=True))
    elif level == LevelFilter.MBO:
        queryset = queryset.filter(werk_denkniveau=WerkDenkniveau.MBO)
    elif level == LevelFilter.HBO:
        queryset = queryset.filter(werk_denkniveau=WerkDenkniveau.HBO)
    if group := filters.get("doelgroep"):
        # JSON list of codes; matching the quoted code works on SQLite and PostgreSQL alike.
        queryset = queryset.filter(target_groups__icontains=f'"{group}"')
    if contract := filters.get("contract"):
        queryset = queryset.filter(contract_type=contract)
    if region := filters.get("regio"):
        queryset = queryset.filter(region__iexact=region)
    if hours := filters.get("uren"):
        queryset = queryset.filter(Q(hours_min__isnull=True) | Q(hours_min__lte=int(hours)))
    if organisation := filters.get("organisatie"):
        queryset = queryset.filter(organisation__slug=organisation)
    if filters.get("nt2"):
        queryset = queryset.filter(nt2_welcome=True)
    return queryset


class StoredSearchVector(Expression):
    """The vacancy's stored search vector (``SEARCH_COLUMN``), as an expression for the ORM.

    Reading the stored column costs nothing per row; ``SearchVector(...)`` over the title and
    five sections ran Dutch stemming for every candidate row, for the filter and again for the
    rank.
    """

    def __init__(self, alias: str | None = None) -> None:
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.alias = alias

    def resolve_expression(
        self, query: Any = None, *args: Any, **kwargs: Any
    ) -> StoredSearchVector:
        clone = self.copy()
        clone.alias = query.get_initial_alias() if query is not None else Vacancy._meta.db_table
        return clone

    def relabeled_clone(self, change_map: Mapping[str, str]) -> StoredSearchVector:
        clone = self.copy()
        clone.alias = change_map.get(self.alias or "", self.alias)
        return clone

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        alias = compiler.quote_name_unless_alias(self.alias or Vacancy._meta.db_table)
        return f"{alias}.{connection.ops.quote_name(SEARCH_COLUMN)}", []


def _postgres_search(queryset: QuerySet[Vacancy], query: str) -> QuerySet[Vacancy]:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    words = _WORD.findall(query)[:10]
    # Dutch glues words together ('servicedeskmedewerker'): a title containing the term counts too.
    title_match = Q()
    for word in words:
        title_match &= Q(title__icontains=word)
    return (
        queryset.annotate(
            search=StoredSearchVector(),
            rank=SearchRank(StoredSearchVector(), search_query),
            title_hit=Case(
                When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
        )
        .filter(Q(search=search_query) | title_match | _short_fields_match(words))
        .order_by("-title_hit", "-rank", "closing_date", "pk")
    )


def _short_fields_match(words: list[str]) -> Q:
    """Every word occurs in the title or one of the short facts (place, region, team,
    organisation): 'Den Haag', 'servicedesk Apeldoorn'."""
    match = Q()
    for word in words:
        any_field = Q(title__icontains=word)
        for name in PLACE_FIELDS:
            any_field |= Q(**{f"{name}__icontains": word})
        match &= any_field
    return match


def _fallback_search(queryset: QuerySet[Vacancy], query: str) -> QuerySet[Vacancy]:
    words = terms(query)
    if not words:
        return queryset
    title_hit = Q()
    for word in words:
        any_field = Q()
        for name in (*TEXT_FIELDS, *PLACE_FIELDS):
            any_field |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(any_field)
        title_hit &= Q(title__icontains=word)
    return queryset.annotate(
        title_hit=Case(
            When(title_hit, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("-title_hit", "closing_date", "pk")


def search_vacancies(query: str, filters: Mapping[str, Any] | None = None) -> QuerySet[Vacancy]:
    """Open vacancies matching the words and the filters, best match first.

    On PostgreSQL: full-text search with the 'dutch' configuration (Snowball stemming), ranked,
    plus title substring matches for Dutch compound words. Elsewhere (SQLite): every word,
    with a common Dutch suffix stripped, must occur in the title or one of the sections.
    A query longer than MAX_QUERY_LENGTH characters is cut, not executed whole.
    """
    queryset = apply_filters(open_vacancies(), filters or {}).select_related("organisation")
    query = (query or "")[:MAX_QUERY_LENGTH].strip()
    if not query or not _WORD.search(query):
        return queryset.order_by("-published_at", "-pk")
    if connection.vendor == "postgresql":
        return _postgres_search(queryset, query)
    return _fallback_search(queryset, query)


def similar_vacancies(vacancy: Vacancy, limit: int = 3) -> list[Vacancy]:
    """Open vacancies like this one: same vakgebied, contract type or organisation, best first."""
    score = (
        Case(When(vakgebied=vacancy.vakgebied, then=Value(2)), default=Value(0))
        + Case(When(contract_type=vacancy.contract_type, then=Value(2)), default=Value(0))
        + Case(When(organisation_id=vacancy.organisation_id, then=Value(1)), default=Value(0))
    )
    return list(
        open_vacancies()
        .exclude(pk=vacancy.pk)
        .filter(
            Q(vakgebied=vacancy.vakgebied)
            | Q(contract_type=vacancy.contract_type)
            | Q(organisation_id=vacancy.organisation_id)
        )
        .select_related("organisation")
        .annotate(similarity=score)
        .order_by("-similarity", "closing_date", "pk")[:limit]
    )
