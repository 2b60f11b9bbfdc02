"""``make tour``: the whole page tour on the demo data, with screenshots and a gallery.

Not part of ``make test`` (marker ``tour``); ``test_layout.py`` runs a smaller tour there.
Writes ``var/tour/index.html`` and prints the counts. Set ``TALENTBRUG_TOUR_ONLY`` to a part
of a URL name (``records``, ``applications:apply``) to walk only those pages.
"""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command

from talentbrug.accounts.constants import Role

from .layout import CANDIDATE_LANGUAGES, DESKTOP, PHONE, STAFF_LANGUAGES
from .tour import (
    failures,
    personal_walks,
    portal_login_url,
    portal_pages,
    public_pages,
    staff_cookie,
    staff_pages,
    tour_folder,
    walk,
    write_gallery,
)

pytestmark = [pytest.mark.tour, pytest.mark.django_db(transaction=True)]


def test_page_tour(browser, live_server, make_staff):
    from talentbrug.accounts.models import Organisation
    from talentbrug.applications.models import Application
    from talentbrug.vacancies.models import Vacancy

    call_command("seed_demo", verbosity=0)
    organisation = Organisation.objects.get(slug="dictu")
    vacancy = max(
        Vacancy.objects.filter(organisation=organisation, status="published"),
        key=lambda v: len(v.apply_routes),
    )
    application = Application.objects.filter(organisation=organisation).first()
    user = make_staff(organisation, *Role.values)
    only = os.environ.get("TALENTBRUG_TOUR_ONLY", "")

    def chosen(pages):
        return [p for p in pages if only in p.name]

    folder = tour_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    sizes = (PHONE, DESKTOP)
    done: list = []

    def progress(pages):  # the gallery grows while the tour runs
        write_gallery(folder, done + pages, [])

    walked = walk(
        browser,
        live_server.url,
        chosen(public_pages(vacancy)),
        sizes=sizes,
        shots=folder,
        progress=progress,
    )
    done = list(walked)
    walked += walk(
        browser,
        live_server.url,
        chosen(portal_pages(application)),
        sizes=sizes,
        login_url=portal_login_url(application.candidate),
        shots=folder,
        progress=progress,
    )
    done = list(walked)
    pages, skipped = staff_pages(organisation, only)
    walked += walk(
        browser,
        live_server.url,
        pages,
        sizes=sizes,
        cookies=[staff_cookie(user, live_server.url)],
        shots=folder,
        progress=progress,
    )
    more, not_found = personal_walks(organisation)
    skipped += not_found
    for person in more:
        walked += walk(
            browser,
            live_server.url,
            chosen(person.pages),
            sizes=sizes,
            login_url=person.login_url,
            shots=folder,
            progress=progress,
        )
        done = list(walked)
    index = write_gallery(folder, walked, skipped)
    views = sum(len(p.results) for p in walked)
    found = failures(walked)
    print(
        f"\nPage tour: {len(walked)} pages, {views} page views "
        f"(candidate pages in {len(CANDIDATE_LANGUAGES)} languages, staff pages in "
        f"{len(STAFF_LANGUAGES)}; {len(sizes)} sizes), {len(found)} failures. Gallery: {index}"
    )
    for line in found:
        print("  " + line)
    assert walked, "the tour walked no pages"
