"""search_vacancies and the careers list: words, filters, pagination, bad input.

These tests run on SQLite (fallback) and on PostgreSQL (full-text search, 'dutch').
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from talentbrug.accounts.tests.factories import OrganisationFactory
from talentbrug.publishing.search import search_vacancies, stem, terms
from talentbrug.vacancies.constants import (
    ContractType,
    TargetGroup,
    VacancyStatus,
    WerkDenkniveau,
)

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db

NETWORK_TEXT = "<p>Je beheert de netwerken van onze kantoren en lost storingen op.</p>"


def titles(queryset):
    return {v.title for v in queryset}


@pytest.fixture
def vacancies(organisation, other_organisation):
    return {
        "servicedesk": OpenVacancyFactory(
            organisation=organisation,
            title="Servicedeskmedewerker ICT",
            contract_type=ContractType.TEMPORARY,
            target_groups=[TargetGroup.MBO, TargetGroup.NEWCOMERS],
            hours_min=24,
            hours_max=36,
            region="Gelderland",
        ),
        "netwerk": OpenVacancyFactory(
            organisation=other_organisation,
            title="Beheerder netwerken",
            tasks_text=NETWORK_TEXT,
            contract_type=ContractType.PERMANENT,
            werk_denkniveau=WerkDenkniveau.HBO,
            equivalent_by_experience=False,
            min_education_level="6",
            target_groups=[TargetGroup.EVERYONE],
            nt2_welcome=False,
            hours_min=36,
            hours_max=36,
            region="Zuid-Holland",
        ),
        "bbl": OpenVacancyFactory(
            organisation=organisation,
            title="Medewerker netwerkbeheer (BBL)",
            contract_type=ContractType.BBL,
            target_groups=[TargetGroup.MBO],
            hours_min=32,
            hours_max=32,
            region="Gelderland",
        ),
    }


def test_stemming_fallback_strips_common_dutch_suffixes():
    assert stem("netwerken") == "netwerk"
    assert stem("laptops") == "laptop"
    assert stem("mogelijkheden") == "mogelijkheid"
    assert stem("ICT") == "ict"
    assert terms("Netwerken  in Apeldoorn!") == ["netwerk", "in", "apeldoorn"]


def test_only_open_published_vacancies_are_found(organisation, vacancies):
    today = timezone.localdate()
    OpenVacancyFactory(
        organisation=organisation, title="Verlopen", closing_date=today - timedelta(days=1)
    )
    OpenVacancyFactory(organisation=organisation, title="Concept", status=VacancyStatus.CONCEPT)
    OpenVacancyFactory(organisation=organisation, title="Gesloten", status=VacancyStatus.CLOSED)
    OpenVacancyFactory(organisation=organisation, title="Sjabloon", is_template=True)
    OpenVacancyFactory(organisation=organisation, title="Vandaag laatste dag", closing_date=today)
    assert titles(search_vacancies("", {})) == {
        "Servicedeskmedewerker ICT",
        "Beheerder netwerken",
        "Medewerker netwerkbeheer (BBL)",
        "Vandaag laatste dag",
    }


def test_words_are_found_in_title_and_sections_with_dutch_forms(vacancies):
    # 'netwerk' (singular) finds 'netwerken' in a title and 'netwerkbeheer' via the title.
    assert titles(search_vacancies("netwerk", {})) == {
        "Beheerder netwerken",
        "Medewerker netwerkbeheer (BBL)",
    }
    # A word only in a section: 'storingen' -> stem 'storing'.
    assert titles(search_vacancies("storing", {})) == {"Beheerder netwerken"}
    assert titles(search_vacancies("kantoren", {})) == {"Beheerder netwerken"}
    # Part of a compound title word.
    assert titles(search_vacancies("servicedesk", {})) == {"Servicedeskmedewerker ICT"}
    assert titles(search_vacancies("astronaut", {})) == set()


def test_title_matches_come_first(vacancies):
    OpenVacancyFactory(
        organisation=vacancies["servicedesk"].organisation,
        title="Adviseur informatiebeveiliging",
        tasks_text="<p>Je werkt samen met het team netwerkbeheer.</p>",
    )
    results = list(search_vacancies("netwerkbeheer", {}))
    assert results[0].title == "Medewerker netwerkbeheer (BBL)"
    assert results[-1].title == "Adviseur informatiebeveiliging"


def test_filters(vacancies, organisation):
    assert titles(search_vacancies("", {"contract": ContractType.BBL})) == {
        "Medewerker netwerkbeheer (BBL)"
    }
    assert titles(search_vacancies("", {"doelgroep": TargetGroup.NEWCOMERS})) == {
        "Servicedeskmedewerker ICT"
    }
    assert titles(search_vacancies("", {"doelgroep": TargetGroup.MBO})) == {
        "Servicedeskmedewerker ICT",
        "Medewerker netwerkbeheer (BBL)",
    }
    assert titles(search_vacancies("", {"niveau": "geen-diploma"})) == {
        "Servicedeskmedewerker ICT",
        "Medewerker netwerkbeheer (BBL)",
    }
    assert titles(search_vacancies("", {"niveau": "hbo"})) == {"Beheerder netwerken"}
    assert titles(search_vacancies("", {"regio": "zuid-holland"})) == {"Beheerder netwerken"}
    assert titles(search_vacancies("", {"uren": "24"})) == {"Servicedeskmedewerker ICT"}
    assert titles(search_vacancies("", {"organisatie": organisation.slug})) == {
        "Servicedeskmedewerker ICT",
        "Medewerker netwerkbeheer (BBL)",
    }
    assert titles(search_vacancies("", {"nt2": True})) == {
        "Servicedeskmedewerker ICT",
        "Medewerker netwerkbeheer (BBL)",
    }
    assert titles(search_vacancies("netwerk", {"contract": ContractType.BBL, "nt2": True})) == {
        "Medewerker netwerkbeheer (BBL)"
    }


def _result_titles(response):
    tree = lxml_html.fromstring(response.content)
    return [
        a.text_content().strip() for a in tree.xpath('//li[contains(@class, "tb-result")]//h3/a')
    ]


def test_list_page_searches_and_filters_by_url(client, vacancies):
    url = reverse("publishing:list")
    response = client.get(url, {"q": "netwerk", "contract": "bbl", "regio": "Gelderland"})
    assert response.status_code == 200
    assert _result_titles(response) == ["Medewerker netwerkbeheer (BBL)"]
    content = response.content.decode()
    assert "1 vacature gevonden" in content
    assert 'value="netwerk"' in content


def test_pagination_keeps_the_filters_in_the_url(client, organisation):
    for n in range(12):
        OpenVacancyFactory(
            organisation=organisation, title=f"BBL-plek ICT {n}", contract_type="bbl"
        )
    OpenVacancyFactory(organisation=organisation, title="Vaste baan", contract_type="permanent")
    response = client.get(reverse("publishing:list"), {"contract": "bbl", "q": "ICT"})
    assert len(_result_titles(response)) == 10
    tree = lxml_html.fromstring(response.content)
    next_href = tree.xpath('//a[@rel="next"]')[0].get("href")
    assert "contract=bbl" in next_href and "q=ICT" in next_href and "pagina=2" in next_href
    second = client.get(reverse("publishing:list") + next_href)
    assert len(_result_titles(second)) == 2
    assert "Vaste baan" not in _result_titles(second)
    prev_href = lxml_html.fromstring(second.content).xpath('//a[@rel="prev"]')[0].get("href")
    assert "contract=bbl" in prev_href and "pagina=1" in prev_href


def test_unknown_filter_values_are_ignored_and_shown_as_invalid(client, vacancies):
    response = client.get(
        reverse("publishing:list"), {"contract": "astronaut", "regio": "Gelderland", "uren": "x"}
    )
    assert response.status_code == 200
    assert set(_result_titles(response)) == {
        "Servicedeskmedewerker ICT",
        "Medewerker netwerkbeheer (BBL)",
    }
    content = response.content.decode()
    assert "Deze keuze kennen we niet" in content
    assert 'id="error-summary"' in content


def test_a_very_long_search_is_cut_not_executed_whole(client, vacancies):
    response = client.get(reverse("publishing:list"), {"q": "netwerk " + "a" * 10_000})
    assert response.status_code == 200
    sql = str(search_vacancies("x" * 10_000, {}).query)
    assert "x" * 200 in sql and "x" * 201 not in sql


def test_a_search_of_only_punctuation_lists_everything(vacancies):
    assert len(search_vacancies("!!! ---", {})) == 3


def test_unknown_page_number_gives_the_last_page(client, vacancies):
    response = client.get(reverse("publishing:list"), {"pagina": "999"})
    assert response.status_code == 200
    assert len(_result_titles(response)) == 3


def test_inactive_organisations_are_not_listed(vacancies):
    organisation = OrganisationFactory(is_active=False)
    OpenVacancyFactory(organisation=organisation, title="Van een gesloten dienst")
    assert "Van een gesloten dienst" not in titles(search_vacancies("", {}))


def test_a_place_name_finds_the_vacancies_located_there(organisation, vacancies):
    """The search box's own example ('Apeldoorn') and a two-word place ('Den Haag') find the
    vacancies located there, although the place is in no text section."""
    OpenVacancyFactory(
        organisation=organisation, title="Functioneel beheerder", location="Den Haag"
    )
    assert titles(search_vacancies("Apeldoorn")) == {
        "Servicedeskmedewerker ICT",
        "Beheerder netwerken",
        "Medewerker netwerkbeheer (BBL)",
    }
    assert titles(search_vacancies("Den Haag")) == {"Functioneel beheerder"}
    assert titles(search_vacancies("servicedesk Apeldoorn")) == {"Servicedeskmedewerker ICT"}
    assert titles(search_vacancies("Zuid-Holland")) == {"Beheerder netwerken"}


def test_the_organisation_name_is_searched_too(organisation, vacancies):
    found = titles(search_vacancies(organisation.name))
    assert "Servicedeskmedewerker ICT" in found and "Beheerder netwerken" not in found
