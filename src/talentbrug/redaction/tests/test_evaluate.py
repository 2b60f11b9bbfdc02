from __future__ import annotations

import json
from pathlib import Path

from talentbrug.redaction import Category
from talentbrug.redaction.evaluate import (
    DATA_PATH,
    evaluate,
    format_report,
    load_snippets,
    main,
    parse_markup,
)

MARKUP_PATH = DATA_PATH.with_name("snippets.markup.jsonl")


def test_dataset_is_large_and_bilingual() -> None:
    snippets = load_snippets()
    assert len(snippets) >= 40
    assert {s.lang for s in snippets} == {"nl", "en"}
    assert len({s.id for s in snippets}) == len(snippets)
    # hard negatives: snippets without any personal data are part of the set
    assert sum(1 for s in snippets if not s.spans) >= 5


def test_dataset_matches_its_markup_source() -> None:
    rows = [json.loads(line) for line in MARKUP_PATH.read_text(encoding="utf-8").splitlines()]
    snippets = load_snippets()
    assert len(rows) == len(snippets)
    for row, snip in zip(rows, snippets, strict=True):
        text, spans = parse_markup(row["text"])
        assert text == snip.text
        assert tuple(spans) == snip.spans


def test_recall_thresholds() -> None:
    report = evaluate(load_snippets())
    for cat in (Category.EMAIL, Category.TELEFOON, Category.GEBOORTEDATUM):
        assert report.scores[cat].recall >= 0.95, format_report(report)
    assert report.scores[Category.LEEFTIJD].recall >= 0.9
    for cat, score in report.scores.items():
        assert score.precision >= 0.9, (cat, format_report(report))


def test_parse_markup() -> None:
    text, spans = parse_markup("Bel ⟦telefoon|06-12345678⟧ of mail ⟦e-mail|a@b.nl⟧.")
    assert text == "Bel 06-12345678 of mail a@b.nl."
    assert [(s.category, text[s.start : s.end]) for s in spans] == [
        (Category.TELEFOON, "06-12345678"),
        (Category.EMAIL, "a@b.nl"),
    ]


def test_cli(capsys: object, tmp_path: Path) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "recall" in out and "telefoon" in out
    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert data["categories"]["e-mail"]["recall"] >= 0.95
