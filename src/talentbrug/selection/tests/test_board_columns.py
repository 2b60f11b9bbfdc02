"""The board reads only the cards it shows: totals per column, the first cards, "Toon meer"."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.conftest import verified_client

from ..constants import StageKind
from ..models import ApplicationProgress, Scorecard
from ..services import board as board_services
from ..services import pipeline
from .factories import stage_of, vacancy_with_requirements

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(organisation, make_staff):
    vacancy = vacancy_with_requirements(organisation)
    ApplicationFactory.create_batch(56, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = f"/medewerkers/selectie/vacatures/{vacancy.pk}/"
    client.get(url)  # pipeline and progress rows
    screening = stage_of(vacancy, StageKind.SCREENING)
    moved = list(
        ApplicationProgress.objects.filter(vacancy=vacancy)
        .order_by("-pk")[:3]
        .values_list("pk", flat=True)
    )
    ApplicationProgress.objects.filter(pk__in=moved).update(stage=screening)
    return {"vacancy": vacancy, "client": client, "url": url, "screening": screening}


def test_columns_show_totals_and_the_first_cards_in_application_order(board):
    vacancy = board["vacancy"]
    stages = pipeline.ensure_pipeline(vacancy)
    rows = board_services.board_progress(vacancy)
    assert board_services.column_totals(rows) == {stages[0].pk: 53, board["screening"].pk: 3}
    shown = board_services.first_per_column(rows, 2)
    new = [p for p in shown if p.stage_id == stages[0].pk]
    expected = list(rows.filter(stage=stages[0])[:2])
    assert [p.pk for p in new] == [p.pk for p in expected]
    assert len([p for p in shown if p.stage_id == board["screening"].pk]) == 2


def test_show_more_opens_one_column(board):
    client, url, vacancy = board["client"], board["url"], board["vacancy"]
    new = pipeline.ensure_pipeline(vacancy)[0]
    body = client.get(url).content.decode()
    assert body.count('class="sel-card"') == 25 + 3
    assert f"?meer={new.pk}#stage-{new.pk}" in body
    assert "Bekijk alle 53 in fase Nieuw" in body
    body = client.get(url, {"meer": new.pk}).content.decode()
    assert body.count('class="sel-card"') == 53 + 3
    assert f'href="?meer={new.pk}#stage-{new.pk}"' not in body
    assert client.get(url, {"meer": "999999"}).status_code == 200  # unknown stage: ignored
    assert client.get(url, {"meer": "x"}).status_code == 200


def test_scorecard_counts_are_per_card(board, make_staff, organisation):
    vacancy = board["vacancy"]
    progress = board_services.board_progress(vacancy).first()
    reviewer = make_staff(organisation, Role.HR_ADVISER)
    Scorecard.objects.create(
        organisation=organisation,
        progress=progress,
        stage=progress.stage,
        reviewer=reviewer,
        recommendation="yes",
    )
    shown = board_services.with_scorecard_counts(list(board_services.board_progress(vacancy)[:3]))
    assert [p.scorecard_count for p in shown] == [1, 0, 0]


def test_show_more_keeps_a_constant_number_of_queries(board):
    client, url = board["client"], board["url"]
    new = pipeline.ensure_pipeline(board["vacancy"])[0]
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    with CaptureQueriesContext(connection) as more:
        client.get(url, {"meer": new.pk})
    assert len(plain.captured_queries) == len(more.captured_queries)


def test_staff_read_the_route_without_je_and_touch_screens_are_not_told_to_drag(board):
    """The card's route is named for staff ("Met cv"), not as the apply page says it to the
    candidate ("Met je cv"); the drag instruction is hidden on touch screens, which get the
    one that works there (the select)."""
    from talentbrug.applications.constants import Route

    vacancy = board["vacancy"]
    vacancy.applications.update(route=Route.CV)
    body = board["client"].get(board["url"]).content.decode()
    cards = body.split('class="sel-card"')[1:]
    assert cards and all("Met cv" in card.split("</li>")[0] for card in cards)
    assert "Met je cv" not in body
    help_text = body.split('id="board-help"')[1].split("</p>")[0]
    assert 'class="sel-help-pointer"' in help_text and "Sleep een kaart" in help_text
    assert 'class="sel-help-touch"' in help_text and "tik op Verplaats" in help_text
    application = vacancy.applications.first()
    detail = board["client"].get(reverse("selection:application", args=[application.pk]))
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "Met cv" in page and "Met je cv" not in page
