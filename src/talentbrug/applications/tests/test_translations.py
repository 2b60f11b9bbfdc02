"""Every candidate-facing string of this app has a translation in en, ar, ti, tr and fa."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

APP_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = APP_DIR.parent / "locale"
LANGUAGES = ("en", "ar", "ti", "tr", "fa")
# Files with text for candidates (staff pages and models are in nl/en for staff).
CANDIDATE_SOURCES = [
    "constants.py",
    "forms/*.py",
    "services/*.py",
    "uploads.py",
    "views/*.py",
    "templates/applications/*.html",
    "templates/applications/portal/*.html",
    "templates/applications/email/*.txt",
]


def parse_po(path: Path) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """{(msgctxt, msgid): (msgstrs, fuzzy)} of a .po file (a small, strict-enough parser)."""
    entries: dict[tuple[str, str], tuple[list[str], bool]] = {}
    current: dict[str, object] = {}
    field = None

    def flush() -> None:
        if current.get("msgid"):
            key = (str(current.get("msgctxt", "")), str(current["msgid"]))
            strs = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            entries[key] = ([str(s) for s in strs], bool(current.get("fuzzy")))

    def unquote(text: str) -> str:
        return text.strip()[1:-1].encode("raw_unicode_escape").decode("unicode_escape")

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            current, field = {"fuzzy": True}, None
        elif line.startswith("#~"):
            continue
        elif line.startswith("#") or not line:
            if field is not None and not line:
                flush()
                current, field = {}, None
        elif line.startswith('"'):
            if field:
                current[field] = str(current.get(field, "")) + unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            starts_entry = keyword == "msgctxt" or (
                keyword == "msgid" and field not in (None, "msgctxt") and "msgid" in current
            )
            if starts_entry:
                fuzzy = current.get("fuzzy") if "msgid" not in current else False
                flush()
                current = {"fuzzy": True} if fuzzy else {}
            field = keyword
            current[field] = unquote(rest)
    flush()
    return entries


def candidate_msgids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> set[tuple[str, str]]:
    work = tmp_path / "src"
    for pattern in CANDIDATE_SOURCES:
        for source in APP_DIR.glob(pattern):
            target = work / source.relative_to(APP_DIR)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    (work / "locale").mkdir()
    monkeypatch.chdir(work)
    with override_settings(LOCALE_PATHS=[str(work / "locale")]):
        call_command("makemessages", locale=["en"], extensions=["html", "txt", "py"], verbosity=0)
    return set(parse_po(work / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def test_candidate_translations_complete(tmp_path, monkeypatch):
    wanted = candidate_msgids(tmp_path, monkeypatch)
    assert len(wanted) > 100  # the extraction itself worked
    missing: dict[str, list[str]] = {}
    for language in LANGUAGES:
        catalog = parse_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
        for key in sorted(wanted):
            strs, fuzzy = catalog.get(key, ([], False))
            if fuzzy or not strs or not all(s.strip() for s in strs):
                missing.setdefault(language, []).append(key[1])
    assert not missing, "\n".join(
        f"{lang}: {len(ids)} missing, e.g. {ids[:5]}" for lang, ids in missing.items()
    )


def test_po_parser_reads_plural_and_fuzzy(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
        '#, fuzzy\nmsgid "a"\nmsgstr "b"\n\n'
        'msgid "c"\nmsgid_plural "cs"\nmsgstr[0] "d"\nmsgstr[1] ""\n\n'
        'msgctxt "k"\nmsgid "e"\nmsgstr ""\n"f"\n',
        encoding="utf-8",
    )
    entries = parse_po(po)
    assert entries[("", "a")] == (["b"], True)
    assert entries[("", "c")] == (["d", ""], False)
    assert entries[("k", "e")] == (["f"], False)
