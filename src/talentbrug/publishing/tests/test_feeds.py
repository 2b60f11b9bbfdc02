"""Atom, JSON Feed, Werken voor Nederland XML, sitemap.xml and robots.txt."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from django.utils import timezone

from talentbrug.publishing.facts import public_url
from talentbrug.vacancies.constants import VacancyStatus, Vakgebied, WerkDenkniveau
from talentbrug.vacancies.models import SalaryScale

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def vacancies(organisation, other_organisation):
    year = timezone.localdate().year
    SalaryScale.objects.create(
        year=year, scale=6, minimum=Decimal("2600.00"), maximum=Decimal("3550.00")
    )
    SalaryScale.objects.create(
        year=year, scale=8, minimum=Decimal("2950.00"), maximum=Decimal("4450.00")
    )
    return {
        "mine": OpenVacancyFactory(
            organisation=organisation,
            title="Servicedeskmedewerker <ICT> & support",
            werk_denkniveau=WerkDenkniveau.MBO,
            vakgebied=Vakgebied.ICT,
            contract_type="bbl",
        ),
        "other": OpenVacancyFactory(
            organisation=other_organisation,
            title="Informatiespecialist",
            werk_denkniveau=WerkDenkniveau.HBO,
            vakgebied=Vakgebied.DOCUMENTATION,
            scale_min=None,
            scale_max=None,
        ),
        "closed": OpenVacancyFactory(
            organisation=organisation, title="Gesloten vacature", status=VacancyStatus.CLOSED
        ),
        "expired": OpenVacancyFactory(
            organisation=organisation,
            title="Verlopen vacature",
            closing_date=timezone.localdate() - timedelta(days=1),
        ),
    }


def test_atom_feed_lists_open_vacancies_with_escaped_titles(client, vacancies):
    response = client.get(reverse("publishing:feed_atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"<ICT>" not in response.content  # escaped
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    titles = {e.findtext(f"{ATOM}title") for e in entries}
    assert titles == {"Servicedeskmedewerker <ICT> & support", "Informatiespecialist"}
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == "Informatiespecialist")
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{public_url(vacancies['other'])}"
    assert entry.findtext(f"{ATOM}id")
    datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Logius"


def test_atom_feed_per_organisation(client, vacancies, organisation):
    response = client.get(
        reverse("publishing:org_feed_atom", kwargs={"org_slug": organisation.slug})
    )
    root = ET.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles == ["Servicedeskmedewerker <ICT> & support"]
    assert "Dienst ICT Uitvoering" in root.findtext(f"{ATOM}title")
    assert client.get("/organisaties/bestaat-niet/vacatures/feed.atom").status_code == 404


def test_json_feed_follows_version_1_1(client, vacancies, organisation):
    response = client.get(reverse("publishing:feed_json"))
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"].startswith("http://testserver/vacatures/")
    assert feed["feed_url"] == "http://testserver/vacatures/feed.json"
    assert {item["title"] for item in feed["items"]} == {
        "Servicedeskmedewerker <ICT> & support",
        "Informatiespecialist",
    }
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["url"].startswith(
            "http://testserver/vacatures/"
        )
        assert item["content_html"] and item["content_text"]
        datetime.fromisoformat(item["date_published"])
        assert item["authors"][0]["name"]
    per_org = json.loads(
        client.get(
            reverse("publishing:org_feed_json", kwargs={"org_slug": organisation.slug})
        ).content
    )
    assert [item["title"] for item in per_org["items"]] == ["Servicedeskmedewerker <ICT> & support"]


def test_werken_voor_nederland_export_has_its_fields_and_codes(client, vacancies):
    response = client.get(reverse("publishing:wvn_export"))
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "vacatures"
    items = {item.findtext("titel"): item for item in root.findall("vacature")}
    assert set(items) == {"Servicedeskmedewerker <ICT> & support", "Informatiespecialist"}
    mine = items["Servicedeskmedewerker <ICT> & support"]
    vacancy = vacancies["mine"]
    assert mine.get("id") == str(vacancy.pk)
    assert mine.find("werkDenkniveau").get("code") == "CWD.12"
    assert mine.find("werkDenkniveau").get("codelijst") == "CWD"
    assert mine.find("vakgebied").get("code") == "CVG.08"
    assert mine.find("vakgebied").get("codelijst") == "CVG"
    assert mine.findtext("sluitingsdatum") == vacancy.closing_date.isoformat()
    assert mine.findtext("plaatsingsdatum") == vacancy.placement_date.isoformat()
    assert mine.findtext("standplaats") == "Apeldoorn"
    assert mine.find("urenPerWeek").findtext("minimum") == "32"
    assert mine.find("urenPerWeek").findtext("maximum") == "36"
    salary = mine.find("salaris")
    assert salary.get("valuta") == "EUR" and salary.get("periode") == "maand"
    assert salary.findtext("schaalMinimum") == "6" and salary.findtext("schaalMaximum") == "8"
    assert salary.findtext("bedragMinimum") == "2600.00"
    assert salary.findtext("bedragMaximum") == "4450.00"
    assert mine.find("dienstverband").get("code") == "bbl"
    assert mine.findtext("url") == f"http://testserver{public_url(vacancy)}"
    assert mine.findtext("sollicitatieUrl")
    other = items["Informatiespecialist"]
    assert other.find("werkDenkniveau").get("code") == "CWD.08"
    assert other.find("vakgebied").get("code") == "CVG.32"
    assert other.find("salaris").findtext("bedragMinimum") == ""


def test_sitemap_lists_open_vacancies_only(client, vacancies):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    assert f"http://testserver{public_url(vacancies['mine'])}" in locations
    assert f"http://testserver{public_url(vacancies['other'])}" in locations
    assert f"http://testserver{public_url(vacancies['closed'])}" not in locations
    assert f"http://testserver{public_url(vacancies['expired'])}" not in locations
    assert "http://testserver/vacatures/" in locations
    assert not any("/medewerkers/" in loc for loc in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_staff_pages_out(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /medewerkers/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_feeds_with_no_open_vacancies_are_valid_and_empty(client, db):
    root = ET.fromstring(client.get(reverse("publishing:feed_atom")).content)
    assert root.findall(f"{ATOM}entry") == []
    assert json.loads(client.get(reverse("publishing:feed_json")).content)["items"] == []
    assert (
        ET.fromstring(client.get(reverse("publishing:wvn_export")).content).findall("vacature")
        == []
    )
