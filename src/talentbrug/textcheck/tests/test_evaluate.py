"""Quality gate on the labelled set: precision of blocking rules and overall recall."""

from __future__ import annotations

from talentbrug.textcheck.evaluate import evaluate, format_report, load_items, main

MIN_BLOCKING_PRECISION = 0.9
MIN_OVERALL_RECALL = 0.8


def test_labelled_set_is_large_and_varied() -> None:
    items = load_items()
    assert len(items) >= 60
    assert len({i.id for i in items}) == len(items)
    clean = [i for i in items if not i.expected]
    assert len(clean) >= 15
    families = {e.split(".")[0] for i in items for e in i.expected}
    assert {"excl", "gender", "read", "missing", "req"} <= families


def test_blocking_precision_and_overall_recall() -> None:
    items = load_items()
    ev = evaluate(items)
    report = format_report(ev, len(items))
    assert ev.blocking, report
    for family, counts in ev.blocking.items():
        assert counts.precision >= MIN_BLOCKING_PRECISION, f"{family}\n{report}"
    assert ev.overall_recall >= MIN_OVERALL_RECALL, report


def test_evaluator_cli(capsys: object) -> None:
    assert main(["--quiet"]) == 0
