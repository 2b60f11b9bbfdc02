"""Layout checks on a small page tour, part of ``make test`` (``make tour`` walks everything).

What they catch is what a person sees and status codes do not: labels drawn one letter per
line, sideways scrolling, controls without a visible name, internal codes on screen, wrong
``lang``/``dir``, and text left untranslated (or Dutch content not marked ``lang="nl"``).
"""

from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role

from .layout import PHONE, focus_failures, hover_failures
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


def test_the_focus_check_finds_an_element_without_a_visible_focus_indicator(browser):
    """The check itself: on a blue bar, a button whose focus style is removed, one whose outline
    has the bar's own colour, a link with a light outline (enough) and one with an inset shadow
    on a white card (enough), a date field (Tab walks its parts: not a stuck focus) and after it
    a button without a ring. The first two and the last are reported."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(
            """<html><body style="margin:0">
            <div style="background:#01689b;padding:1rem">
              <button id="a" style="outline:none;border:0;background:transparent;color:#fff">Geen rand</button>
              <button id="b" style="color:#fff;background:transparent;border:0" class="same">Zelfde kleur</button>
              <a id="c" href="#x" style="color:#fff">Goed</a>
            </div>
            <div style="background:#fff;padding:1rem"><a id="d" href="#y" class="inset">Schaduw</a>
              <label for="e">Datum</label> <input id="e" type="date">
              <button id="f" style="outline:none;border:0">Na de datum</button></div>
            <style>
              .same:focus-visible { outline: 3px solid #01689b; }
              #c:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
              .inset:focus { outline: none; box-shadow: inset 0 0 0 3px #154273; }
            </style>
            </body></html>"""
        )
        found = focus_failures(page)
        # A piece of a page with nothing to focus (an htmx fragment) is not "stuck".
        page.set_content("<p>Geen knoppen, geen links.</p>")
        nothing = focus_failures(page)
    finally:
        context.close()
    assert nothing == []
    assert len(found) == 3, found
    assert "Geen rand" in found[0] and "contrast 0 : 1" in found[0]
    assert "Zelfde kleur" in found[1] and "contrast 1 : 1" in found[1]
    assert "Na de datum" in found[2]


def test_the_hover_check_finds_text_that_fades_under_the_mouse(browser):
    """The check itself: a link that turns the colour of its bar on hover, a button whose text
    turns light grey on white, and two that stay readable (one changes colour slowly: the check
    waits for the transition, not for a time), and a disabled one (WCAG exempts it). The first
    two are reported, the others not."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(
            """<html><body style="margin:0">
            <div style="background:#01689b;padding:1rem">
              <a class="fade" href="#a">Verdwijnt op de balk</a>
              <a class="keep" href="#b">Blijft wit</a>
            </div>
            <div style="background:#fff;padding:1rem">
              <button class="grey">Wordt grijs</button>
              <button class="slow">Langzaam donker</button>
              <button class="grey" disabled>Uitgeschakeld</button>
            </div>
            <style>
              a { color: #fff; } button { background: #fff; color: #000; border: 1px solid; }
              .fade:hover { color: #01689b; }
              .keep:hover { text-decoration: none; }
              .grey:hover { color: #ddd; }
              .slow { transition: color 0.4s; } .slow:hover { color: #154273; }
            </style>
            </body></html>"""
        )
        found = hover_failures(page)
    finally:
        context.close()
    assert len(found) == 2, found
    assert "Verdwijnt op de balk" in found[0] and "contrast 1 : 1" in found[0]
    assert "Wordt grijs" in found[1]
