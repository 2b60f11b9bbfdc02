"""Candidate portal links: single-use, a short session, a logout that ends it, no token in logs
(issue 14, item 10)."""

from __future__ import annotations

import copy
import io
import logging
import logging.config
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.servers.basehttp import WSGIRequestHandler
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.models import UsedLink

from .. import tokens
from ..constants import PORTAL_LINK_MAX_AGE, PORTAL_SESSION_AGE
from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _path(token: str) -> str:
    return reverse("applications:portal_login", kwargs={"token": token})


def test_a_link_opens_one_short_session_and_then_asks_for_a_new_link():
    candidate = CandidateFactory(name="Amina Yusuf")
    token = tokens.make_token(candidate)
    first = Client()
    opened = first.post(_path(token))
    assert opened.url == reverse("applications:portal")
    assert "Amina Yusuf" in first.get(reverse("applications:portal")).content.decode()
    assert first.session.get_expiry_age() == PORTAL_SESSION_AGE
    assert PORTAL_SESSION_AGE < settings.SESSION_COOKIE_AGE

    # The same link again, elsewhere (a forwarded mail, a shared computer): no session.
    second = Client()
    again = second.post(_path(token))
    body = again.content.decode()
    assert again.status_code == 403
    assert "Deze link is al een keer gebruikt" in body
    assert reverse("applications:link_request") in body
    assert "Amina Yusuf" not in body
    portal = second.get(reverse("applications:portal"))
    assert portal.url == reverse("applications:link_request")
    # Only a digest of the nonce is kept, not the token.
    assert UsedLink.objects.count() == 1
    assert token not in UsedLink.objects.get().digest


def test_a_mail_scanner_opening_the_link_uses_nothing():
    """Safe Links and the like open every URL in a mail with GET: the link shows a page with one
    button; GET twice, then the person's POST still opens the portal. A second POST elsewhere
    asks for a new link."""
    candidate = CandidateFactory(name="Amina Yusuf")
    token = tokens.make_token(candidate)
    scanner = Client()
    for _ in range(2):
        page = scanner.get(_path(token))
        body = page.content.decode()
        assert page.status_code == 200 and "Open je persoonlijke pagina" in body
        assert f'action="{_path(token)}"' in body and 'name="open_link"' in body
        assert "Amina Yusuf" not in body
        assert page["Cache-Control"].startswith("max-age=0")
    assert UsedLink.objects.count() == 0
    assert scanner.get(reverse("applications:portal")).url == reverse("applications:link_request")
    person = Client()
    assert person.get(_path(token)).status_code == 200
    opened = person.post(_path(token), {"open_link": "1"})
    assert opened.url == reverse("applications:portal")
    assert "Amina Yusuf" in person.get(reverse("applications:portal")).content.decode()
    again = Client().post(_path(token), {"open_link": "1"})
    assert (
        again.status_code == 403 and "Deze link is al een keer gebruikt" in again.content.decode()
    )
    assert reverse("applications:link_request") in again.content.decode()
    # After use, a GET elsewhere says so too (and still writes nothing).
    assert Client().get(_path(token)).status_code == 403
    assert UsedLink.objects.count() == 1


def test_the_confirm_page_speaks_the_candidates_language():
    candidate = CandidateFactory(preferred_language="ar")
    page = Client().get(_path(tokens.make_token(candidate))).content.decode()
    assert 'lang="ar" dir="rtl"' in page


def test_opening_the_link_again_in_the_same_session_just_goes_to_the_portal():
    candidate = CandidateFactory()
    token = tokens.make_token(candidate)
    client = Client()
    client.post(_path(token))
    assert client.post(_path(token)).url == reverse("applications:portal")


def test_every_mail_gets_its_own_link_and_each_works_once():
    candidate = CandidateFactory()
    one, two = tokens.make_token(candidate), tokens.make_token(candidate)
    assert one != two
    assert Client().post(_path(one)).status_code == 302
    assert Client().post(_path(two)).status_code == 302
    assert Client().post(_path(one)).status_code == 403


def test_expired_and_revoked_links_say_so_and_are_not_recorded_as_used():
    candidate = CandidateFactory()
    token = tokens.make_token(candidate)
    with freeze_time(timezone.now() + timedelta(seconds=PORTAL_LINK_MAX_AGE + 60)):
        old = Client().get(_path(token))
    assert old.status_code == 403
    assert "te oud" in old.content.decode()
    tampered = Client().get(_path(token[:-3] + "abc"))
    assert "niet compleet" in tampered.content.decode()
    assert UsedLink.objects.count() == 0


def test_used_link_rows_are_removed_once_the_link_has_expired_anyway():
    candidate = CandidateFactory()
    Client().post(_path(tokens.make_token(candidate)))
    assert UsedLink.objects.count() == 1
    with freeze_time(timezone.now() + timedelta(seconds=PORTAL_LINK_MAX_AGE + 60)):
        Client().post(_path(tokens.make_token(candidate)))
        assert UsedLink.objects.count() == 1  # the old row went, the new one came


def test_logout_ends_the_whole_session():
    candidate = CandidateFactory(name="Tesfay Gebremedhin")
    client = Client()
    client.post(_path(tokens.make_token(candidate)))
    old_key = client.session.session_key
    assert Session.objects.filter(session_key=old_key).exists()
    home = client.get(reverse("applications:portal")).content.decode()
    assert reverse("applications:portal_logout") in home  # the button is on the page
    out = client.post(reverse("applications:portal_logout"), follow=True)
    assert "Je bent uitgelogd" in out.content.decode()
    assert not Session.objects.filter(session_key=old_key).exists()
    assert client.session.get(tokens.SESSION_KEY) is None
    after = client.get(reverse("applications:portal"))
    assert after.url == reverse("applications:link_request")


class _FakeRunserverHandler:
    """Just what WSGIRequestHandler.log_message reads (runserver's access log line)."""

    request = None

    def log_date_time_string(self) -> str:
        return "07/Dec/2026 12:00:00"


@pytest.fixture
def configured_logs(settings):
    """The project's own LOGGING, every logger at DEBUG, written to a buffer instead of stderr."""
    buffer = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"]["stream"] = buffer
    config["root"]["level"] = "DEBUG"
    config["loggers"]["django.request"] = {"level": "DEBUG"}
    config["loggers"]["django.server"]["level"] = "DEBUG"
    logging.config.dictConfig(config)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


def test_tokens_never_reach_the_logs(configured_logs):
    candidate = CandidateFactory()
    token = tokens.make_token(candidate)
    client = Client()
    client.get(_path(token))
    Client().get(_path(token))  # used: a 403, which Django logs as "Forbidden: <path>"
    Client().get(_path(token[:-3] + "abc"))  # tampered
    # runserver's access log line for the same requests, through Django's own handler.
    for status in ("302", "403"):
        WSGIRequestHandler.log_message(
            _FakeRunserverHandler(), '"%s" %s %s', f"GET {_path(token)} HTTP/1.1", status, "0"
        )
    # A token inside ?next= (percent-encoded colons) is removed as well.
    logging.getLogger("django.request").warning(
        "Not Found: /account/inloggen/?next=%s", _path(token).replace(":", "%3A")
    )
    text = configured_logs.getvalue()
    assert "Forbidden: /mijn/inloggen/[token]/" in text
    assert '"GET /mijn/inloggen/[token]/ HTTP/1.1" 302 0' in text
    assert "?next=/mijn/inloggen/[token]/" in text
    signature = token.rsplit(":", 1)[1]
    payload = token.split(":", 1)[0]
    assert signature not in text
    assert payload not in text


def test_gunicorn_access_log_has_no_token():
    from gunicorn.config import Config

    from talentbrug.conf.logredact import GunicornLogger

    candidate = CandidateFactory()
    token = tokens.make_token(candidate)
    config = Config()
    config.set("accesslog", "-")
    logger = GunicornLogger(config)
    buffer = io.StringIO()
    capture = logging.StreamHandler(buffer)
    capture.setFormatter(logging.Formatter("%(message)s"))
    logger.access_log.addHandler(capture)

    class Response:
        status = "302 Found"
        response_length = 0
        headers = [("Location", "/mijn/")]
        sent = 0

    class Request:
        headers = [("REFERER", f"https://werken.example.nl{_path(token)}")]

    path = _path(token)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://werken.example.nl{path}",
        "HTTP_USER_AGENT": "test",
    }
    logger.access(Response(), Request(), environ, timedelta(milliseconds=5))
    line = buffer.getvalue()
    assert '"GET /mijn/inloggen/[token]/ HTTP/1.1" 302' in line
    assert token.rsplit(":", 1)[1] not in line
    assert token.split(":", 1)[0] not in line
