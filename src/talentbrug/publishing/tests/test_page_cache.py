"""The cached parts of the careers pages: kept, and forgotten whenever what they show changes.

Correctness first: an edit is visible on the next request, language variants are kept apart,
a vacancy leaves the list on the day after its closing date (before the periodic job ran), and
the CSP nonce is new on every request although the content comes from the cache.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.publishing import pagecache
from talentbrug.publishing.facts import public_url
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import LanguageRequirement, Requirement, SalaryScale
from talentbrug.vacancies.services import close_expired

from .factories import OpenVacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_cache")]

LIST = "/vacatures/"


@pytest.fixture
def vacancy(cached_vacancy):
    return cached_vacancy


def _get(client: Client, path: str, **params: str) -> str:
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_a_second_visit_is_served_from_the_cache_without_sql(client, vacancy):
    assert _queries(client, public_url(vacancy)) > 0
    assert _queries(client, public_url(vacancy)) == 0
    assert _queries(client, LIST + "?q=netwerk") > 0
    assert _queries(client, LIST + "?q=netwerk") == 0


def test_an_edit_is_visible_at_once_on_page_and_list(client, vacancy):
    assert "Beheerder netwerken" in _get(client, public_url(vacancy))
    assert "Beheerder netwerken" in _get(client, LIST)
    vacancy.hours_min, vacancy.hours_max = 24, 24
    vacancy.title = "Beheerder netwerken en servers"
    vacancy.save()
    assert "24 uur per week" in _get(client, public_url(vacancy))
    assert "Beheerder netwerken en servers" in _get(client, LIST)


def test_requirements_language_requirements_and_salary_changes_are_visible_at_once(client, vacancy):
    url = public_url(vacancy)
    page = _get(client, url)
    assert "Incidenten beheren" not in page and "niveau B2" not in page
    assert "€ 2.600 tot € 4.450" in page
    Requirement.objects.create(vacancy=vacancy, free_text="Incidenten beheren", kind="learnable")
    assert "Incidenten beheren" in _get(client, url)
    req = LanguageRequirement.objects.create(
        vacancy=vacancy, language="nl", skill="speaking", level="B2", timing="with_coach"
    )
    assert "niveau B2" in _get(client, url)
    req.delete()
    assert "niveau B2" not in _get(client, url)
    SalaryScale.objects.filter(scale=6).get().delete()
    assert "€ 2.600" not in _get(client, url)


def test_closing_the_vacancy_shows_the_closed_page_at_once(client, vacancy):
    assert "application/ld+json" in _get(client, public_url(vacancy))
    vacancy.status = VacancyStatus.CLOSED
    vacancy.save()
    page = _get(client, public_url(vacancy))
    assert "Deze vacature is gesloten" in page
    assert "application/ld+json" not in page
    assert "Beheerder netwerken" not in _get(client, LIST)


def test_deactivated_organisation_leaves_the_list_at_once(client, vacancy):
    assert "Beheerder netwerken" in _get(client, LIST)
    vacancy.organisation.is_active = False
    vacancy.organisation.save()
    assert "Beheerder netwerken" not in _get(client, LIST)
    assert client.get(public_url(vacancy)).status_code == 404


def test_new_vacancy_appears_in_a_cached_search_at_once(client, vacancy, organisation):
    assert "Beheerder servers" not in _get(client, LIST, q="beheerder")
    OpenVacancyFactory(organisation=organisation, title="Beheerder servers")
    assert "Beheerder servers" in _get(client, LIST, q="beheerder")


def test_closed_vacancies_leave_the_list_on_the_day_after_closing_without_the_job(organisation):
    client = Client()
    with freeze_time("2026-03-01 10:00:00"):
        vacancy = OpenVacancyFactory(
            organisation=organisation, title="Archiefmedewerker", closing_date=date(2026, 3, 10)
        )
    with freeze_time("2026-03-10 22:30:00"):  # 23:30 in Amsterdam: still the closing day
        assert "Archiefmedewerker" in _get(client, LIST)
        assert "application/ld+json" in _get(client, public_url(vacancy))
    with freeze_time("2026-03-11 06:00:00"):  # the job has not run: the cache must not help
        assert "Archiefmedewerker" not in _get(client, LIST)
        assert "Deze vacature is gesloten" in _get(client, public_url(vacancy))
        assert close_expired() == [vacancy.pk]
        assert "Deze vacature is gesloten" in _get(client, public_url(vacancy))


def test_language_variants_are_kept_apart(vacancy):
    url = public_url(vacancy)
    dutch, english = Client(), Client()
    english.cookies["django_language"] = "en"
    for _round in range(2):  # the second round comes from the cache
        nl_page = _get(dutch, url)
        en_page = _get(english, url)
        assert "Beheerder netwerken" in nl_page and "Network administrator" not in nl_page
        assert "Network administrator" in en_page and "You look after our networks" in en_page
        assert '<html lang="nl"' in nl_page and '<html lang="en"' in en_page
        assert "Vacatures bij de Rijksoverheid" in _get(dutch, LIST)
        assert "Vacatures bij de Rijksoverheid" not in _get(english, LIST)


def test_the_csp_nonce_is_new_on_every_request_though_the_content_is_cached(client, vacancy):
    nonces = set()
    for _round in range(2):
        response = client.get(public_url(vacancy))
        header = response["Content-Security-Policy"]
        script = re.search(
            r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>',
            response.content.decode(),
            re.S,
        )
        assert script is not None
        assert f"'nonce-{script.group(1)}'" in header
        assert json.loads(script.group(2))["title"] == "Beheerder netwerken"
        nonces.add(script.group(1))
    assert len(nonces) == 2


def test_json_ld_urls_follow_the_host(vacancy, settings):
    settings.ALLOWED_HOSTS = ["werken.example", "testserver"]
    url = public_url(vacancy)
    for host in ("werken.example", "testserver", "werken.example"):
        content = Client(HTTP_HOST=host).get(url).content.decode()
        script = re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', content, re.S
        )
        assert json.loads(script.group(1))["url"].startswith(f"http://{host}/")


def test_wrong_slug_still_redirects_when_the_page_is_cached(client, vacancy):
    _get(client, public_url(vacancy))
    response = client.get(reverse("publishing:vacancy", kwargs={"pk": vacancy.pk, "slug": "x"}))
    assert response.status_code == 301
    assert response["Location"] == public_url(vacancy)


def test_a_lost_version_never_brings_back_old_parts(client, vacancy):
    first = pagecache.version()
    cache.delete(pagecache.VERSION_KEY)
    assert pagecache.version() != first


def test_cached_parts_expire_sooner_with_the_in_process_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert pagecache.timeout() == pagecache.LOCAL_TIMEOUT
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    assert pagecache.timeout() == pagecache.TIMEOUT


def test_vacancy_list_still_shows_validation_errors_from_cache(client, vacancy):
    for _round in range(2):
        page = _get(client, LIST, niveau="onbekend")
        assert "Deze keuze kennen we niet" in page


def test_the_page_of_a_vacancy_after_closing_date_is_not_cached_as_open(client, organisation):
    today = timezone.localdate()
    vacancy = OpenVacancyFactory(organisation=organisation, closing_date=today)
    assert "application/ld+json" in _get(client, public_url(vacancy))
    with freeze_time(timezone.now() + timedelta(days=1)):
        assert "Deze vacature is gesloten" in _get(client, public_url(vacancy))


def test_a_cached_page_carries_a_working_csrf_token_for_the_language_switcher(vacancy):
    for _round in range(2):  # the second page comes from the cache
        client = Client(enforce_csrf_checks=True)
        page = _get(client, public_url(vacancy))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        response = client.post(
            reverse("set_language"),
            {"language": "en", "next": public_url(vacancy), "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302


def test_a_waiting_message_is_shown_not_hidden_by_the_cache(client, vacancy):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    _get(client, public_url(vacancy))  # cached for anonymous visitors
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "Je sollicitatie is verstuurd.")]
    )
    assert "Je sollicitatie is verstuurd." in _get(client, public_url(vacancy))
    assert "Je sollicitatie is verstuurd." not in _get(client, public_url(vacancy))


def test_a_logged_in_user_gets_the_page_rendered_around_the_cached_content(vacancy, make_staff):
    from talentbrug.accounts.constants import Role
    from talentbrug.conftest import verified_client

    _get(Client(), public_url(vacancy))
    staff = verified_client(make_staff(vacancy.organisation, Role.HR_ADVISER))
    with CaptureQueriesContext(connection) as ctx:
        page = _get(staff, public_url(vacancy))
    assert "Beheerder netwerken" in page
    assert not any("vacancies_vacancy" in q["sql"] for q in ctx.captured_queries)


def test_plain_select_renders_what_django_select_renders():
    from django import forms

    from talentbrug.publishing.forms import PlainSelect

    choices = [("", "Alle"), ("a&b", "A & <b>"), ("bbl", "BBL"), ("36", "Tot 36 uur")]
    attrs = {"id": "id_x", "class": "utrecht-select", "aria-invalid": "true", "required": True}
    for value in (None, "", "bbl", "a&b", "onbekend"):
        expected = forms.Select(choices=choices).render("x", value, attrs=dict(attrs))
        actual = PlainSelect(choices=choices).render("x", value, attrs=dict(attrs))
        assert re.sub(r"\s+", " ", actual) == re.sub(r"\s+", " ", expected), value


# --- Result cards: cached per vacancy, version and language -----------------------------------


def test_a_list_miss_uses_cached_cards_without_vacancy_queries(client, vacancy):
    _get(client, LIST, q="beheerder")
    with CaptureQueriesContext(connection) as ctx:
        html = _get(client, LIST, q="netwerken")  # another search: ids searched, cards cached
    assert "Beheerder netwerken" in html
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "vacancies_languagerequirement" not in sql
    assert "vacancies_salaryscale" not in sql


def test_an_edit_refreshes_the_card_in_other_searches(client, vacancy):
    _get(client, LIST, q="beheerder")
    vacancy.title = "Beheerder netwerken en telefonie"
    vacancy.nt2_welcome = True
    vacancy.save()
    html = _get(client, LIST, q="netwerken")
    assert "Beheerder netwerken en telefonie" in html


def test_an_update_bypassing_signals_still_refreshes_the_card(client, vacancy):
    from talentbrug.vacancies.models import Vacancy

    _get(client, LIST, q="beheerder")
    Vacancy.objects.filter(pk=vacancy.pk).update(
        title="Beheerder netwerken (nieuw)", updated_at=timezone.now() + timedelta(seconds=1)
    )
    assert "Beheerder netwerken (nieuw)" in _get(client, LIST, q="netwerken")


def test_organisation_and_salary_changes_refresh_the_card(client, vacancy, organisation):
    _get(client, LIST, q="beheerder")
    organisation.name = "Dienst Nieuwe Naam"
    organisation.save()
    assert "Dienst Nieuwe Naam" in _get(client, LIST, q="netwerken")


def test_cards_are_kept_apart_per_language(vacancy):
    nl = Client(HTTP_ACCEPT_LANGUAGE="nl")
    en = Client(HTTP_ACCEPT_LANGUAGE="en")
    dutch = _get(nl, LIST, q="beheerder")
    english = _get(en, LIST, q="netwerken")
    assert "Nederlands als tweede taal welkom" in dutch or "Kenmerken" in dutch
    assert 'aria-label="Kenmerken"' not in english


def test_unknown_parameters_do_not_fill_the_list_cache_nor_leak_into_links(client, organisation):
    OpenVacancyFactory.create_batch(25, organisation=organisation, title="Beheerder")
    first = _get(client, LIST, q="beheerder", foo="1")
    with CaptureQueriesContext(connection) as ctx:
        second = _get(client, LIST, q="beheerder", foo="2")
    assert "vacancies_vacancy" not in " ".join(q["sql"] for q in ctx.captured_queries)
    for html in (first, second):
        link = re.search(r'rel="next" href="([^"]+)"', html)
        assert link is not None
        assert "pagina=2" in link.group(1) and "foo" not in link.group(1)
