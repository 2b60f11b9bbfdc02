from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse

from talentbrug.accounts.constants import Role


@pytest.mark.django_db
def test_health_reports_database_ok(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


@pytest.mark.django_db
def test_health_reports_database_failure(client):
    with mock.patch(
        "talentbrug.pages.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error"


@pytest.mark.django_db
def test_health_checks_workers_when_asked(client):
    response = client.get("/health/", {"workers": "1"})
    assert response.status_code == 200
    assert response.json()["checks"]["workers"] == "ok"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["pages:accessibility", "pages:privacy", "pages:landing"])
def test_public_pages_render_in_dutch(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="nl" dir="ltr">' in body
    assert 'href="#main"' in body


@pytest.mark.django_db
def test_privacy_page_names_the_retention_terms(client):
    body = client.get(reverse("pages:privacy")).content.decode()
    assert "4 weken" in body and "1 jaar" in body
    assert "BSN" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code,direction", [("ar", "rtl"), ("fa", "rtl"), ("tr", "ltr"), ("ti", "ltr")]
)
def test_candidate_languages_set_lang_and_direction(code, direction):
    client = Client()
    client.post(reverse("set_language"), {"language": code, "next": "/"})
    body = client.get(reverse("pages:privacy")).content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in body


@pytest.mark.django_db
def test_staff_pages_offer_only_staff_languages(staff_client, organisation):
    client = staff_client(organisation, Role.HR_ADVISER)
    response = client.get(reverse("pages:home"))
    codes = [code for code, _ in response.context["shell_languages"]]
    assert codes == ["nl", "en"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ar", "fa", "ti", "tr"])
def test_staff_pages_fall_back_to_dutch_from_a_candidate_language(code, staff_client, organisation):
    """The language cookie is shared by the whole site: a candidate language chosen on the careers
    site must not turn the staff login or the staff pages into right-to-left pages with Dutch
    labels (the staff texts exist in Dutch and English only)."""
    anonymous = Client()
    anonymous.post(reverse("set_language"), {"language": code, "next": "/"})
    login = anonymous.get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl" dir="ltr">' in login
    assert "Inloggen" in login
    # The careers site keeps the chosen language.
    careers = anonymous.get(reverse("pages:privacy")).content.decode()
    assert f'<html lang="{code}"' in careers
    client = staff_client(organisation, Role.HR_ADVISER)
    client.cookies["django_language"] = code
    home = client.get(reverse("pages:home")).content.decode()
    assert '<html lang="nl" dir="ltr">' in home


@pytest.mark.django_db
def test_staff_pages_keep_english(staff_client, organisation):
    client = staff_client(organisation, Role.HR_ADVISER)
    client.cookies["django_language"] = "en"
    assert '<html lang="en" dir="ltr">' in client.get(reverse("pages:home")).content.decode()


@pytest.mark.django_db
def test_home_shows_attention_items_with_next_step(staff_client, make_staff, organisation):
    make_staff(organisation, Role.ASSESSOR)
    client = staff_client(organisation, Role.ORG_ADMIN)
    response = client.get(reverse("pages:home"))
    items = {item.title: item for item in response.context["attention_items"]}
    assert items["Medewerkers zonder tweestapsverificatie"].count == 1
    assert "Bekijk medewerkers" in response.content.decode()


@pytest.mark.django_db
def test_home_without_role_is_forbidden_with_explanation(make_staff, organisation):
    from talentbrug.accounts.tests.factories import UserFactory
    from talentbrug.conftest import verified_client

    client = verified_client(UserFactory())
    response = client.get(reverse("pages:home"))
    assert response.status_code == 403
    assert "nog geen rol" in response.content.decode()


@pytest.mark.django_db
def test_security_headers_present(client):
    response = client.get(reverse("pages:landing"))
    assert response["X-Frame-Options"] == "DENY"
    assert "nonce-" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
