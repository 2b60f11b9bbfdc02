"""Texts translated when a module is imported stay in the language of that moment.

``gettext`` (eager) at module or class level runs once, at import, in the default language: the
English staff menu said "Vacatures" because the menu item was registered with ``gettext``. Such
texts must use ``gettext_lazy``. This test reads every module of the project and fails on an
eager translation call outside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _eager_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in EAGER}
    return names


def _import_time_calls(tree: ast.AST, names: set[str]) -> list[int]:
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, FUNCTIONS):
                continue
            call = isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
            if call and child.func.id in names:  # type: ignore[union-attr]
                found.append(child.lineno)
            visit(child)

    visit(tree)
    return found


def problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _eager_names(tree)
    return [f"{path.relative_to(ROOT)}:{line}" for line in _import_time_calls(tree, names)]


def test_no_eager_translation_at_import_time():
    modules = [
        path
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts and "tests" not in path.parts
    ]
    assert len(modules) > 100
    found = [problem for path in modules for problem in problems(path)]
    assert found == [], "use gettext_lazy for texts made at import time: " + ", ".join(found)


def test_the_rule_catches_module_and_class_level_calls(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text(
        "from django.utils.translation import gettext as _\n"
        "LABEL = _('Vacatures')\n"
        "class Item:\n"
        "    title = _('Titel')\n"
        "    def label(self):\n"
        "        return _('Goed')\n"
    )
    tree = ast.parse(module.read_text())
    assert _import_time_calls(tree, _eager_names(tree)) == [2, 4]


def test_translation_functions_keep_names_makemessages_knows():
    """``makemessages`` (xgettext) only extracts calls of names it knows: ``_``, ``gettext``,
    ``gettext_lazy``, ``ngettext`` and the like. A text passed to an alias such as
    ``gettext_lazy as _lazy`` never reaches the catalogs, so it shows in Dutch in every language
    (the talent-pool answer page's "Bekijk de vraag" button in Tigrinya). Import the functions
    as ``_`` or under their own names."""
    aliased = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                aliased += [
                    f"{path.relative_to(ROOT)}:{node.lineno} {alias.name} as {alias.asname}"
                    for alias in node.names
                    if alias.asname and alias.asname != "_"
                ]
    assert not aliased, "\n".join(aliased)
