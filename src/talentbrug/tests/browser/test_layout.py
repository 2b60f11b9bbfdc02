"""Layout checks on a small page tour, part of ``make test`` (``make tour`` walks everything).

What they catch is what a person sees and status codes do not: labels drawn one letter per
line, sideways scrolling, controls without a visible name, internal codes on screen, wrong
``lang``/``dir``, and text left untranslated (or Dutch content not marked ``lang="nl"``).
"""

from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role

from .layout import PHONE
from .tour import failures, portal_login_url, portal_pages, public_pages, staff_cookie, walk
from .tour import staff_pages as all_staff_pages

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def vacancy(organisation):
    from talentbrug.applications.tests.factories import PublishedVacancyFactory

    return PublishedVacancyFactory(organisation=organisation, apply_routes=["cv", "no_cv", "video"])


def test_candidate_pages_on_a_phone_in_dutch_arabic_and_tigrinya(browser, live_server, vacancy):
    walked = walk(
        browser,
        live_server.url,
        public_pages(vacancy),
        sizes=(PHONE,),
        languages=lambda page: ("nl", "ar", "ti") if page.audience != "staff" else ("nl", "en"),
    )
    assert not failures(walked), "\n".join(failures(walked))


def test_candidate_portal_on_a_phone(browser, live_server, vacancy):
    from talentbrug.applications.tests.factories import ApplicationFactory

    application = ApplicationFactory(vacancy=vacancy)
    walked = walk(
        browser,
        live_server.url,
        portal_pages(application),
        sizes=(PHONE,),
        languages=lambda page: ("nl", "ar", "ti"),
        login_url=portal_login_url(application.candidate),
    )
    assert not failures(walked), "\n".join(failures(walked))


def test_staff_pages_on_a_phone(browser, live_server, organisation, make_staff):
    user = make_staff(organisation, *Role.values)
    pages, _skipped = all_staff_pages(organisation)
    walked = walk(
        browser,
        live_server.url,
        pages,
        sizes=(PHONE,),
        languages=lambda page: ("nl",),
        cookies=[staff_cookie(user, live_server.url)],
    )
    assert not failures(walked), "\n".join(failures(walked))
