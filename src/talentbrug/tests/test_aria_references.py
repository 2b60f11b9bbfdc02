"""Every id a page refers to exists on that page: aria-describedby, aria-labelledby,
aria-controls, label[for] and the error summary's links.

Django points ``aria-describedby`` at ``<id>_helptext`` and ``<id>_error``; our field include
names them ``<id>-help`` and ``<id>-error``. A reference to an id that does not exist is
silently ignored by screen readers, and axe does not report it, so it is checked here: on
every staff page of the authorisation table and on staff forms sent back with errors.
"""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client

from .test_authorisation import URL_TABLE

pytestmark = pytest.mark.django_db

REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls")


def broken_references(html: str) -> list[str]:
    """Each reference on the page to an id that the page does not have."""
    tree = lxml.html.fromstring(html)
    ids = set(tree.xpath("//@id"))
    broken = []
    for attribute in REFERENCES:
        for element in tree.xpath(f"//*[@{attribute}]"):
            for ref in element.get(attribute).split():
                if ref not in ids:
                    broken.append(f"<{element.tag} {attribute}={ref!r}>")
    for label in tree.xpath("//label[@for]"):
        if label.get("for") not in ids:
            broken.append(f"<label for={label.get('for')!r}>")
    for link in tree.xpath("//*[@id='error-summary']//a[starts-with(@href, '#')]"):
        if link.get("href")[1:] not in ids:
            broken.append(f"<a href={link.get('href')!r}> in the error summary")
    return broken


def test_the_check_finds_a_missing_id():
    page = '<label for="x">X</label><input id="y" aria-describedby="y_helptext">'
    assert broken_references(page) == ["<input aria-describedby='y_helptext'>", "<label for='x'>"]


def test_every_staff_page_refers_only_to_ids_it_has(make_staff: Any, organisation: Any) -> None:
    client = verified_client(make_staff(organisation, *Role.values))
    checked = 0
    for case in URL_TABLE.values():
        if case.kind != "staff" or case.method != "get":
            continue
        kwargs = case.make_kwargs(organisation) if case.make_kwargs else None
        response = client.get(reverse(case.name, kwargs=kwargs), case.data)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if response.get("Content-Disposition", "").startswith("attachment"):
            continue
        assert broken_references(response.content.decode()) == [], case.name
        checked += 1
    assert checked >= 20
