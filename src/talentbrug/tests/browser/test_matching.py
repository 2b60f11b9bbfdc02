"""Ranked, explained candidates for a demo-like vacancy, and an anonymous pool profile, with axe."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.matches.tests.helpers import (
    CRM,
    SOLVE,
    SUPPORT,
    SUPPORT_USERS,
    TICKET,
    apply,
    make_candidate,
    make_vacancy,
)

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_local_embeddings(settings):
    from talentbrug.matches import engine

    settings.TALENTBRUG_MATCH_EMBEDDINGS = False
    engine.similarity.cache_clear()
    engine.reset_index()
    yield
    engine.reset_index()
    engine.similarity.cache_clear()


def test_hiring_manager_sees_ranked_explained_candidates(
    page, live_server, make_staff, organisation
):
    vacancy = make_vacancy(
        organisation, [TICKET, SUPPORT], [CRM], title="Servicedeskmedewerker ICT"
    )
    apply(make_candidate([TICKET, SUPPORT, CRM], name="Amira Haddad"), vacancy)
    apply(make_candidate([SOLVE], name="Daan Jansen", nl="A1"), vacancy)
    make_candidate([SUPPORT_USERS, TICKET], name="Niet Zichtbaar", consent=True)
    log_in(page, live_server, make_staff(organisation, Role.HIRING_MANAGER))

    page.goto(reverse("matches:vacancy_matches", kwargs={"pk": vacancy.pk}))
    results = page.locator("#match-results > li")
    assert results.count() == 3
    assert "Amira Haddad" in results.nth(0).inner_text()
    text = page.locator("#match-results").inner_text()
    assert "Past deels" in text and "via" in text  # partly matched through a related skill
    assert "Ontbreekt (eis bij de start)" in text and "Nog niet, maar leer je bij ons" in text
    assert "Niet Zichtbaar" not in page.content()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Bekijk het profiel in de talentpool").first.click()
    page.wait_for_selector("h1")
    assert "Kandidaat K-" in page.locator("h1").inner_text()
    assert "Niet Zichtbaar" not in page.content()
    assert_accessible(page)


def test_programme_team_figures_page_is_accessible(page, live_server, make_staff, organisation):
    for _ in range(5):
        make_candidate([TICKET], consent=True)
    log_in(page, live_server, make_staff(organisation, is_programme_team=True))
    page.goto(reverse("talentpool:figures"))
    assert "Nu in de talentpool" in page.locator("#pool-figures").inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
