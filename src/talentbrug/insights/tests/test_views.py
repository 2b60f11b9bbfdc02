"""Who sees which Insights page, the old figure pages redirecting, and the exports."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.insights.exports import neutralise

pytestmark = pytest.mark.django_db

PAGES = [
    "insights:vacancies",
    "insights:applications",
    "insights:selection",
    "insights:onboarding",
    "insights:programmes",
]


@pytest.fixture
def team():
    return verified_client(UserFactory(is_programme_team=True))


def _applications(organisation, count, route="cv"):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    ApplicationFactory.create_batch(count, vacancy=vacancy, route=route)


def test_the_programme_team_opens_insights_from_the_menu_and_sees_the_rijk(
    team, organisation, other_organisation
):
    home = team.get("/medewerkers/")
    assert home.status_code == 302 and home.url == reverse("insights:vacancies")
    _applications(organisation, 6)
    _applications(other_organisation, 7)
    for name in PAGES:
        page = team.get(reverse(name)).content.decode()
        assert 'class="tb-nav"' in page and f'href="{reverse("insights:vacancies")}"' in page
        assert "Cijfers van het hele Rijk" in page and "Bijgewerkt op" in page
        assert "Wat tellen we?" in page and "Het hele Rijk" in page  # definitions, filter
    page = team.get(reverse("insights:applications")).content.decode()
    assert ">13<" in page  # both organisations together
    one = team.get(reverse("insights:applications"), {"organisatie": other_organisation.pk})
    body = one.content.decode()
    assert "Cijfers van Logius, naast het gemiddelde van het Rijk" in body and ">7<" in body
    assert "Rijk: aandeel" in body


def test_an_organisation_sees_itself_next_to_the_rijk_and_never_chooses_another(
    make_staff, organisation, other_organisation
):
    _applications(organisation, 6)
    _applications(other_organisation, 7)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    body = client.get(
        reverse("insights:applications"), {"organisatie": other_organisation.pk}
    ).content.decode()
    assert "Cijfers van Dienst ICT Uitvoering" in body and "Rijk: aandeel" in body
    assert ">6<" in body and ">7<" not in body and 'name="organisatie"' not in body


def test_without_a_role_or_team_there_is_no_access():
    client = verified_client(UserFactory())
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 403


def test_small_numbers_are_announced_on_the_page(make_staff, organisation):
    _applications(organisation, 8, "cv")
    _applications(organisation, 4, "no_cv")
    body = (
        verified_client(make_staff(organisation, Role.HR_ADVISER))
        .get(reverse("insights:applications"))
        .content.decode()
    )
    assert "Op deze pagina zijn cijfers verborgen" in body
    assert "&lt; 5" in body and ">8<" not in body and ">4<" not in body
    # The chart: an SVG with a title and a text summary, and the table behind a toggle.
    assert '<svg class="tb-chart__svg" role="img"' in body and "<title id=" in body
    assert "niet getoond: minder dan 5" in body and "<details" in body


def test_old_figure_pages_redirect_to_insights(make_staff, organisation, other_organisation, team):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    assert client.get(reverse("programmes:figures")).url == reverse("insights:programmes")
    assert client.get(reverse("onboarding:figures")).url == reverse("insights:onboarding")
    assert team.get(reverse("programmes:figures")).url == reverse("insights:programmes")
    vacancy = vacancy_with_requirements(organisation)
    response = client.get(reverse("selection:fairness", kwargs={"pk": vacancy.pk}))
    assert response.url == f"{reverse('insights:selection')}?vacature={vacancy.pk}"
    page = client.get(response.url).content.decode()
    assert "Alleen de sollicitaties op één vacature" in page
    foreign = vacancy_with_requirements(other_organisation)
    assert client.get(reverse("insights:selection"), {"vacature": foreign.pk}).status_code == 404


def test_csv_export_has_the_page_cells_and_no_formulas(make_staff, organisation):
    from talentbrug.publishing.models import Channel

    vacancy = PublishedVacancyFactory(organisation=organisation)
    channel = Channel.objects.create(
        organisation=organisation, vacancy=vacancy, name="=HYPERLINK(1)"
    )
    other = Channel.objects.create(organisation=organisation, vacancy=vacancy, name="Indeed")
    ApplicationFactory.create_batch(6, vacancy=vacancy, channel=channel)
    ApplicationFactory.create_batch(4, vacancy=vacancy, channel=other)
    ApplicationFactory.create_batch(3, vacancy=vacancy)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.get(
        reverse("insights:export"),
        {"deel": "sollicitaties", "tabel": "sollicitaties-channel", "formaat": "csv"},
    )
    assert response["Content-Disposition"].endswith('sollicitaties-channel.csv"')
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Sollicitaties per kanaal"]
    cells = {line[0]: line[1:] for line in lines[2:] if line}
    assert cells["'=HYPERLINK(1)"][0] == "6"
    assert cells["onbekend"][:2] == ["< 5", "< 5"]
    assert cells["Indeed"][:2] == ["< 5", "< 5"]
    assert cells["Totaal"][0] == "13"
    assert AuditEvent.objects.filter(event_type="insights.exported").exists()


def test_xlsx_export_has_a_sheet_per_table(make_staff, organisation):
    from openpyxl import load_workbook

    for route, count in (("cv", 6), ("no_cv", 5), ("video", 3), ("work_sample", 2)):
        _applications(organisation, count, route)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.get(reverse("insights:export"), {"deel": "sollicitaties", "formaat": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "sollicitaties-route",
        "sollicitaties-channel",
        "sollicitaties-language",
    ]
    rows = list(book["sollicitaties-route"].values)
    assert rows[0][0] == "Sollicitaties per manier van solliciteren"
    assert rows[2][:3] == ("Met cv", 6, "38%")
    assert rows[3][:3] == ("Zonder cv", 5, "31%")
    assert rows[4][:3] == ("Met een video", "< 5", "< 5")


def test_export_refuses_unknown_parts_and_formats(make_staff, organisation):
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    url = reverse("insights:export")
    assert client.get(url, {"deel": "iets", "formaat": "csv"}).status_code == 404
    assert client.get(url, {"deel": "vacatures", "formaat": "pdf"}).status_code == 404
    assert (
        client.get(url, {"deel": "vacatures", "tabel": "nee", "formaat": "csv"}).status_code == 404
    )


def test_neutralise_keeps_spreadsheets_from_running_text():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2") == "'-2"
    assert neutralise("Met je cv") == "Met je cv"
    assert neutralise(12) == 12
