"""The translation files are complete where people read them.

(a) Staff work in Dutch and English: every English catalog has a translation for every msgid,
    and nothing is left fuzzy.
(b) Candidates and new hires read nl, en, ar, ti, tr and fa: every msgid used in the
    candidate-facing files below has a translation in each of these languages.

`makemessages` (run from src/talentbrug, as the Makefile does) writes a file's strings to the
nearest ``locale`` folder: the onboarding app has its own (onboarding/locale), everything else goes
to the project folder (locale). At runtime Django merges both, so the checks do the same.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

PACKAGE_DIR = Path(__file__).resolve().parents[2]
CATALOG_DIRS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "onboarding" / "locale"]
CANDIDATE_LANGUAGES = ("en", "ar", "ti", "tr", "fa")

# Files with text for candidates and new hires (public careers site, public pages, the shared
# layout, the new-hire portal and its e-mails, talent-pool contact pages, interview and group-day
# pages and e-mails, selection e-mails). The applications app has its own test
# (applications/tests/test_translations.py).
CANDIDATE_FILES = [
    "publishing/templates/publishing/_careers_head.html",
    "publishing/templates/publishing/_flyer_body.html",
    "publishing/templates/publishing/_vacancy_card.html",
    "publishing/templates/publishing/vacancy_detail.html",
    "publishing/templates/publishing/vacancy_list.html",
    "pages/templates/pages/403.html",
    "pages/templates/pages/404.html",
    "pages/templates/pages/503.html",
    "pages/templates/pages/accessibility.html",
    "pages/templates/pages/landing.html",
    "pages/templates/pages/privacy.html",
    "templates/base.html",
    "templates/includes/field.html",
    "templates/includes/form_errors.html",
    "templates/includes/language_switcher.html",
    "templates/includes/organisation_switcher.html",
    "onboarding/templates/onboarding/_trend.html",
    "onboarding/templates/onboarding/portal/_back.html",
    "onboarding/templates/onboarding/portal/base.html",
    "onboarding/templates/onboarding/portal/checkin.html",
    "onboarding/templates/onboarding/portal/evaluation.html",
    "onboarding/templates/onboarding/portal/_self_reviews.html",
    "onboarding/templates/onboarding/portal/goals.html",
    "onboarding/templates/onboarding/portal/home.html",
    "onboarding/templates/onboarding/portal/intake.html",
    "onboarding/templates/onboarding/portal/link_problem.html",
    "onboarding/templates/onboarding/portal/supporter.html",
    "onboarding/templates/onboarding/portal/surprises.html",
    "onboarding/templates/onboarding/mail/checkin_reminder.txt",
    "onboarding/templates/onboarding/mail/checkin_reminder_subject.txt",
    "onboarding/templates/onboarding/mail/portal_link.txt",
    "onboarding/templates/onboarding/mail/portal_link_subject.txt",
    "onboarding/templates/onboarding/mail/task_reminder.txt",
    "onboarding/templates/onboarding/mail/task_reminder_subject.txt",
    "talentpool/templates/talentpool/answer.html",
    "talentpool/templates/talentpool/answer_invalid.html",
    "matches/templates/matches/_vacancies_for_you.html",
    "interviews/emails.py",
    "interviews/services.py",
    "interviews/templates/interviews/portal/_application.html",
    "interviews/templates/interviews/portal/interview.html",
    "assessments/emails.py",
    "assessments/services/bookings.py",
    "assessments/services/diversity.py",
    "assessments/forms.py",
    "assessments/constants.py",
    "assessments/templates/assessments/_portal_links.html",
    "assessments/templates/assessments/portal_book.html",
    "assessments/templates/assessments/portal_diversity.html",
    "selection/emails.py",
    # found by test_every_candidate_template_is_checked_in_every_candidate_language
    "onboarding/templates/onboarding/_head.html",
    "onboarding/templates/onboarding/_self_review.html",
    "onboarding/templates/onboarding/portal/_logout.html",
    "onboarding/templates/onboarding/portal/logged_out.html",
    "onboarding/templates/onboarding/portal/obstacles.html",
    "pages/templates/pages/400.html",
    "selection/templates/selection/portal/offer.html",
    "templates/magic_link_open.html",
    # what the candidate reads that is made in Python, in their language
    "selection/templates/selection/offer_letter/letter.html",
    "selection/offer_letter.py",
    "selection/journey.py",
    "selection/services/candidate.py",
    "selection/message_templates.py",
    "applications/emails.py",
    "applications/slots.py",
    "onboarding/mail.py",
]

Key = tuple[str, str]  # (msgctxt, msgid)


def parse_po(path: Path) -> dict[Key, tuple[list[str], bool]]:
    """{(msgctxt, msgid): (msgstrs, fuzzy)} of a .po file. Skips the header and obsolete entries."""
    entries: dict[Key, tuple[list[str], bool]] = {}

    def unquote(text: str) -> str:
        text = text.strip()
        assert text.startswith('"') and text.endswith('"'), f"{path}: bad line {text!r}"
        return text[1:-1].encode("raw_unicode_escape").decode("unicode_escape")

    # Entries are separated by blank lines; within one, comments come first, then the fields.
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        fuzzy = False
        field = ""
        for raw in block.splitlines():
            line = raw.strip()
            if not line or line.startswith("#~"):
                continue
            if line.startswith("#"):
                fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            elif line.startswith('"'):
                fields[field] += unquote(line)
            else:
                field, _, rest = line.partition(" ")
                fields[field] = unquote(rest)
        if fields.get("msgid"):
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            entries[(fields.get("msgctxt", ""), fields["msgid"])] = (strs, fuzzy)
    return entries


def catalogs(language: str) -> list[Path]:
    return [
        d / language / "LC_MESSAGES" / "django.po"
        for d in CATALOG_DIRS
        if (d / language / "LC_MESSAGES" / "django.po").exists()
    ]


def translated(strs: list[str], fuzzy: bool) -> bool:
    return bool(strs) and not fuzzy and all(s.strip() for s in strs)


def untranslated(wanted: set[Key], language: str) -> list[str]:
    """The msgids in wanted without a translation in any catalog of language (as Django merges)."""
    merged: dict[Key, tuple[list[str], bool]] = {}
    for path in catalogs(language):
        for key, value in parse_po(path).items():
            if key not in merged or translated(*value):
                merged[key] = value
    return sorted(key[1] for key in wanted if not translated(*merged.get(key, ([], False))))


def test_english_catalogs_complete():
    problems: list[str] = []
    paths = catalogs("en")
    assert paths, "no English catalog found"
    for path in paths:
        for (_, msgid), (strs, fuzzy) in parse_po(path).items():
            if not translated(strs, fuzzy):
                state = "fuzzy" if fuzzy else "empty"
                problems.append(f"{path.relative_to(PACKAGE_DIR)}: {state}: {msgid[:70]!r}")
    assert not problems, f"{len(problems)} English entries to fix:\n" + "\n".join(problems[:40])


def candidate_msgids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[Key]:
    """Extract the msgids of CANDIDATE_FILES with makemessages, in a scratch copy."""
    work = tmp_path / "src"
    for name in CANDIDATE_FILES:
        source = PACKAGE_DIR / name
        assert source.exists(), f"{name} is in CANDIDATE_FILES but does not exist"
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    (work / "locale").mkdir()
    monkeypatch.chdir(work)
    with override_settings(LOCALE_PATHS=[str(work / "locale")]):
        call_command("makemessages", locale=["en"], extensions=["html", "txt", "py"], verbosity=0)
    return set(parse_po(work / "locale" / "en" / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", CANDIDATE_LANGUAGES)
def test_candidate_pages_translated(language, tmp_path, monkeypatch):
    wanted = candidate_msgids(tmp_path, monkeypatch)
    assert len(wanted) > 150  # the extraction itself worked
    missing = untranslated(wanted, language)
    assert not missing, f"{language}: {len(missing)} candidate strings without a translation:\n" + (
        "\n".join(repr(m[:70]) for m in missing[:40])
    )


def task_texts() -> set[Key]:
    """Titles and descriptions of the shipped onboarding tasks (onboarding/defaults.py).

    They are stored in Dutch and translated on display (``|translated``), also on the new-hire
    portal. They are marked with ``gettext_noop``; under an alias such as ``N_`` makemessages does
    not see them, so a makemessages run with --no-obsolete removes them from the catalogs.
    """
    tree = ast.parse((PACKAGE_DIR / "onboarding" / "defaults.py").read_text(encoding="utf-8"))
    texts: set[Key] = set()
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if not any(isinstance(t, ast.Name) and t.id in ("BASE", "EXTRA") for t in targets):
                continue
            for call in ast.walk(node.value):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in ("N_", "gettext_noop")
                    and isinstance(call.args[0], ast.Constant)
                ):
                    texts.add(("", str(call.args[0].value)))
    return texts


@pytest.mark.parametrize("language", CANDIDATE_LANGUAGES)
def test_onboarding_task_texts_translated(language):
    wanted = task_texts()
    assert len(wanted) > 40  # the parsing itself worked
    missing = untranslated(wanted, language)
    assert not missing, (
        f"{language}: {len(missing)} onboarding task texts without a translation (did makemessages "
        "drop them? defaults.py must mark them so xgettext sees them):\n"
        + "\n".join(repr(m[:70]) for m in missing[:20])
    )


def test_po_parser(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgid "a %(n)s"\nmsgstr "b %(n)s"\n\n'
        'msgid "c"\nmsgid_plural "cs"\nmsgstr[0] "d"\nmsgstr[1] ""\n\n'
        'msgctxt "k"\nmsgid ""\n"e \\"q\\""\nmsgstr ""\n"f\\n"\n\n'
        '#~ msgid "old"\n#~ msgstr "oud"\n',
        encoding="utf-8",
    )
    entries = parse_po(po)
    assert entries == {
        ("", "a %(n)s"): (["b %(n)s"], True),
        ("", "c"): (["d", ""], False),
        ("k", 'e "q"'): (["f\n"], False),
    }


# --- Candidate-facing templates are found, not remembered ------------------------------------
# A page a candidate or new hire reads extends the public layout (base.html) without passing
# through a staff layout; what such a page includes is candidate-facing too. Each of those files
# must be in CANDIDATE_FILES (or the applications app's own list), so its strings are checked in
# every candidate language. The offer letter in the portal was missed by the hand-made list.
STAFF_LAYOUTS = {"staff_base.html"}
# Pages on the public layout that only staff see (log-in and second factor: nl/en only).
STAFF_PAGES_ON_PUBLIC_LAYOUT = {
    "accounts/templates/accounts/login.html",
    "accounts/templates/accounts/setup.html",
    "accounts/templates/accounts/verify.html",
    "accounts/templates/accounts/recovery_codes.html",
    "accounts/templates/accounts/locked_out.html",
    "accounts/templates/accounts/people/invitation.html",
    "accounts/templates/accounts/people/invitation_invalid.html",
}
_EXTENDS = re.compile(r"""{%\s*extends\s+["']([^"']+)["']""")
_INCLUDES = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")


def _templates() -> dict[str, Path]:
    """Template name → file, for every template folder of the package."""
    found: dict[str, Path] = {}
    for folder in PACKAGE_DIR.glob("**/templates"):
        if ".venv" in folder.parts or "node_modules" in folder.parts:
            continue
        for path in folder.rglob("*.html"):
            found.setdefault(str(path.relative_to(folder)), path)
    return found


def candidate_templates() -> set[str]:
    """The package-relative paths of every candidate-facing template (see above)."""
    by_name = _templates()

    def chain(name: str) -> list[str]:
        names, seen = [name], set()
        while names[-1] in by_name and names[-1] not in seen:
            seen.add(names[-1])
            match = _EXTENDS.search(by_name[names[-1]].read_text(encoding="utf-8"))
            if not match:
                break
            names.append(match.group(1))
        return names

    pages = {
        name
        for name in by_name
        if "base.html" in chain(name)[1:] and not STAFF_LAYOUTS & set(chain(name))
    }
    todo, found = list(pages), set(pages)
    while todo:
        text = by_name[todo.pop()].read_text(encoding="utf-8")
        for included in _INCLUDES.findall(text):
            if included in by_name and included not in found:
                found.add(included)
                todo.append(included)
    paths = {str(by_name[name].relative_to(PACKAGE_DIR)) for name in found}
    return paths - STAFF_PAGES_ON_PUBLIC_LAYOUT


def test_every_candidate_template_is_checked_in_every_candidate_language():
    from talentbrug.applications.tests.test_translations import CANDIDATE_SOURCES

    listed = set(CANDIDATE_FILES)
    apps_dir = PACKAGE_DIR / "applications"
    for pattern in CANDIDATE_SOURCES:
        listed |= {str(p.relative_to(PACKAGE_DIR)) for p in apps_dir.glob(pattern)}
    missing = sorted(candidate_templates() - listed)
    assert not missing, "candidate-facing templates not in CANDIDATE_FILES:\n" + "\n".join(missing)
