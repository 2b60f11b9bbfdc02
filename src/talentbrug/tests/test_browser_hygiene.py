"""Browser tests wait on conditions, never on the clock or on luck (a flaky browser test cost a
whole session's work; CI runs on a loaded two-core machine).

Three rules, checked in the source of every browser test:

1. No ``assert <locator>.is_visible()``: ``is_visible`` answers at once, before a navigation that
   a click started has finished. Use ``expect(locator).to_be_visible()``, which waits.
2. No ``wait_for_timeout`` and no ``time.sleep``; screenshots through ``keep_screenshot`` (a
   refused capture on a loaded machine must not fail a test).
3. After a click or key press, the next statement may not read the page or the database
   (``page.content()``, ``page.url``, ``evaluate``, ``.objects``, ``refresh_from_db``, axe)
   unless it waits for something first (``wait_for_url``, ``wait_for_selector``, ``expect``,
   ``expect_navigation``...). The click returns before the server has answered.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

BROWSER_TESTS = sorted((Path(__file__).parent / "browser").glob("*.py"))

WAITS = {
    "wait_for_url",
    "wait_for_selector",
    "wait_for_load_state",
    "wait_for",
    "wait_for_function",
    "wait_for_next",
    "expect",
    "expect_navigation",
    "expect_download",
    "see",
    "reveal",
}
READS = {
    "content",
    "is_visible",
    "refresh_from_db",
    "evaluate",
    "check",
    "check_both_widths",
    "assert_accessible",
    "assert_no_horizontal_scroll",
    "_check",
    "look",
}
READ_ATTRIBUTES = {"url", "objects"}


def _names(node: ast.AST) -> set[str]:
    found: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            func = sub.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name:
                found.add(name)
        elif isinstance(sub, ast.Attribute) and sub.attr in READ_ATTRIBUTES:
            found.add(sub.attr)
    return found


def _action(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        func = statement.value.func
        if isinstance(func, ast.Attribute) and func.attr in {"click", "press"}:
            return func.attr
    return None


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            test = node.test.operand if isinstance(node.test, ast.UnaryOp) else node.test
            if isinstance(test, ast.Call) and getattr(test.func, "attr", "") == "is_visible":
                problems.append(f"{path.name}:{node.lineno}: assert …is_visible(): use expect()")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(getattr(func, "value", None), "id", "")
            if name == "wait_for_timeout" or (name == "sleep" and owner == "time"):
                problems.append(f"{path.name}:{node.lineno}: {name}: wait on a condition")
            if name == "screenshot" and path.name != "conftest.py":
                problems.append(
                    f"{path.name}:{node.lineno}: page.screenshot: use conftest.keep_screenshot "
                    "(a screenshot is never an assertion)"
                )
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for first, second in itertools.pairwise(body):
                if not _action(first):
                    continue
                names = _names(second)
                if names & WAITS:
                    continue
                if names & (READS | READ_ATTRIBUTES):
                    problems.append(
                        f"{path.name}:{second.lineno}: reads the page or database straight "
                        "after a click or key press: wait for a condition first"
                    )
    return problems


def test_there_are_browser_tests_to_check():
    assert len(BROWSER_TESTS) > 10


def test_browser_tests_wait_on_conditions():
    problems = [problem for path in BROWSER_TESTS for problem in _problems(path)]
    assert problems == []


def test_the_rules_catch_the_patterns(tmp_path):
    bad = tmp_path / "test_bad.py"
    bad.write_text(
        "def test_x(page):\n"
        "    page.get_by_role('button').click()\n"
        "    assert page.locator('#e').is_visible()\n"
        "    page.get_by_role('link').click()\n"
        "    assert 'x' in page.content()\n"
        "    page.wait_for_timeout(100)\n"
        "    page.keyboard.press('Enter')\n"
        "    page.wait_for_url('**/x/')\n"
        "    assert Thing.objects.exists()\n"
    )
    problems = _problems(bad)
    assert len(problems) == 4, problems
