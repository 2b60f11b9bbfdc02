"""Every staff page has its own title and exactly one main heading.

A person with many tabs open, and a screen-reader user who hears the title first, can only tell
pages apart by their ``<title>`` (WCAG 2.4.2 Page Titled); the main heading says where they are
(WCAG 1.3.1, 2.4.6). The test renders every staff page of the authorisation table that answers
200 to a GET, as a user with every role, and reads the title and the headings.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role

from .test_authorisation import URL_TABLE

DEFAULT_TITLE = "Talentbrug – Talentbrug"
PAGES = [
    case
    for case in URL_TABLE.values()
    if case.kind == "staff" and case.method == "get" and 200 in case.ok_status
]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.django_db
@pytest.mark.parametrize("case", PAGES, ids=lambda c: c.name)
def test_staff_page_has_its_own_title_and_one_h1(staff_client, organisation, case):
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    response = staff_client(organisation, *Role.values).get(
        reverse(case.name, kwargs=kwargs or None)
    )
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        pytest.skip(f"{case.name} answers {response.status_code} {response.get('Content-Type')}")
    body = response.content.decode()
    if "<html" not in body:
        pytest.skip(f"{case.name} is a fragment")
    title = _text(re.search(r"<title>(.*?)</title>", body, re.S).group(1))
    headings = [_text(h) for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", body, re.S)]
    assert title != DEFAULT_TITLE, f"{case.name}: the page has no title of its own"
    assert len(headings) == 1, f"{case.name}: {len(headings)} h1 elements: {headings}"
