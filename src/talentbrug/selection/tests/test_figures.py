"""Pass-through per group of one vacancy (now in Insights), and a constant number of queries for
board and list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Education, LanguageProficiency
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.conftest import verified_client

from ..constants import StageKind
from ..services import moves, scorecards
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of, vacancy_with_requirements

pytestmark = pytest.mark.django_db


def _fill(organisation, vacancy, count, *, foreign=False, hr=None, advance=0):
    for _i in range(count):
        progress = application_in_pipeline(organisation, vacancy=vacancy)
        candidate = progress.application.candidate
        if foreign:
            Education.objects.create(
                candidate=candidate, programme="Informatica", country="Syrië", level="6"
            )
            LanguageProficiency.objects.create(
                candidate=candidate, language="nl", skill="speaking", level="B1"
            )
        if advance:
            moves.move_application(
                progress, stage_of(vacancy, StageKind.SCREENING), hr, HR_ROLES, 1
            )


def _pass_through(organisation, vacancy):
    from talentbrug.insights.constants import Section
    from talentbrug.insights.figures import sections
    from talentbrug.insights.services import scope_for

    tables = sections.section_tables(
        Section.SELECTION, scope_for(organisation, "12", "", vacancy.pk)
    )
    from talentbrug.insights.tables import localised

    rows = localised(next(t for t in tables if t["key"] == "doorstroom"))["rows"]
    return {r["label"]: [c["v"] for c in r["cells"]] for r in rows}


def test_pass_through_of_one_vacancy_suppresses_small_groups(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    _fill(organisation, vacancy, 6, foreign=True, hr=hr, advance=1)
    _fill(organisation, vacancy, 5, hr=hr, advance=1)
    _fill(organisation, vacancy, 3)
    other = vacancy_with_requirements(organisation)
    _fill(organisation, other, 9)  # another vacancy: not counted here
    rows = _pass_through(organisation, vacancy)
    assert rows["Opleiding: opleiding buiten Nederland"][:3] == [6, 6, None]
    assert rows["Opleiding: niets opgegeven"][:2] == [8, 5]
    assert rows["Opleiding: totaal"][:2] == [14, 11]
    assert rows["Nederlands: Nederlands B1"][0] == 6


def test_fairness_page_redirects_to_the_pass_through_in_insights(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    _fill(organisation, vacancy, 5, foreign=True)
    _fill(organisation, vacancy, 2)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.get(f"/medewerkers/selectie/vacatures/{vacancy.pk}/cijfers/")
    assert response.status_code == 302
    body = client.get(response.url).content.decode()
    assert "<table" in body and "<figcaption" in body
    assert "Op deze pagina zijn cijfers verborgen" in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["", "lijst/"])
def test_board_and_list_use_a_constant_number_of_queries(organisation, make_staff, page):
    vacancy = vacancy_with_requirements(organisation)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = f"/medewerkers/selectie/vacatures/{vacancy.pk}/{page}"
    ApplicationFactory.create_batch(5, vacancy=vacancy)
    client.get(url)  # first use creates the pipeline and the progress rows
    small = _queries(client, url)
    ApplicationFactory.create_batch(25, vacancy=vacancy)
    client.get(url)
    large = _queries(client, url)
    assert small == large, (small, large)


def test_board_shows_pseudonyms_and_moves_with_a_select(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    progress = application_in_pipeline(organisation, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = f"/medewerkers/selectie/vacatures/{vacancy.pk}/"
    body = client.get(url).content.decode()
    assert progress.pseudonym in body
    assert progress.application.candidate.name not in body
    screening = stage_of(vacancy, StageKind.SCREENING)
    response = client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/verplaatsen/",
        {"to_stage": screening.pk, "version": 1, "next": url},
    )
    assert response.status_code == 302 and response.url == url
    progress.refresh_from_db()
    assert progress.stage == screening
    # The same form again (old version): refused with a clear message.
    response = client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/verplaatsen/",
        {"to_stage": stage_of(vacancy, StageKind.INTERVIEW).pk, "version": 1, "next": url},
        follow=True,
    )
    assert "Iemand anders heeft deze kandidaat net verplaatst" in response.content.decode()


def test_list_bulk_move(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    first = application_in_pipeline(organisation, vacancy=vacancy)
    second = application_in_pipeline(organisation, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HIRING_MANAGER))
    screening = stage_of(vacancy, StageKind.SCREENING)
    response = client.post(
        f"/medewerkers/selectie/vacatures/{vacancy.pk}/lijst/verplaatsen/",
        {
            "to_stage": screening.pk,
            "progress": [first.pk, second.pk],
            f"version_{first.pk}": 1,
            f"version_{second.pk}": 1,
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.stage == second.stage == screening


def test_list_filters_by_stage(organisation, make_staff, hr):
    vacancy = vacancy_with_requirements(organisation)
    moved = application_in_pipeline(organisation, vacancy=vacancy)
    stays = application_in_pipeline(organisation, vacancy=vacancy)
    screening = stage_of(vacancy, StageKind.SCREENING)
    moves.move_application(moved, screening, hr, HR_ROLES, 1)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    body = client.get(
        f"/medewerkers/selectie/vacatures/{vacancy.pk}/lijst/?fase={screening.pk}"
    ).content.decode()
    assert moved.pseudonym in body and stays.pseudonym not in body


def test_stage_delete_page_refuses_a_stage_with_candidates(organisation, make_staff, hr):
    vacancy = vacancy_with_requirements(organisation)
    progress = application_in_pipeline(organisation, vacancy=vacancy)
    screening = stage_of(vacancy, StageKind.SCREENING)
    moves.move_application(progress, screening, hr, HR_ROLES, 1)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.post(f"/medewerkers/selectie/fasen/{screening.pk}/verwijderen/", follow=True)
    assert "Verplaats ze eerst" in response.content.decode()
    assert type(screening).objects.filter(pk=screening.pk).exists()


def test_anchor_texts_are_editable_per_vacancy(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = f"/medewerkers/selectie/vacatures/{vacancy.pk}/ankerteksten/"
    data = {f"level_{level}": f"Gedrag {level}" for level in range(1, 5)}
    assert client.post(url, data).status_code == 302
    assert scorecards.anchors_for(vacancy)[4] == "Gedrag 4"


def test_staff_home_shows_waiting_applications(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    application_in_pipeline(organisation, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    body = client.get("/medewerkers/").content.decode()
    assert "Sollicitaties in fase Nieuw" in body
    assert "Selectie" in body


def test_board_shows_at_most_25_cards_per_column_and_links_to_the_list(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    ApplicationFactory.create_batch(52, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    body = client.get(f"/medewerkers/selectie/vacatures/{vacancy.pk}/").content.decode()
    assert body.count('class="sel-card"') == 25
    assert "Bekijk alle 52 in fase Nieuw" in body
