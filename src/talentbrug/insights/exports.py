"""CSV and XLSX of the Insights tables: the same cells as on the page, '< 5' included."""

from __future__ import annotations

import csv
import io
from typing import Any

from talentbrug.spreadsheets import XLSX_CONTENT_TYPE, neutralise

from . import tables as t

__all__ = ["XLSX_CONTENT_TYPE", "neutralise", "table_lines", "to_csv", "to_xlsx"]


def _value(cell: t.Cell, kind: str, typed: bool) -> Any:
    """The text on the page; in a spreadsheet a shown count stays a number."""
    if typed and not cell["s"] and cell["v"] is not None and kind != t.PERCENT:
        return cell["v"]
    return t.display(cell, kind)


def table_lines(table: t.Table, typed: bool = False) -> list[list[Any]]:
    header = [""] + [c["label"] for c in table["columns"]]
    lines: list[list[Any]] = [header]
    for r in table["rows"]:
        lines.append(
            [r["label"]]
            + [
                _value(cell, col["kind"], typed)
                for cell, col in zip(r["cells"], table["columns"], strict=True)
            ]
        )
    return [[neutralise(v) for v in line] for line in lines]


def to_csv(tables: list[t.Table]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for i, table in enumerate(tables):
        if i:
            writer.writerow([])
        writer.writerow([neutralise(table["title"])])
        writer.writerows(table_lines(table))
        writer.writerow([neutralise(table["definition"])])
        if table.get("note"):
            writer.writerow([neutralise(table["note"])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: list[t.Table]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        name = (table["key"] or "tabel")[:28]
        while name in used:
            name = name[:26] + str(len(used))
        used.add(name)
        sheet = workbook.create_sheet(title=name)
        sheet.append([neutralise(table["title"])])
        for line in table_lines(table, typed=True):
            sheet.append(line)
        sheet.append([])
        sheet.append([neutralise(table["definition"])])
        if table.get("note"):
            sheet.append([neutralise(table["note"])])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
