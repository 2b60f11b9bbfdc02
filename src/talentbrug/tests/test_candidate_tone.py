"""Candidates (and the new hire's supporters) are addressed with "je" (WORDS.md), never "u"/"uw".

Reads every template a candidate or new hire sees — pages on the public, candidate-portal and
new-hire-portal bases, what they include, and the mails sent to them — and fails on a
translatable text with "u", "U", "uw" or "uzelf" as a word. (The 404 page said "heeft u geen
toegang" to candidates who followed an old link; the 403 page said "U heeft geen toegang" and
showed the staff role check's message to everyone.) The error pages are also rendered, for a
candidate and for staff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from talentbrug.accounts import magiclinks
from talentbrug.onboarding import tokens
from talentbrug.onboarding.constants import OwnerRole
from talentbrug.onboarding.tests.factories import make_plan

ROOT = Path(__file__).resolve().parents[1]
CANDIDATE_BASES = (
    "base.html",
    "applications/_candidate_base.html",
    "onboarding/portal/base.html",
)
# Pages on a candidate base that are not for candidates, each with the reason.
# (The supporter page is read by a buddy, language coach or praktijkopleider, often from
# outside the organisation, through a link like the new hire's: it says "je" too.)
NOT_FOR_CANDIDATES: set[str] = set()
# Mail to candidates and new hires (staff mail — invitations, digests — is left out).
CANDIDATE_MAIL = (
    "applications/email/",
    "privacy/email/",
    "onboarding/mail/portal_link",
    "onboarding/mail/checkin_reminder",
)
FORMAL = re.compile(r"(?<![\w-])(u|uw|uzelf)(?![\w-])", re.IGNORECASE)
TEXTS = (
    re.compile(r'{%\s*trans\s+"([^"]+)"'),
    re.compile(r"{%\s*trans\s+'([^']+)'"),
    re.compile(r"{%\s*blocktrans[^%]*%}(.*?){%\s*endblocktrans\s*%}", re.S),
)
EXTENDS = re.compile(r'{%\s*extends\s+"([^"]+)"')
INCLUDES = re.compile(r'{%\s*include\s+"([^"]+)"')


def _templates() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("templates/**/*"):
        if path.is_file() and path.suffix in (".html", ".txt") and "tests" not in path.parts:
            parts = path.parts
            at = len(parts) - 1 - parts[::-1].index("templates")
            found["/".join(parts[at + 1 :])] = path
    return found


def candidate_templates() -> set[str]:
    templates = _templates()
    chosen = set(CANDIDATE_BASES)
    for name, path in templates.items():
        text = path.read_text(encoding="utf-8")
        base = EXTENDS.search(text)
        if base and base.group(1) in CANDIDATE_BASES and name not in NOT_FOR_CANDIDATES:
            chosen.add(name)
        if name.startswith(CANDIDATE_MAIL):
            chosen.add(name)
    frontier = set(chosen)
    while frontier:  # what the chosen templates include, recursively
        following = set()
        for name in frontier:
            if name in templates:
                for included in INCLUDES.findall(templates[name].read_text(encoding="utf-8")):
                    if included not in chosen:
                        following.add(included)
        chosen |= following
        frontier = following
    return {name for name in chosen if name in templates}


def formal_texts(text: str) -> list[str]:
    return [
        " ".join(found.split())[:90]
        for pattern in TEXTS
        for found in pattern.findall(text)
        if FORMAL.search(found)
    ]


def test_the_walk_finds_the_candidate_pages_and_mails():
    names = candidate_templates()
    for expected in (
        "applications/portal/home.html",
        "applications/email/portal_link.txt",
        "onboarding/portal/home.html",
        "pages/404.html",
        "privacy/email/erasure_done.txt",
    ):
        assert expected in names
    assert "onboarding/portal/supporter.html" in names
    assert "pages/403.html" in names and "pages/400.html" in names
    assert not {"pages/403_staff.html", "pages/404_staff.html", "pages/400_staff.html"} & names


def test_the_check_catches_u_and_uw_but_not_words_with_u_in_them():
    assert formal_texts('{% trans "Heeft u een vraag?" %}')
    assert formal_texts("{% blocktrans %}Uw sollicitatie{% endblocktrans %}")
    assert not formal_texts('{% trans "Je kunt U-bocht en uur typen" %}')


def test_candidates_are_addressed_with_je():
    templates = _templates()
    findings = [
        f"{name}: {text}"
        for name in sorted(candidate_templates())
        for text in formal_texts(templates[name].read_text(encoding="utf-8"))
    ]
    assert not findings, "candidate text with u/uw (WORDS.md: je):\n" + "\n".join(findings)


@pytest.mark.django_db
def test_the_supporter_page_says_je(client, organisation):
    plan = make_plan(
        organisation,
        name="Zakaria Haddad",
        language_coach={"name": "Ingrid Taalhuis", "email": "coach@example.org"},
    )
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    url = reverse(
        "onboarding:supporter_portal", kwargs={"token": tokens.make_supporter_token(coach)}
    )
    client.post(url, {magiclinks.OPEN_FIELD: "1"})  # the link is opened with a POST
    body = client.get(url).content.decode()
    assert "Je bent" in body and "Jouw taken" in body
    assert not re.search(r">\s*(U|Uw) ", body)


def _error_page(rf, handler, path, user, exception=None):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get(path)
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    args = (request,) if exception is None else (request, exception)
    return handler(*args).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["403", "404", "400"])
def test_error_pages_say_je_to_candidates_and_u_to_staff(rf, code, make_staff, organisation):
    from django.core.exceptions import PermissionDenied

    from talentbrug.pages import errors

    handler = {"403": errors.forbidden, "404": errors.not_found, "400": errors.bad_request}[code]
    denied = PermissionDenied("Uw rol geeft geen toegang tot deze pagina.")
    candidate = _error_page(rf, handler, "/portaal/sollicitatie/7/", None, denied)
    main = candidate.split('id="main"', 1)[1]
    assert re.search(r"\b(je|jij|jouw)\b", main, re.IGNORECASE), main
    assert not FORMAL.search(re.sub(r"<[^>]+>", " ", main)), main
    assert "Uw rol" not in candidate  # a staff message is not for a candidate
    staff = _error_page(rf, handler, "/medewerkers/vacatures/", make_staff(organisation), denied)
    staff_main = staff.split('id="main"', 1)[1]
    assert FORMAL.search(re.sub(r"<[^>]+>", " ", staff_main)), staff_main
    if code == "403":
        assert "Uw rol geeft geen toegang tot deze pagina." in staff
