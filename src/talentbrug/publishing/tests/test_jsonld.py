"""schema.org JobPosting: built by a pure function, checked against our property rules."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from lxml import html as lxml_html

from talentbrug.publishing import jsonld
from talentbrug.publishing.facts import public_url
from talentbrug.vacancies.constants import ContractType, RemoteOption
from talentbrug.vacancies.models import Vacancy

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db


def _posting(vacancy, direct_apply=False):
    return jsonld.job_posting(
        vacancy,
        url=f"https://werk.example{public_url(vacancy)}",
        salary=vacancy.salary_range(),
        direct_apply=direct_apply,
    )


def test_every_demo_vacancy_gives_a_valid_job_posting(demo):
    vacancies = Vacancy.objects.filter(is_template=False)
    assert vacancies.count() >= 3
    for vacancy in vacancies:
        if vacancy.closing_date is None:
            # Concepts get their closing date before publishing (publish refuses without one).
            vacancy.closing_date = timezone.localdate() + timedelta(days=30)
        posting = _posting(vacancy)
        assert jsonld.problems(posting) == [], (vacancy.title, jsonld.problems(posting))
        # Required properties
        for key in ("title", "description", "datePosted", "hiringOrganization"):
            assert posting[key]
        assert "jobLocation" in posting or posting["jobLocationType"] == "TELECOMMUTE"
        # Recommended properties
        for key in ("validThrough", "employmentType", "identifier", "directApply"):
            assert key in posting, (vacancy.title, key)
        date.fromisoformat(posting["datePosted"])
        assert datetime.fromisoformat(posting["validThrough"]).tzinfo is not None
        if vacancy.scale_min:
            salary = posting["baseSalary"]
            assert salary["currency"] == "EUR" and salary["value"]["unitText"] == "MONTH"
            assert 0 < salary["value"]["minValue"] <= salary["value"]["maxValue"]
        assert (
            posting.get("experienceInPlaceOfEducation", False) is vacancy.equivalent_by_experience
        )
        assert posting["educationRequirements"]["@type"] == "EducationalOccupationalCredential"


def test_the_published_demo_vacancy_page_embeds_the_posting_with_the_nonce(client, demo):
    vacancy = demo["vacancies"]["servicedesk"]
    response = client.get(public_url(vacancy))
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    scripts = tree.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    nonce = scripts[0].get("nonce")
    assert nonce and f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    posting = json.loads(scripts[0].text)
    assert jsonld.problems(posting) == []
    assert posting["title"] == "Servicedeskmedewerker ICT"
    assert posting["hiringOrganization"]["name"] == "Dienst ICT Uitvoering"
    assert posting["experienceInPlaceOfEducation"] is True
    assert posting["jobLocation"]["address"]["addressLocality"] == "Apeldoorn"
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 2600.0,
        "maxValue": 4450.0,
        "unitText": "MONTH",
    }
    assert posting["validThrough"].startswith(vacancy.closing_date.isoformat())
    assert posting["url"].startswith("http://testserver/vacatures/")


def test_employment_type_follows_contract_and_hours(organisation):
    cases = [
        (ContractType.PERMANENT, 36, 36, ["FULL_TIME"]),
        (ContractType.PERMANENT, 24, 32, ["PART_TIME"]),
        (ContractType.TEMPORARY, 32, 36, ["TEMPORARY", "FULL_TIME", "PART_TIME"]),
        (ContractType.INTERNSHIP, 32, 36, ["INTERN"]),
        (ContractType.BBL, 32, 32, ["OTHER", "PART_TIME"]),
    ]
    for contract, low, high, expected in cases:
        vacancy = OpenVacancyFactory.build(
            organisation=organisation, contract_type=contract, hours_min=low, hours_max=high
        )
        assert jsonld.employment_types(vacancy) == expected


def test_remote_vacancy_is_telecommute_with_country(organisation):
    vacancy = OpenVacancyFactory(
        organisation=organisation, location="", remote_option=RemoteOption.MOSTLY_REMOTE
    )
    posting = _posting(vacancy)
    assert "jobLocation" not in posting
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == {"@type": "Country", "name": "NL"}
    assert jsonld.problems(posting) == []


def test_no_experience_route_means_no_experience_in_place_of_education(organisation):
    vacancy = OpenVacancyFactory(
        organisation=organisation, equivalent_by_experience=False, min_education_level="6"
    )
    posting = _posting(vacancy, direct_apply=True)
    assert "experienceInPlaceOfEducation" not in posting
    assert posting["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert posting["directApply"] is True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.pop("title"), "title"),
        (lambda p: p.update(datePosted="28-11-2026"), "datePosted"),
        (lambda p: p.update(validThrough="2026-12-31"), "validThrough"),
        (lambda p: p.pop("jobLocation"), "jobLocation or jobLocationType"),
        (lambda p: p.update(employmentType=["FULLTIME"]), "employmentType"),
        (lambda p: p["baseSalary"].update(currency="USD"), "baseSalary: EUR"),
        (lambda p: p["baseSalary"]["value"].update(minValue="2600"), "numbers"),
        (lambda p: p["baseSalary"]["value"].update(unitText="YEAR"), "MONTH"),
        (lambda p: p.update(directApply="yes"), "directApply"),
        (lambda p: p["hiringOrganization"].update(name=""), "hiringOrganization"),
        (lambda p: p.update(identifier="12"), "identifier"),
    ],
)
def test_the_rules_catch_broken_postings(organisation, change, message):
    from talentbrug.vacancies.models import SalaryScale

    SalaryScale.objects.create(year=2026, scale=6, minimum=Decimal(2600), maximum=Decimal(3550))
    SalaryScale.objects.create(year=2026, scale=8, minimum=Decimal(2950), maximum=Decimal(4450))
    posting = _posting(OpenVacancyFactory(organisation=organisation))
    assert jsonld.problems(posting) == []
    change(posting)
    assert any(message in problem for problem in jsonld.problems(posting)), jsonld.problems(posting)


def test_script_json_cannot_close_the_script_element(organisation):
    vacancy = OpenVacancyFactory(organisation=organisation, title="Beheerder </script><b>x</b>")
    text = jsonld.to_script_json(_posting(vacancy))
    assert "</script>" not in text and "<" not in text
    assert json.loads(text)["title"] == "Beheerder </script><b>x</b>"


def test_valid_through_is_the_end_of_the_closing_day_in_amsterdam(organisation):
    closing = timezone.localdate() + timedelta(days=10)
    posting = _posting(OpenVacancyFactory(organisation=organisation, closing_date=closing))
    moment = datetime.fromisoformat(posting["validThrough"])
    assert moment.date() == closing and (moment.hour, moment.minute) == (23, 59)
    assert moment.utcoffset() in (timedelta(hours=1), timedelta(hours=2))


def test_the_support_offered_is_a_job_benefit_in_dutch():
    vacancy = OpenVacancyFactory(offers_buddy=True, offers_language_coach=True)
    with translation.override("en"):
        posting = _posting(vacancy)
    assert posting["jobBenefits"] == "Je krijgt een buddy en een taalcoach."
    assert "jobBenefits" not in _posting(OpenVacancyFactory())
    assert jsonld.problems(posting) == []
