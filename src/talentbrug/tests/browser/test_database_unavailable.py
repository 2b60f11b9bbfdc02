"""The 503 page shown while the database is unreachable (pages.middleware), in a real browser:
the live server's every query fails, the page still comes with its styles, and axe reports
nothing at 1280 and 320 px."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.urls import reverse

from .conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_503_page_is_accessible(page, live_server):
    down = OperationalError("could not connect to server: Connection refused")
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=down):
        response = page.goto(reverse("publishing:vacancy_redirect", kwargs={"pk": 1}))
        assert response.status == 503
        assert response.headers["retry-after"] == "60"
        page.get_by_text("Probeer het over een minuut opnieuw.").wait_for()
        for width, height in ((1280, 900), (320, 800)):
            page.set_viewport_size({"width": width, "height": height})
            assert_accessible(page)
        assert_no_horizontal_scroll(page)
