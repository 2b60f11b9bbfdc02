"""CSV and XLSX files that are safe to open in a spreadsheet program.

Every export that writes a table goes through this module, so no cell can become a formula
("CSV injection"): a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading apostrophe in both formats (OWASP's advice), and the XLSX never holds a formula
cell. Both formats carry the same text, so a CSV and an XLSX of one export can be compared.
No Django imports: usable (and tested) on its own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: Any) -> Any:
    """The cell value a spreadsheet program shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_bytes(header: Sequence[Any], rows: Iterable[Sequence[Any]], delimiter: str = ";") -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents), ``;`` as Dutch Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = neutralise(value)
    if isinstance(value, str):
        # Control characters are not allowed in an XLSX file; show that one was there.
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def xlsx_bytes(title: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """One sheet called ``title`` with the header and the rows; every text cell stays text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)

    def cells(values: Sequence[Any]) -> list[Any]:
        result = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            result.append(cell)
        return result

    sheet.append(cells(header))
    for row in rows:
        sheet.append(cells(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
