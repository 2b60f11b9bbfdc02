"""The careers pages use a constant number of SQL queries, however many vacancies there are.

Before: every card on the list page cost three queries (salary scales twice, language
requirements) and the filter choices scanned every open vacancy. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.tests.factories import OrganisationFactory
from talentbrug.publishing.constants import PAGE_SIZE
from talentbrug.publishing.facts import public_url, salary_ranges
from talentbrug.vacancies.constants import ContractType
from talentbrug.vacancies.models import LanguageRequirement, SalaryScale, Vacancy

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db

# count, page, language requirements, salary scales (+ two for the filter choices when cold)
MAX_LIST_QUERIES = 6
SEARCH = {"q": "laptop", "regio": "Gelderland", "contract": ContractType.TEMPORARY}


def _add_vacancies(count: int) -> None:
    organisations = [OrganisationFactory() for _ in range(3)]
    for i in range(count):
        vacancy = OpenVacancyFactory(
            organisation=organisations[i % 3],
            title=f"Servicedeskmedewerker laptops {i}",
            contract_type=ContractType.TEMPORARY,
            scale_min=5 + i % 4,
            scale_max=7 + i % 4,
        )
        for skill in ("speaking", "reading"):
            LanguageRequirement.objects.create(
                vacancy=vacancy, language="nl", skill=skill, level="B1", timing="with_coach"
            )


def _queries(path: str, params: dict[str, str] | None = None, *, cold: bool = False) -> int:
    client = Client()
    if not cold:
        client.get(path, params)  # warm the filter choices
    else:
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture(autouse=True)
def _scales_and_clean_cache():
    year = timezone.localdate().year
    for scale in range(4, 12):
        SalaryScale.objects.create(
            year=year, scale=scale, minimum=Decimal(2000 + 100 * scale), maximum=Decimal(3000)
        )
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("params", [None, SEARCH], ids=["all", "search-and-filters"])
def test_list_queries_do_not_grow_with_the_number_of_vacancies(params):
    counts = []
    for added in (2, 8, 50):  # 2 cards, a full page of 10, 60 vacancies (6 pages)
        _add_vacancies(added)
        counts.append(_queries(reverse("publishing:list"), params))
    assert Vacancy.objects.count() == 60
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[2] <= MAX_LIST_QUERIES


def test_list_queries_with_a_cold_cache_stay_bounded():
    _add_vacancies(2 * PAGE_SIZE)
    assert _queries(reverse("publishing:list"), SEARCH, cold=True) <= MAX_LIST_QUERIES + 2


def test_filter_choices_follow_new_vacancies_at_once():
    _add_vacancies(1)
    _queries(reverse("publishing:list"))  # caches the filter choices
    OpenVacancyFactory(region="Zeeland", title="Beheerder netwerken Zeeland")
    response = Client().get(reverse("publishing:list"), {"regio": "Zeeland"})
    assert response.status_code == 200
    assert "Beheerder netwerken Zeeland" in response.content.decode()
    assert not response.context["form"].errors


def test_vacancy_page_queries_are_constant():
    _add_vacancies(3)
    vacancy = Vacancy.objects.order_by("pk").first()
    assert _queries(public_url(vacancy)) <= 5


def test_salary_ranges_agree_with_salary_range():
    _add_vacancies(6)
    Vacancy.objects.filter(pk=Vacancy.objects.order_by("pk").first().pk).update(scale_min=None)
    Vacancy.objects.filter(pk=Vacancy.objects.order_by("-pk").first().pk).update(scale_max=17)
    SalaryScale.objects.create(
        year=timezone.localdate().year - 1, scale=17, minimum=Decimal(6000), maximum=Decimal(9000)
    )
    vacancies = list(Vacancy.objects.all())
    with CaptureQueriesContext(connection) as ctx:
        ranges = salary_ranges(vacancies)
    assert len(ctx.captured_queries) == 1
    assert ranges == {v.pk: v.salary_range() for v in vacancies}
