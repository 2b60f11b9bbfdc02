"""The docs name only things that exist, so they cannot drift from the code again.

Every code span (`...`) in docs/*.md, docs/manual/*.md, README, CONTRIBUTING and SECURITY is
read:

* a dotted name that starts with a Talentbrug package (``accounts.access.get_for_organisation``,
  ``talentbrug.spreadsheets.csv_bytes(...)``, ``applications.Application``) must resolve: to a
  module and its attributes, to ``app_label.Model`` (and a field or method of it), or to a name in
  one of the registries the docs talk about (audit event types, permission actions, periodic
  jobs, Celery task names);
* a call of a bare name (``register_attention(...)``) must name a function or class defined in
  ``src/talentbrug``;
* a bare snake_case name (``held_elsewhere``, ``seed_demo``) must occur in the code (src, bench,
  scripts), so a verb the code never had (``reject_application``) is found;
* a path with a folder (``publishing/pagecache.py``) must exist in the repository.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.audit.registry import EVENT_TYPES
from talentbrug.core.periodic import PERIODIC_JOBS

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "src" / "talentbrug"
DOCS = [
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "docs" / "manual").glob("*.md")),
    *(ROOT / name for name in ("README.md", "CONTRIBUTING.md", "SECURITY.md")),
]

SPAN = re.compile(r"`([^`\n]+)`")
DOTTED = re.compile(r"(?:talentbrug\.)?([a-z_]\w*)((?:\.[A-Za-z_]\w*)+)(?:\(.*\))?")
CALL = re.compile(r"([a-z_]\w*)\(.*\)")
SNAKE = re.compile(r"_*[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
WORD = re.compile(r"[A-Za-z_]\w*")
PATH = re.compile(r"[\w.\-]+(?:/[\w.\-]+)+/?")
# Folders made at run time (var/...) and names that look like paths: PRONOM ids (fmt/412) and
# media types (application/pdf).
NOT_IN_REPOSITORY = ("var/", "./var", "fmt/", "application/", "text/", "image/", "video/")


def spans() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for match in SPAN.finditer(doc.read_text(encoding="utf-8")):
            found.append((doc.relative_to(ROOT).as_posix(), match.group(1).strip()))
    return found


def is_package(name: str) -> bool:
    try:
        return importlib.util.find_spec(f"talentbrug.{name}") is not None
    except ModuleNotFoundError:
        return False


def resolve_attributes(target: Any, names: list[str]) -> bool:
    for name in names:
        if not hasattr(target, name):
            return False
        target = getattr(target, name)
    return True


def resolves(first: str, rest: list[str]) -> bool:
    """Module path and attributes, app_label.Model(.attribute), or a registered name."""
    registered = ".".join([first, *rest])
    if registered in EVENT_TYPES or registered in PERMISSIONS or registered in PERIODIC_JOBS:
        return True
    if registered in task_names():
        return True
    parts = [first, *rest]
    for cut in range(len(parts), 0, -1):
        module_name = "talentbrug." + ".".join(parts[:cut])
        try:
            spec = importlib.util.find_spec(module_name)
        except ModuleNotFoundError:
            spec = None  # a parent is a module, not a package: try a shorter prefix
        if spec is None:
            continue
        if cut == len(parts):
            return True  # a module (not imported: settings layers read the environment)
        if resolve_attributes(importlib.import_module(module_name), parts[cut:]):
            return True
        break
    try:
        model = apps.get_model(first, rest[0])
    except (LookupError, ValueError):
        return False
    return resolve_attributes(model, rest[1:])


@cache
def source_trees() -> tuple[ast.Module, ...]:
    return tuple(
        ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))
    )


@cache
def defined_names() -> frozenset[str]:
    """Every function and class defined in src/talentbrug."""
    names: set[str] = set()
    for tree in source_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
    return frozenset(names)


@cache
def task_names() -> frozenset[str]:
    """Celery task names given in ``@shared_task(name="...")``."""
    names: set[str] = set()
    for tree in source_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "shared_task":
                for keyword in node.keywords:
                    if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                        names.add(str(keyword.value.value))
    return frozenset(names)


@cache
def words_in_code() -> frozenset[str]:
    """Every identifier-like word in the code and templates (this test's own examples aside)."""
    words: set[str] = set()
    for folder in (PACKAGE, ROOT / "bench", ROOT / "scripts"):
        for path in folder.rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or path == Path(__file__):
                continue
            words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return frozenset(words)


def path_exists(span: str) -> bool:
    relative = span.rstrip("/")
    for base in (ROOT, ROOT / "src", PACKAGE):
        if (base / relative).exists():
            return True
    # An app's template or data file named from inside the app (matches/_vacancies_for_you.html
    # lives in matches/templates/matches/).
    app, _, name = relative.partition("/")
    return any(PACKAGE.joinpath(app).rglob(name)) if is_package(app) else False


def broken_reference(span: str) -> bool:
    if "<" in span or " " in span.split("(")[0]:
        return False  # a pattern (<app>/urls.py) or prose, not a name
    dotted = DOTTED.fullmatch(span)
    if dotted and is_package(dotted.group(1)):
        return not resolves(dotted.group(1), dotted.group(2).lstrip(".").split("."))
    call = CALL.fullmatch(span)
    if call:
        return call.group(1) not in defined_names()
    if PATH.fullmatch(span) and not span.startswith(NOT_IN_REPOSITORY):
        return not path_exists(span)
    if SNAKE.fullmatch(span):
        return span not in words_in_code()
    return False


def test_every_code_name_in_the_docs_exists():
    broken = sorted({f"{doc}: `{span}`" for doc, span in spans() if broken_reference(span)})
    assert not broken, "The docs name things that do not exist:\n" + "\n".join(broken)


@pytest.mark.parametrize(
    "span",
    [
        "vacancies.services.publish_vacancy",
        "selection.services.reject_application",
        "accounts.access.no_such_helper(request)",
        "applications.NoSuchModel",
        "no_such_function_anywhere(...)",
        "publishing/no_such_file.py",
        "reject_application",
    ],
)
def test_a_name_that_does_not_exist_is_found(span):
    assert broken_reference(span)


@pytest.mark.parametrize(
    "span",
    [
        "accounts.access.get_for_organisation(Model, request.organisation, pk=…)",
        "talentbrug.spreadsheets.csv_bytes(header, rows)",
        "applications.Application",
        "insights.refresh_snapshots",
        "audit.services.record_event",
        "outbox.send_mail",
        "talentbrug.conf.production",
        "register_attention(...)",
        "publishing/pagecache.py",
        "matches/_vacancies_for_you.html",
        "<app>/tests/url_cases.py",
        "held_elsewhere",
    ],
)
def test_a_name_that_exists_is_accepted(span):
    assert not broken_reference(span)
