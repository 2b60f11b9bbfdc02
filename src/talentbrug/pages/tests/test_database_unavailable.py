"""A friendly 503 while the database is unreachable (pages.middleware): a static page with
Retry-After, rendered without a database query, logged without the path; other errors keep
their normal path; nothing is committed half-way."""

from __future__ import annotations

import logging
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.utils import IntegrityError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from talentbrug.accounts.constants import Role
from talentbrug.accounts.models import Organisation

MESSAGE = "We zijn even niet bereikbaar. Probeer het over een minuut opnieuw."
TOKEN = "geheim-token-123"


def _query(request, token=""):
    Organisation.objects.count()  # raises while the database is down
    return HttpResponse("ok")


def _raise(exception):
    def view(request, token=""):
        raise exception

    return view


def _write_then_fail(request):
    with transaction.atomic():
        Organisation.objects.create(name="Half opgeslagen", slug="half-opgeslagen")
        raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("query/<str:token>/", _query, name="query"),
    path("operational/", _raise(OperationalError("could not connect to server")), name="op"),
    path("interface/", _raise(InterfaceError("connection already closed")), name="iface"),
    path("integrity/", _raise(IntegrityError("duplicate key")), name="integrity"),
    path("value/", _raise(ValueError("bug")), name="value"),
    path("write/", _write_then_fail, name="write"),
]
handler500 = "talentbrug.pages.errors.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def _assert_friendly_503(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assert MESSAGE in body
    assert '<html lang="nl" dir="ltr">' in body
    assert "<main" in body and "<h1" in body


def test_middleware_is_registered_last():
    assert settings.MIDDLEWARE[-1] == "talentbrug.pages.middleware.DatabaseUnavailableMiddleware"


@pytest.mark.parametrize("url", ["/operational/", "/interface/"])
def test_database_errors_of_a_view_give_the_503_page(client, url):
    _assert_friendly_503(client.get(url))


def test_rendered_without_touching_the_database(client):
    """Every query fails during the request: the view's query is the only one tried."""
    down = OperationalError("could not connect to server: Connection refused")
    with mock.patch.object(connection, "cursor", side_effect=down) as cursor:
        response = client.get(f"/query/{TOKEN}/")
    _assert_friendly_503(response)
    assert cursor.call_count == 1


def test_the_page_speaks_english_to_an_english_visitor(client):
    response = client.get("/operational/", headers={"accept-language": "en"})
    assert response.status_code == 503
    assert '<html lang="en" dir="ltr">' in response.content.decode()


@pytest.mark.parametrize(
    "url,exception", [("/value/", ValueError), ("/integrity/", IntegrityError)]
)
def test_other_errors_keep_their_normal_path(url, exception):
    with pytest.raises(exception):
        Client().get(url)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert MESSAGE not in response.content.decode()


def test_nothing_is_committed_half_way(client):
    before = Organisation.objects.count()
    _assert_friendly_503(client.get("/write/"))
    assert Organisation.objects.count() == before
    assert not Organisation.objects.filter(slug="half-opgeslagen").exists()


def test_logged_once_without_path_or_message(client, caplog):
    down = OperationalError(f"connection to server failed for {TOKEN}")
    with (
        caplog.at_level(logging.DEBUG),
        mock.patch.object(connection, "cursor", side_effect=down),
    ):
        client.get(f"/query/{TOKEN}/")
    ours = [r for r in caplog.records if r.name == "talentbrug.pages.database"]
    assert len(ours) == 1 and ours[0].levelno == logging.WARNING
    assert ours[0].getMessage() == (
        "database unavailable: OperationalError during GET query; answered 503"
    )
    assert not [r for r in caplog.records if r.name == "django.request"]  # no "…: <path>"
    assert TOKEN not in caplog.text


@pytest.mark.urls("talentbrug.urls")
def test_database_down_while_a_middleware_loads_the_session(staff_client, organisation):
    """A logged-in user: the session is read from the database before any view runs. That
    error reaches handler500, which gives the same page."""
    client = staff_client(organisation, Role.HR_ADVISER)
    client.raise_request_exception = False
    down = OperationalError("terminating connection due to administrator command")
    with mock.patch.object(connection, "cursor", side_effect=down):
        response = client.get(reverse("pages:home"))
    _assert_friendly_503(response)


@pytest.mark.urls("talentbrug.urls")
def test_the_500_handler_keeps_the_plain_500_for_other_errors(rf):
    from talentbrug.pages.errors import server_error

    try:
        raise ValueError("bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and "Retry-After" not in response
