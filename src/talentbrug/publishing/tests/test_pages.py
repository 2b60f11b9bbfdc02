"""The public vacancy page: facts, slug redirect, closed page, apply link, languages."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import override

from talentbrug.publishing import facts
from talentbrug.publishing.facts import public_url, vacancy_slug
from talentbrug.vacancies.constants import ContractType, VacancyStatus, Vakgebied
from talentbrug.vacancies.models import LanguageRequirement, Requirement, SalaryScale

from .factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scales():
    year = timezone.localdate().year
    SalaryScale.objects.create(year=year, scale=6, minimum=Decimal(2600), maximum=Decimal(3550))
    SalaryScale.objects.create(year=year, scale=8, minimum=Decimal(2950), maximum=Decimal(4450))


@pytest.fixture
def vacancy(organisation, scales):
    vacancy = OpenVacancyFactory(
        organisation=organisation,
        title="Servicedeskmedewerker ICT",
        apply_routes=["cv", "no_cv", "recruitment_day"],
        contact_name="Sanne de Vries",
    )
    LanguageRequirement.objects.create(
        vacancy=vacancy, language="nl", skill="speaking", level="B1", timing="with_coach"
    )
    LanguageRequirement.objects.create(
        vacancy=vacancy, language="nl", skill="reading", level="A2", timing="at_start"
    )
    Requirement.objects.create(vacancy=vacancy, free_text="Rustig uitleggen", kind="must_have")
    Requirement.objects.create(vacancy=vacancy, free_text="Incidenten beheren", kind="learnable")
    return vacancy


def test_slug_comes_from_the_title(vacancy):
    assert vacancy_slug(vacancy) == "servicedeskmedewerker-ict"
    assert public_url(vacancy) == f"/vacatures/{vacancy.pk}/servicedeskmedewerker-ict/"


def test_page_shows_the_facts_on_top_in_plain_words(client, vacancy):
    from talentbrug.applications.tests.factories import SlotFactory

    SlotFactory(day__vacancy=vacancy)  # a recruitment day shows only with a time to pick (#18)
    response = client.get(public_url(vacancy))
    assert response.status_code == 200
    content = response.content.decode()
    facts_block = content[content.index("In het kort") : content.index('class="tb-apply"')]
    assert "32 tot 36 uur per week" in facts_block
    assert "€ 2.600 tot € 4.450 bruto per maand" in facts_block
    assert "Apeldoorn, Deels thuis" in facts_block
    assert "Met cv, Zonder cv, Op een wervingsdag" in facts_block
    assert "Nederlands spreken: niveau B1 – we helpen je dit te leren" in facts_block
    assert "Nederlands lezen: niveau A2 – dit heb je nodig bij de start" in facts_block
    assert "Is Nederlands niet je eerste taal? Dat is geen probleem." in facts_block
    assert "Dit moet je al kunnen" in content and "Dit leer je bij ons" in content
    assert content.index("Dit moet je al kunnen") < content.index("Dit leer je bij ons")
    assert "Begeleiding en inwerken" in content  # the onboarding offered


def test_apply_button_falls_back_to_mail_when_there_is_no_apply_step(client, vacancy):
    try:
        reverse("applications:apply", kwargs={"pk": vacancy.pk})
    except NoReverseMatch:
        response = client.get(public_url(vacancy))
        assert (
            'id="apply" href="mailto:werving@voorbeeld.example?subject='
            in response.content.decode()
        )
    else:  # the applications app is installed: the button goes to its apply step
        response = client.get(public_url(vacancy))
        assert f'id="apply" href="{reverse("applications:apply", kwargs={"pk": vacancy.pk})}"' in (
            response.content.decode()
        )


def test_apply_link_uses_the_apply_step_when_that_url_exists(vacancy, monkeypatch):
    def fake_reverse(name, kwargs=None, **rest):
        if name == "applications:apply":
            return f"/solliciteren/{kwargs['pk']}/"
        raise NoReverseMatch(name)

    monkeypatch.setattr(facts, "reverse", fake_reverse)
    assert facts.apply_link(vacancy) == (f"/solliciteren/{vacancy.pk}/", True)


def test_apply_link_without_apply_step_or_email_is_empty(organisation, monkeypatch):
    def no_reverse(name, **kwargs):
        raise NoReverseMatch(name)

    monkeypatch.setattr(facts, "reverse", no_reverse)
    vacancy = OpenVacancyFactory(organisation=organisation, contact_email="")
    assert facts.apply_link(vacancy) == ("", False)


def test_wrong_or_missing_slug_redirects_permanently(client, vacancy):
    right = public_url(vacancy)
    response = client.get(f"/vacatures/{vacancy.pk}/oude-titel/")
    assert response.status_code == 301 and response.url == right
    response = client.get(f"/vacatures/{vacancy.pk}/")
    assert response.status_code == 301 and response.url == right


@pytest.mark.parametrize(
    "status",
    [
        VacancyStatus.CONCEPT,
        VacancyStatus.IN_REVIEW,
        VacancyStatus.APPROVED,
        VacancyStatus.WITHDRAWN,
    ],
)
def test_unpublished_vacancies_give_404_never_draft_content(client, organisation, status):
    vacancy = OpenVacancyFactory(organisation=organisation, status=status, title="Geheim concept")
    response = client.get(public_url(vacancy))
    assert response.status_code == 404
    assert "Geheim concept" not in response.content.decode()
    assert client.get(f"/vacatures/{vacancy.pk}/").status_code == 404


def test_unknown_id_gives_404(client, db):
    assert client.get("/vacatures/999999/iets/").status_code == 404


@pytest.mark.parametrize("how", ["expired", "closed", "filled"])
def test_closed_vacancy_says_so_and_shows_similar_open_vacancies(
    client, organisation, other_organisation, how
):
    today = timezone.localdate()
    closed = OpenVacancyFactory(
        organisation=organisation,
        title="Oude servicedeskvacature",
        vakgebied=Vakgebied.ICT,
        contract_type=ContractType.BBL,
        status=VacancyStatus.PUBLISHED if how == "expired" else how,
        closing_date=today - timedelta(days=2),
    )
    best = OpenVacancyFactory(
        organisation=organisation,
        title="Zelfde vak, contract en organisatie",
        vakgebied=Vakgebied.ICT,
        contract_type=ContractType.BBL,
    )
    OpenVacancyFactory(
        organisation=other_organisation,
        title="Zelfde vak",
        vakgebied=Vakgebied.ICT,
        contract_type=ContractType.PERMANENT,
    )
    OpenVacancyFactory(
        organisation=other_organisation,
        title="Zelfde contract",
        vakgebied=Vakgebied.DOCUMENTATION,
        contract_type=ContractType.BBL,
    )
    OpenVacancyFactory(
        organisation=other_organisation,
        title="Zelfde organisatie niet",
        vakgebied=Vakgebied.DOCUMENTATION,
        contract_type=ContractType.PERMANENT,
    )
    OpenVacancyFactory(
        organisation=organisation,
        title="Ook gesloten",
        vakgebied=Vakgebied.ICT,
        status=VacancyStatus.CLOSED,
    )
    response = client.get(public_url(closed))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Deze vacature is gesloten" in content
    assert 'name="robots" content="noindex"' in content
    assert "application/ld+json" not in content
    assert 'id="apply"' not in content
    similar = [v.title for v in response.context["similar"]]
    assert len(similar) == 3
    assert similar[0] == best.title
    assert "Zelfde organisatie niet" not in similar and "Ook gesloten" not in similar


def test_page_in_arabic_is_right_to_left_and_translatable(client, vacancy):
    client.cookies["django_language"] = "ar"
    response = client.get(reverse("publishing:list"))
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    response = client.get(public_url(vacancy))
    assert 'dir="rtl"' in response.content.decode()


def test_facts_are_translatable(vacancy):
    with override("en"):
        lines = facts.language_lines(vacancy)
    assert len(lines) == 2


def test_section_html_is_sanitised_on_the_way_out(client, organisation):
    vacancy = OpenVacancyFactory(
        organisation=organisation, tasks_text='<p onclick="x()">Werk</p><script>alert(1)</script>'
    )
    content = client.get(public_url(vacancy)).content.decode()
    assert "alert(1)" not in content and "onclick" not in content


def test_the_organisations_contact_shows_when_the_vacancy_has_none(client, organisation):
    organisation.contact_email = "werkenbij@dictu.example.org"
    organisation.contact_phone = "070 123 45 67"
    organisation.save()
    vacancy = OpenVacancyFactory(organisation=organisation, contact_email="", contact_name="")
    body = client.get(public_url(vacancy)).content.decode()
    assert 'href="mailto:werkenbij@dictu.example.org"' in body
    assert 'href="tel:0701234567"' in body
