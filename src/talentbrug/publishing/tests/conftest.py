from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def demo(db: None) -> dict[str, Any]:
    """The demo data of accounts, vacancies and publishing (as ``seed_demo`` builds it)."""
    from talentbrug.accounts import demo as accounts_demo
    from talentbrug.publishing import demo as publishing_demo
    from talentbrug.vacancies import demo as vacancies_demo

    context: dict[str, Any] = {}
    accounts_demo.seed(context)
    vacancies_demo.seed(context)
    publishing_demo.seed(context)
    return context


@pytest.fixture
def clean_cache():  # type: ignore[no-untyped-def]
    """An empty cache before and after the test (the careers page cache is shared state)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cached_vacancy(organisation: Any) -> Any:
    """An open vacancy with an English version and this year's salary scales 6 and 8."""
    from decimal import Decimal

    from django.utils import timezone

    from talentbrug.vacancies.models import SalaryScale

    from .factories import OpenVacancyFactory

    year = timezone.localdate().year
    SalaryScale.objects.create(year=year, scale=6, minimum=Decimal(2600), maximum=Decimal(3550))
    SalaryScale.objects.create(year=year, scale=8, minimum=Decimal(2950), maximum=Decimal(4450))
    return OpenVacancyFactory(
        organisation=organisation,
        title="Beheerder netwerken",
        title_en="Network administrator",
        tasks_text_en="<p>You look after our networks.</p>",
    )
