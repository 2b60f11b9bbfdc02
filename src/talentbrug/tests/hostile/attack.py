"""Shared by test_hostile_*.py: hostile input in every form of every page of the authorisation table.

Each page is opened as a user who may use it; every form on it is sent with XSS payloads,
SQL-ish strings, overlong values, invalid UTF-8 with null bytes and RTL overrides in all its
text fields, and a polyglot file with a path-traversal name in its file fields. Then:

* no answer is a 500;
* the XSS payload never appears unescaped on the page, the pages it leads to, the public
  pages and feeds, or in the HTML part of any e-mail sent;
* nothing is half-written: every stored file belongs to a row, and every file row has its file.
"""

from __future__ import annotations

import os
from typing import Any

from django.apps import apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.tests.authz import PUBLIC, STAFF
from talentbrug.tests.test_authorisation import URL_TABLE

from .formfill import fill, forms_on

MARK = "tb-xss-7"
XSS = f'<script>alert("{MARK}")</script><img src=x onerror="alert(\'{MARK}\')">"\'><svg/onload=alert(1)>'
RAW_MARKERS = (f'<script>alert("{MARK}")', f"onerror=\"alert('{MARK}')")
PAYLOADS: list[Any] = [
    XSS,
    "Robert'); DROP TABLE applications_candidate; -- \" OR 1=1 /*",
    "A" * 20_000,
    b"\xff\xfe\xc3\x28 null\x00byte \xed\xa0\x80",  # invalid UTF-8, a null byte, a lone surrogate
    "\u202egnp.exe\u202c \u200f\u2066RTL\u2069 Ω̸̢",
]
POLYGLOT = b"%PDF-1.4\n%<html><script>alert('" + MARK.encode() + b"')</script></html>\nPK\x03\x04"
BAD_NAMES = ["../../../../etc/passwd%00.pdf", "..\\..\\boot.ini.pdf", "cv\u202etxt.exe"]

# GET pages whose forms we attack: staff pages, public pages, and the public apply form.
PAGE_CASES = [
    c
    for c in URL_TABLE.values()
    if c.method == "get"
    and c.kind in (STAFF, PUBLIC)
    and "download" not in c.name
    and not c.name.endswith((".zip", "_zip", "export", "document", "file", "pdf", "flyer"))
]
APPLY_ROUTE = URL_TABLE.get("applications:apply_route")
if APPLY_ROUTE is not None:
    PAGE_CASES.append(APPLY_ROUTE)
LINK_REQUEST = URL_TABLE.get("applications:link_request")


def _client_for(case, organisation, staff_client, client):
    if case.kind == STAFF:
        return staff_client(organisation, *Role.values)
    return client


def _assert_escaped(text: str, where: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in text, f"unescaped payload in {where}"


def _files_on_disk(root: str) -> set[str]:
    found = set()
    for folder, _dirs, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def _file_rows() -> set[str]:
    names: set[str] = set()
    for model in apps.get_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for fld in file_fields:
            names.update(
                str(v)
                for v in model._default_manager.exclude(**{fld.name: ""}).values_list(
                    fld.name, flat=True
                )
                if v
            )
    return names


def _check_nothing_half_written(settings) -> None:
    root = settings.STORAGES["default"]["OPTIONS"]["location"]
    on_disk = _files_on_disk(root) if os.path.isdir(root) else set()
    rows = _file_rows()
    assert on_disk <= rows, f"stored files without a row: {sorted(on_disk - rows)[:5]}"
    assert rows <= on_disk, f"rows without their file: {sorted(rows - on_disk)[:5]}"


def _attack(http, page_url: str, html: str) -> list[str]:
    """Send every form on the page with every payload; return pages to re-check."""
    follow_up = [page_url]
    for form in forms_on(html, page_url):
        for index, payload in enumerate(PAYLOADS):
            data = fill(form, payload)
            for name in form.file_fields:
                data[name] = SimpleUploadedFile(
                    BAD_NAMES[index % len(BAD_NAMES)], POLYGLOT, content_type="application/pdf"
                )
            if form.method == "get":
                if isinstance(payload, bytes):
                    continue
                response = http.get(form.action, data)
            else:
                response = http.post(form.action, data)
            assert response.status_code < 500, (form.action, index, response.status_code)
            if index == 0 and form.date_fields and form.method == "post":
                # Dates are filled validly so the payload reaches the service; once, the
                # date fields themselves get the payload (no 500, a form error).
                hostile = {**data, **dict.fromkeys(form.date_fields, payload)}
                status = http.post(form.action, hostile).status_code
                assert status < 500, (form.action, "date fields", status)
            if response.status_code in (301, 302, 303) and response.get("Location", "").startswith(
                "/"
            ):
                follow_up.append(response["Location"])
            elif response.status_code < 400 or response.status_code == 400:
                body = response.content.decode("utf-8", "replace")
                if "html" in response.get("Content-Type", ""):
                    _assert_escaped(body, f"answer of {form.action}")
    return follow_up


def _public_pages() -> list[str]:
    pages = []
    for case in URL_TABLE.values():
        if case.kind == PUBLIC and case.method == "get" and not case.make_kwargs:
            pages.append(reverse(case.name))
    return pages


# Pages whose stored text can reach the public pages and feeds (checked there too).
REACHES_PUBLIC = ("vacancies:", "publishing:", "applications:", "pages:")


def run_case(case, organisation, staff_client, client, settings):
    http = _client_for(case, organisation, staff_client, client)
    kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
    url = reverse(case.name, kwargs=kwargs or None)
    response = http.get(url)
    assert response.status_code < 500
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return
    follow_up = _attack(http, url, response.content.decode())
    checked = set()
    public = _public_pages() if case.kind != STAFF or case.name.startswith(REACHES_PUBLIC) else []
    for page in [*follow_up, *public]:
        if page in checked:
            continue
        checked.add(page)
        answer = http.get(page)
        assert answer.status_code < 500, page
        if answer.status_code == 200 and not answer.streaming:
            _assert_escaped(answer.content.decode("utf-8", "replace"), page)
    for message in mail.outbox:
        for content, kind in getattr(message, "alternatives", []) or []:
            if "html" in kind:
                _assert_escaped(str(content), f"e-mail {message.subject}")
        assert "\x00" not in message.subject
    _check_nothing_half_written(settings)
