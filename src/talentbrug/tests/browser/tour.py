"""The page tour: every page of the url-case tables, as the right person, in every language the
page offers, on a phone and a desktop, judged by the layout checks (``layout.py``).

``make tour`` runs the whole tour on the demo data and writes screenshots and a gallery to
``var/tour/`` (``index.html``: a row per page, a column per language and size, failures
marked). ``test_layout.py`` runs a smaller tour in ``make test`` and fails on what it finds.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.urls import reverse

from .conftest import keep_screenshot, open_link
from .layout import (
    CANDIDATE_LANGUAGES,
    DESKTOP,
    PHONE,
    STAFF_LANGUAGES,
    PageResult,
    focus_failures,
    hover_failures,
    judge_height,
    measure,
    open_page,
    untranslated,
)


@dataclass
class TourPage:
    """A page to visit: its URL name, address, audience and how it is reached."""

    name: str
    url: str
    audience: str  # "public", "candidate" or "staff"
    form_steps: int = 0  # > 0: a candidate form; the phone height budget applies to each step
    results: list[PageResult] = field(default_factory=list)
    shots: dict[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> tuple[str, ...]:
        return STAFF_LANGUAGES if self.audience == "staff" else CANDIDATE_LANGUAGES


@dataclass
class Skipped:
    name: str
    reason: str


def staff_pages(organisation: Any, only: str = "") -> tuple[list[TourPage], list[Skipped]]:
    """Every staff page (GET, answering 200) of the authorisation table, with objects made in
    ``organisation`` by each case's own ``make_kwargs``."""
    from django.db import DatabaseError, transaction

    from talentbrug.tests.authz import FILE_DOWNLOADS, STAFF
    from talentbrug.tests.test_authorisation import URL_TABLE

    pages, skipped = [], []
    for case in sorted(URL_TABLE.values(), key=lambda c: c.name):
        if case.kind != STAFF or only not in case.name:
            continue
        if case.method != "get" or 200 not in case.ok_status:
            skipped.append(Skipped(case.name, "not a page (a form post or a redirect)"))
            continue
        if case.name in FILE_DOWNLOADS:
            skipped.append(Skipped(case.name, "a file download, not a page"))
            continue
        try:
            with transaction.atomic():
                kwargs = case.make_kwargs(organisation) if case.make_kwargs else {}
        except DatabaseError as exc:  # the case's factory clashes with data already there
            skipped.append(Skipped(case.name, f"its test object could not be made: {exc}"))
            continue
        pages.append(TourPage(case.name, reverse(case.name, kwargs=kwargs or None), "staff"))
    return pages, skipped


def public_pages(vacancy: Any) -> list[TourPage]:
    """The careers site and the apply flow of ``vacancy`` (every route it offers)."""
    from talentbrug.publishing.facts import vacancy_slug

    pages = [
        TourPage("pages:landing", reverse("pages:landing"), "public"),
        TourPage("pages:accessibility", reverse("pages:accessibility"), "public"),
        TourPage("pages:privacy", reverse("pages:privacy"), "public"),
        TourPage("publishing:list", reverse("publishing:list"), "public"),
        TourPage(
            "publishing:vacancy",
            reverse("publishing:vacancy", kwargs={"pk": vacancy.pk, "slug": vacancy_slug(vacancy)}),
            "public",
        ),
        TourPage("applications:apply", reverse("applications:apply", args=[vacancy.pk]), "public"),
        TourPage("applications:link_request", reverse("applications:link_request"), "public"),
        TourPage("applications:link_sent", reverse("applications:link_sent"), "public"),
        TourPage("accounts:login", reverse("accounts:login"), "staff"),
    ]
    for route in vacancy.apply_routes:
        pages.append(
            TourPage(
                f"applications:apply_route ({route})",
                reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route}),
                "public",
                form_steps=1,
            )
        )
    return pages


def portal_pages(application: Any) -> list[TourPage]:
    """The candidate portal of ``application``'s candidate (reached with their personal link)."""
    return [
        TourPage("applications:portal", reverse("applications:portal"), "candidate"),
        TourPage(
            "applications:portal_profile", reverse("applications:portal_profile"), "candidate"
        ),
        TourPage(
            "applications:portal_application",
            reverse("applications:portal_application", args=[application.pk]),
            "candidate",
        ),
        TourPage("applications:portal_delete", reverse("applications:portal_delete"), "candidate"),
    ]


def portal_login_url(candidate: Any) -> str:
    from talentbrug.applications.tokens import make_token

    return reverse("applications:portal_login", kwargs={"token": make_token(candidate)})


def staff_cookie(user: Any, base: str) -> dict[str, str]:
    """A session cookie of a staff session with its second factor verified."""
    from talentbrug.conftest import verified_client

    client = verified_client(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}


def walk(
    browser: Any,
    base: str,
    pages: Iterable[TourPage],
    *,
    sizes: tuple[tuple[int, int], ...] = (PHONE, DESKTOP),
    languages: Callable[[TourPage], Iterable[str]] | None = None,
    cookies: list[dict[str, str]] | None = None,
    login_url: str | None = None,
    shots: Path | None = None,
    progress: Callable[[list[TourPage]], None] | None = None,
    focus: bool = True,
) -> list[TourPage]:
    """Visit each page in each of its languages at each size, judge it, and (with ``shots``)
    keep a full-page screenshot. One browser context per walk: staff and candidate sessions
    never mix."""
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(20_000)
    if cookies:
        context.add_cookies(cookies)
    page = context.new_page()
    if login_url:
        open_link(page, base + login_url)
    walked = []
    try:
        for tour_page in pages:
            chosen = list(languages(tour_page) if languages else tour_page.languages)
            dutch: dict[tuple[int, int], PageResult] = {}
            for size in sizes:
                for language in ["nl", *[lang for lang in chosen if lang != "nl"]]:
                    response = open_page(page, base, tour_page.url, language, size)
                    result = measure(page, tour_page.url, language, size)
                    if response is not None and response.status >= 400:
                        result.failures.insert(0, f"answers {response.status}")
                    if focus and language == "nl" and size == sizes[0]:
                        # Once per page: tab through it and look at every focus indicator.
                        result.failures.extend(focus_failures(page))
                        result.failures.extend(hover_failures(page))
                    if tour_page.form_steps:
                        judge_height(result, page)
                    if language == "nl":
                        dutch[size] = result
                    elif tour_page.audience != "staff":
                        # Candidates read the page in their language: Dutch text must be
                        # translated or marked lang="nl". Staff pages show Dutch work content.
                        for text in untranslated(result, dutch[size])[:5]:
                            result.failures.append(
                                f"not translated (or not marked lang=nl): {text!r}"
                            )
                    if language in chosen:
                        tour_page.results.append(result)
                        if shots is not None:
                            file = f"{_slug(tour_page.name)}-{language}-{size[0]}.png"
                            keep_screenshot(page, str(shots / file), full_page=True)
                            tour_page.shots[f"{language}-{size[0]}"] = file
            walked.append(tour_page)
            if progress is not None:
                progress(walked)
    finally:
        context.close()
    return walked


def failures(pages: Iterable[TourPage]) -> list[str]:
    return [
        f"{p.name} [{r.language} {r.size[0]}x{r.size[1]}] {f}"
        for p in pages
        for r in p.results
        for f in r.failures
    ]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def write_gallery(folder: Path, pages: list[TourPage], skipped: list[Skipped]) -> Path:
    """``index.html``: one row per page, one column per language and size; failures marked."""
    columns = sorted(
        {key for p in pages for key in p.shots},
        key=lambda k: (CANDIDATE_LANGUAGES.index(k.split("-")[0]), int(k.split("-")[1])),
    )
    failed = sum(1 for p in pages for r in p.results if r.failures)
    shots = sum(len(p.results) for p in pages)
    rows = []
    for tour_page in pages:
        cells = []
        by_key = {f"{r.language}-{r.size[0]}": r for r in tour_page.results}
        for key in columns:
            result = by_key.get(key)
            if result is None:
                cells.append("<td></td>")
                continue
            mark = "fail" if result.failures else "ok"
            notes = "".join(f"<li>{html.escape(f)}</li>" for f in result.failures)
            image = tour_page.shots.get(key, "")
            cells.append(
                f'<td class="{mark}"><a href="{image}"><img src="{image}" alt="" loading="lazy"></a>'
                f"<div>{result.height} px</div><ul>{notes}</ul></td>"
            )
        rows.append(
            f"<tr><th scope=row>{html.escape(tour_page.name)}<br><code>{html.escape(tour_page.url)}"
            f"</code><br>{tour_page.audience}</th>{''.join(cells)}</tr>"
        )
    skipped_rows = "".join(
        f"<li><code>{html.escape(s.name)}</code>: {html.escape(s.reason)}</li>" for s in skipped
    )
    head = "".join(f"<th scope=col>{k.replace('-', ' · ')} px</th>" for k in columns)
    document = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Talentbrug page tour</title><style>
body{{font-family:sans-serif;margin:1rem}} table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;vertical-align:top;padding:.25rem;font-size:12px;max-width:14rem}}
td img{{width:12rem;max-height:16rem;object-fit:cover;object-position:top}}
td.fail{{background:#fde2e1}} td.ok{{background:#e6f4ea}} ul{{padding-left:1rem;margin:.25rem 0}}
</style></head><body><h1>Talentbrug page tour</h1>
<p>{len(pages)} pages, {shots} page views (language × size), {failed} with failures.
Generated by <code>make tour</code>.</p>
<table><thead><tr><th>page</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>
<h2>Not toured</h2><ul>{skipped_rows}</ul></body></html>"""
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text(document, encoding="utf-8")
    return index


def tour_folder() -> Path:
    return Path(os.environ.get("TALENTBRUG_VAR_DIR", "var")) / "tour"


@dataclass
class Walk:
    """Pages reached with one person's personal link: the candidate portal's own objects, an
    invitation, the new-hire portal. ``login_url`` opens the session by pressing the button of
    the page a mailed link shows (None: nothing to open first)."""

    who: str
    login_url: str | None
    pages: list[TourPage]


def personal_walks(organisation: Any) -> tuple[list[Walk], list[Skipped]]:
    """Every candidate and new-hire page that needs the person's own objects, each with a
    person of the demo data who has such an object. A page without such an object in the demo
    data is listed as skipped, with the reason (never silently left out)."""
    from talentbrug.applications.models import Application, Question
    from talentbrug.assessments.models import DayBooking
    from talentbrug.interviews.models import Interview
    from talentbrug.onboarding import tokens as onboarding_tokens
    from talentbrug.onboarding.models import OnboardingPlan, Supporter
    from talentbrug.talentpool.models import ContactRequest
    from talentbrug.talentpool.services import answer_token

    walks: list[Walk] = []
    skipped: list[Skipped] = []
    by_candidate: dict[int, list[TourPage]] = {}

    def add(candidate: Any, name: str, url: str) -> None:
        by_candidate.setdefault(candidate.pk, []).append(TourPage(name, url, "candidate"))

    own = Application.objects.filter(organisation=organisation, candidate__isnull=False)
    question = Question.objects.filter(application__in=own).order_by("pk").first()
    if question:
        candidate = question.application.candidate
        add(
            candidate,
            "applications:portal_question",
            reverse("applications:portal_question", args=[question.pk]),
        )
    else:
        skipped.append(Skipped("applications:portal_question", "no question in the demo data"))
    interview = Interview.objects.filter(application__in=own).order_by("pk").first()
    if interview:
        add(
            interview.application.candidate,
            "interviews:portal_interview",
            reverse("interviews:portal_interview", args=[interview.pk]),
        )
    else:
        skipped.append(Skipped("interviews:portal_interview", "no interview in the demo data"))
    booking = DayBooking.objects.filter(application__in=own).order_by("pk").first()
    if booking:
        application = booking.application
        add(
            application.candidate,
            "assessments:portal_book",
            reverse("assessments:portal_book", args=[application.pk]),
        )
        add(
            application.candidate,
            "assessments:portal_diversity",
            reverse("assessments:portal_diversity", args=[application.pk]),
        )
    else:
        skipped.append(Skipped("assessments:portal_*", "no group-day booking in the demo data"))
    open_application = (
        own.exclude(status__in=("withdrawn", "rejected", "hired")).order_by("pk").first()
    )
    if open_application:
        add(
            open_application.candidate,
            "applications:portal_withdraw",
            reverse("applications:portal_withdraw", args=[open_application.pk]),
        )
    for candidate_id, pages in by_candidate.items():
        candidate = own.filter(candidate_id=candidate_id).first().candidate
        walks.append(Walk(f"kandidaat {candidate_id}", portal_login_url(candidate), pages))

    contact = ContactRequest.objects.filter(organisation=organisation).order_by("pk").first()
    if contact:
        url = reverse("talentpool:answer", kwargs={"token": answer_token(contact)})
        walks.append(
            Walk("talentpool-verzoek", url, [TourPage("talentpool:answer", url, "candidate")])
        )
    else:
        skipped.append(Skipped("talentpool:answer", "no contact request in the demo data"))

    plan = OnboardingPlan.objects.filter(organisation=organisation).order_by("pk").first()
    if plan:
        token = onboarding_tokens.make_token(plan)
        names = ["portal", "portal_intake", "portal_checkin", "portal_surprises", "portal_goals"]
        pages = [
            TourPage(
                f"onboarding:{name}",
                reverse(f"onboarding:{name}", kwargs={"token": token}),
                "candidate",
            )
            for name in names
        ]
        walks.append(Walk("nieuwe medewerker", pages[0].url, pages))
        supporter = Supporter.objects.filter(plan=plan).order_by("pk").first()
        if supporter:
            url = reverse(
                "onboarding:supporter_portal",
                kwargs={"token": onboarding_tokens.make_supporter_token(supporter)},
            )
            walks.append(
                Walk("begeleider", url, [TourPage("onboarding:supporter_portal", url, "candidate")])
            )
    else:
        skipped.append(Skipped("onboarding:portal*", "no onboarding plan in the demo data"))
    return walks, skipped
