"""Breadcrumbs on staff detail pages: one registry, NL Design System markup."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.pages.breadcrumbs import TRAILS
from talentbrug.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

# The staff pages deeper than one level that must show where they are.
DEEP_PAGES = {
    "vacancies:detail",
    "applications:staff_vacancy",
    "applications:staff_detail",
    "onboarding:plan_detail",
    "records:collection_detail",
    "records:triage",
    "records:document_detail",
    "records:list_detail",
    "assessments:detail",
}


def _trail(html: str) -> list[tuple[str, str, bool]]:
    """(label, href, current) per crumb of the page's one breadcrumb nav."""
    navs = re.findall(
        r'<nav class="utrecht-breadcrumb-nav[^"]*" aria-label="Kruimelpad">(.*?)</nav>', html, re.S
    )
    assert len(navs) == 1, f"expected one breadcrumb nav, found {len(navs)}"
    assert '<ol class="utrecht-breadcrumb-nav__list' in navs[0]
    crumbs = []
    for item in re.findall(r'<li class="utrecht-breadcrumb-nav__item">(.*?)</li>', navs[0], re.S):
        href = re.search(r'href="([^"]+)"', item)
        label = re.sub(r"<[^>]+>", "", item).strip()
        crumbs.append((label, href.group(1) if href else "", 'aria-current="page"' in item))
    return crumbs


def test_every_deep_staff_page_has_a_trail() -> None:
    assert set(TRAILS) >= DEEP_PAGES, sorted(DEEP_PAGES - set(TRAILS))


def test_vacancy_page_trail_ends_at_the_vacancy(staff_client: Any, organisation: Any) -> None:
    vacancy = VacancyFactory(organisation=organisation, title="Servicedeskmedewerker ICT")
    client = staff_client(organisation, Role.HR_ADVISER)
    crumbs = _trail(client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode())
    assert crumbs == [
        ("Overzicht", reverse("pages:home"), False),
        ("Vacatures", reverse("vacancies:list"), False),
        ("Servicedeskmedewerker ICT", "", True),
    ]


def test_application_trail_leads_back_through_its_vacancy(
    staff_client: Any, organisation: Any
) -> None:
    application = ApplicationFactory(vacancy__organisation=organisation, vacancy__title="Beheerder")
    client = staff_client(organisation, Role.HR_ADVISER)
    html = client.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    crumbs = _trail(html)
    assert [c[0] for c in crumbs] == [
        "Overzicht",
        "Sollicitaties",
        "Beheerder",
        f"Sollicitatie {application.pk}",
    ]
    assert crumbs[2][1] == reverse("applications:staff_vacancy", args=[application.vacancy.pk])
    assert crumbs[-1][2] and not any(c[2] for c in crumbs[:-1])
    # The candidate's name is never in the trail (hidden in an anonymous review).
    assert application.candidate.name not in str(crumbs)
    # A user-written title is marked as such (not translated, skipped by the tour's check).
    assert 'translate="no" data-name>Beheerder</a>' in html


def test_a_page_without_a_trail_shows_none(staff_client: Any, organisation: Any) -> None:
    client = staff_client(organisation, Role.HR_ADVISER)
    assert "Kruimelpad" not in client.get(reverse("vacancies:list")).content.decode()
