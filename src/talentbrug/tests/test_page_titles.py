"""Every staff page has its own title and exactly one main heading.

A person with many tabs open, and a screen-reader user who hears the title first, can only tell
pages apart by their ``<title>`` (WCAG 2.4.2 Page Titled); the main heading says where they are
(WCAG 1.3.1, 2.4.6). The test renders every staff page of the authorisation table that answers
200 to a GET, as a user with every role, and reads the title and the headings.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role

from .test_authorisation import URL_TABLE

DEFAULT_TITLE = "Talentbrug – Talentbrug"
# GET URLs of the table that are not pages, with what they are instead. The list is checked
# too (``test_listed_non_pages_are_not_pages``), so it cannot hide a page that lost its title.
NOT_PAGES = {
    "audit:export": "download",
    "publishing:flyer_pdf": "download",
    "records:document_download": "download",
    "records:declaration_csv": "download",
    "records:declaration_pdf": "download",
    "records:declaration_xlsx": "download",
    "applications:staff_document": "download",
    "privacy:access_download": "download",
    "interviews:agenda_ics": "download",
    "selection:offer_pdf": "download",
    "vacancies:skill_search": "fragment",
    "records:collection_progress": "fragment",
    # needs ?deel=…&formaat=…: without them the export answers 404 (tested in insights)
    "insights:export": "needs query",
}
GETS = [
    case
    for case in URL_TABLE.values()
    if case.kind == "staff" and case.method == "get" and 200 in case.ok_status
]
PAGES = [case for case in GETS if case.name not in NOT_PAGES]
LISTED = [case for case in GETS if case.name in NOT_PAGES]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.name)
def test_staff_page_has_its_own_title_and_one_h1(staff_client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = staff_client(organisation, *Role.values).get(
        reverse(case.name, kwargs=kwargs or None)
    )
    assert response.status_code == 200, f"{case.name} answers {response.status_code}"
    assert "text/html" in response.get("Content-Type", ""), f"{case.name} is not HTML"
    body = response.content.decode()
    assert "<html" in body, f"{case.name} is a fragment: list it in NOT_PAGES"
    title = _text(re.search(r"<title>(.*?)</title>", body, re.S).group(1))
    headings = [_text(h) for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", body, re.S)]
    assert title != DEFAULT_TITLE, f"{case.name}: the page has no title of its own"
    assert len(headings) == 1, f"{case.name}: {len(headings)} h1 elements: {headings}"
    # One id, one element: with two forms on a page sharing an id, a label names the other
    # form's control (the offer page's two right-to-work questions did).
    ids = Counter(re.findall(r'\sid="([^"]+)"', body))
    assert not [i for i, n in ids.items() if n > 1], f"{case.name}: ids used twice"


def test_every_listed_non_page_is_in_the_table():
    assert set(NOT_PAGES) <= {case.name for case in GETS}


@pytest.mark.django_db
@pytest.mark.parametrize("case", LISTED, ids=lambda c: c.name)
def test_listed_non_pages_are_not_pages(staff_client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = staff_client(organisation, *Role.values).get(
        reverse(case.name, kwargs=kwargs or None)
    )
    kind = NOT_PAGES[case.name]
    content_type = response.get("Content-Type", "")
    if kind == "download":
        assert response.status_code == 200
        assert "text/html" not in content_type, f"{case.name} is a page: take it off the list"
    elif kind == "fragment":
        assert response.status_code == 200
        assert "<html" not in response.content.decode(), f"{case.name} is a whole page"
    else:
        assert response.status_code == 404
