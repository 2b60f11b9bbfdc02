"""The public API: spans, HTML, empty and very large input, registry, linear work.

How fast a check is (the 20 ms budget for 1,000 words) is measured in bench/bench_textcheck.py.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentbrug.textcheck import (
    CheckResult,
    Finding,
    Severity,
    VacancyFields,
    all_rules,
    check,
    html_to_text,
)
from talentbrug.textcheck.evaluate import load_items

SLOPPY = (
    "Wij zoeken een jonge, ambitieuze secretaresse tussen de 25 en 35 jaar. Je bent native "
    "speaker en hebt hbo-werk- en denkniveau. Van jou wordt verwacht dat je middels heldere "
    "afspraken zorg draagt voor de implementatie van nieuwe processen. Stuur je cv met foto."
)


def _vacancy(words: int) -> str:
    paragraphs = [item.text for item in load_items()]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        out.append(paragraphs[i % len(paragraphs)])
        count += len(paragraphs[i % len(paragraphs)].split())
        i += 1
    return "\n\n".join(out)


def test_public_exports() -> None:
    result = check(SLOPPY)
    assert isinstance(result, CheckResult)
    assert all(isinstance(f, Finding) for f in result)
    assert result.has_blocking
    assert {s.value for s in Severity} == {"blokkerend", "waarschuwing", "tip"}


def test_every_span_matches_the_flagged_text() -> None:
    result = check(SLOPPY)
    assert len(result) > 10
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(result.text)
        assert result.text[f.start : f.end] == f.matched
        if not f.is_document_level:
            assert f.matched.strip() == f.matched and f.matched


def test_findings_have_dutch_explanation_source_and_suggestion() -> None:
    for f in check(SLOPPY).findings:
        assert f.message and f.suggestion and f.source
        assert "{" not in f.message and "{" not in f.suggestion


def test_registry_ids_and_families() -> None:
    rules = all_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert {r.family for r in rules} == {"excl", "gender", "read", "missing", "req"}
    for r in rules:
        assert re.fullmatch(r"[a-z]+\.[a-z0-9_]+", r.id)


def test_family_filter() -> None:
    result = check(SLOPPY, families={"excl"})
    assert result.findings and all(f.family == "excl" for f in result.findings)


def test_html_input_spans_refer_to_plain_text() -> None:
    html = (
        "<h2>Wat vragen wij?</h2><ul><li>Je bent <strong>native speaker</strong></li>"
        "<li>Je werkt&nbsp;graag samen</li></ul><p>Stuur je cv met foto.</p>"
        "<script>alert('x')</script>"
    )
    result = check(html)
    assert "<" not in result.text and "alert" not in result.text
    assert result.text == html_to_text(html)
    native = [f for f in result.findings if f.rule_id == "excl.native_speaker"]
    assert native and result.text[native[0].start : native[0].end] == "native speaker"
    assert "excl.photo" in result.rule_ids()


def test_html_to_text_lists_and_entities() -> None:
    text = html_to_text("<p>Caf&eacute; &amp; thee</p><ul><li>een</li><li>twee</li></ul>")
    assert text == "Café & thee\n\n- een\n- twee"


def test_html_flag_false_keeps_text() -> None:
    assert check("a <b>c</b>", html=False).text == "a <b>c</b>"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "<p></p>"])
def test_empty_text(text: str) -> None:
    result = check(text)
    assert result.findings == ()
    assert result.metrics.words == 0
    assert result.indication == "Er is geen tekst om te controleren."


def test_empty_text_with_fields_still_reports_fields() -> None:
    result = check("", VacancyFields(must_have_count=10))
    assert "req.too_many_must_haves" in result.rule_ids()


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        check("Hello", lang="en")


def _calls(run: Callable[[], object]) -> int:
    """How many Python and C functions ``run`` calls: a count of work, not a clock reading, so
    it does not change with the load on the machine. (Timings live in bench/bench_textcheck.py.)"""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def test_very_large_input_does_not_crash_and_stays_linear() -> None:
    small = _vacancy(2_000)
    big = _vacancy(20_500)
    assert len(big.split()) > 20_000
    check(small)  # warm: pyphen and wordfreq load once
    small_calls = _calls(lambda: check(small))
    big_calls = _calls(lambda: check(big))
    result = check(big)
    assert result.metrics.words > 20_000
    size_ratio = len(big) / len(small)  # about 10
    # Linear work gives a ratio near the size ratio (measured: 9.7-9.9 for 10.2); work that
    # grows with the square of the text would give about 100.
    assert big_calls / small_calls < 1.5 * size_ratio


def test_one_long_line_without_punctuation() -> None:
    text = " ".join(["ontwikkelaar"] * 25_000)
    result = check(text)
    assert result.metrics.sentences == 1
    assert "read.long_sentence" in result.rule_ids()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    result = check(text, html=False)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(result.text)
        assert result.text[f.start : f.end] == f.matched


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Je bent", "tussen de 25 en 35 jaar", "moedertaal", "ambitieuze", "middels",
                "wordt verwacht", "het oplossen van", "hbo-werk- en denkniveau", ".", ",", "?",
                "\n", "- ", "foto", "stuur", "(v/m/x)", "o.a.", "€ 3.000", "36 uur", "Nederlands",
                "C1", "hij/zij", "secretaresse", "starter",
            ]
        ),
        max_size=60,
    )
)  # fmt: skip
def test_random_vacancy_fragments(parts: list[str]) -> None:
    text = " ".join(parts)
    result = check(text)
    for f in result.findings:
        assert result.text[f.start : f.end] == f.matched
