"""The short way for cached careers pages (``publishing.middleware``) answers exactly what the
full middleware stack answers, and only for visitors it may answer for."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from talentbrug.publishing.facts import public_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_cache")]

LIST = "/vacatures/?q=netwerk&niveau=mbo"
NONCE = re.compile(r'nonce="([^"]+)"')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def vacancy(cached_vacancy):
    return cached_vacancy


def _fast(response) -> bool:
    return bool(getattr(response, "_careers_cached", False))


def _normalised_body(response) -> str:
    """The page with its CSP nonce and CSRF token replaced by "N" and "T" wherever they appear,
    so that two answers to the same request can be compared."""
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    token = TOKEN.search(html).group(1)
    return html.replace(nonce, "N").replace(token, "T")


def _headers(response) -> dict[str, str]:
    headers = {k.lower(): v for k, v in response.headers.items()}
    if "content-security-policy" in headers:
        headers["content-security-policy"] = re.sub(
            r"'nonce-[^']+'", "'nonce-N'", headers["content-security-policy"]
        )
    return headers


def _cookie_shape(response) -> dict[str, dict[str, object]]:
    """Set cookies without their random values: name -> attributes. ``expires`` is the clock
    time of the answer plus max-age: two answers a second apart differ there, so it is left
    out (max-age, which decides it, is compared)."""
    return {
        name: {k: v for k, v in morsel.items() if v and k != "expires"}
        for name, morsel in response.cookies.items()
    }


def _get(client: Client, path: str, language: str):
    return client.get(path, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
@pytest.mark.parametrize("which", ["vacancy", "list"])
def test_the_short_way_answers_what_the_full_stack_answers(vacancy, language, which):
    path = public_url(vacancy) if which == "vacancy" else LIST
    first = _get(Client(), path, language)  # rendered and stored by the view
    assert first.status_code == 200 and not _fast(first)

    fast = _get(Client(), path, language)
    with override_settings(TALENTBRUG_CAREERS_FAST_PATH=False):
        full = _get(Client(), path, language)
    assert _fast(fast) and not _fast(full)
    assert fast.status_code == full.status_code == 200
    assert _normalised_body(fast) == _normalised_body(full)
    assert _headers(fast) == _headers(full)
    assert _cookie_shape(fast) == _cookie_shape(full)
    assert fast.headers["Content-Language"] == language
    assert "Cookie" in fast.headers["Vary"] and "Accept-Language" in fast.headers["Vary"]
    if language == "ar":
        assert 'dir="rtl"' in fast.content.decode()


def test_a_hit_on_the_short_way_runs_no_sql(vacancy):
    url = public_url(vacancy)
    assert _get(Client(), url, "nl").status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = _get(Client(), url, "nl")
    assert _fast(response)
    assert len(ctx.captured_queries) == 0


def test_nonce_is_new_per_request_and_matches_the_header(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    nonces = set()
    for _ in range(2):
        response = _get(Client(), url, "nl")
        assert _fast(response)
        html_nonces = set(NONCE.findall(response.content.decode()))
        assert len(html_nonces) == 1
        nonce = html_nonces.pop()
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        nonces.add(nonce)
    assert len(nonces) == 2


def test_the_language_switcher_token_works_with_the_cookie_it_came_with(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    client = Client(enforce_csrf_checks=True)
    response = _get(client, url, "nl")
    assert _fast(response)
    assert settings.CSRF_COOKIE_NAME in response.cookies
    token = TOKEN.search(response.content.decode()).group(1)
    switched = client.post(
        "/i18n/setlang/", {"language": "en", "next": url, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    # The language cookie now picks the English page, also on the short way.
    english = client.get(url)
    assert english.headers["Content-Language"] == "en"
    assert "Network administrator" in english.content.decode()


def test_a_visitor_with_an_existing_csrf_cookie_keeps_it(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    client = Client()
    first = _get(client, url, "nl")
    cookie = first.cookies[settings.CSRF_COOKIE_NAME].value
    second = _get(client, url, "nl")
    assert _fast(second)
    assert client.cookies[settings.CSRF_COOKIE_NAME].value == cookie


def test_logged_in_staff_never_get_the_anonymous_page(vacancy, django_user_model):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    user = django_user_model.objects.create_user(username="hr@example.org", password="x" * 20)
    client = Client()
    client.force_login(user)
    response = _get(client, url, "nl")
    assert response.status_code == 200 and not _fast(response)


def test_a_visitor_with_a_session_or_a_message_goes_the_full_way(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    for name in (settings.SESSION_COOKIE_NAME, "messages"):
        client = Client()
        client.cookies[name] = "x"
        response = _get(client, url, "nl")
        assert response.status_code == 200 and not _fast(response)


def test_an_edit_is_not_answered_from_the_old_entry(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    assert _fast(_get(Client(), url, "nl"))
    vacancy.hours_min, vacancy.hours_max = 24, 24
    vacancy.save()
    response = _get(Client(), url, "nl")
    assert not _fast(response)
    assert "24 uur per week" in response.content.decode()
    assert _fast(_get(Client(), url, "nl"))


def test_other_methods_and_uncached_paths_pass_on(vacancy):
    url = public_url(vacancy)
    _get(Client(), url, "nl")
    assert Client().post(url).status_code in (403, 405)
    assert Client().head(url).status_code == 405  # as the view itself answers HEAD
    feed = Client().get("/vacatures/feed.json")
    assert feed.status_code == 200 and not _fast(feed)
    assert feed.headers["Content-Type"].startswith("application/feed+json")
    assert Client().get("/vacatures/999999/weg/").status_code == 404


def test_switched_off_the_view_serves_hits(vacancy):
    url = public_url(vacancy)
    with override_settings(TALENTBRUG_CAREERS_FAST_PATH=False):
        _get(Client(), url, "nl")
        with CaptureQueriesContext(connection) as ctx:
            response = _get(Client(), url, "nl")
    assert not _fast(response)
    assert response.status_code == 200
    assert len(ctx.captured_queries) == 0


def test_a_miss_asks_the_cache_for_the_page_once(vacancy):
    from unittest import mock

    from talentbrug.publishing import pagecache

    with mock.patch.object(
        pagecache, "whole_page_entry", wraps=pagecache.whole_page_entry
    ) as lookup:
        response = _get(Client(), public_url(vacancy), "nl")
    assert response.status_code == 200 and not _fast(response)
    assert lookup.call_count == 1  # the middleware's miss is not asked again by the view
    assert _fast(_get(Client(), public_url(vacancy), "nl"))  # and the page was stored
