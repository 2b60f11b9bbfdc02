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
