"""Tables of figures, and the rules that keep small numbers from showing.

A table is a plain dict (it is stored as JSON in a :class:`~.models.Snapshot`)::

    {"key", "title", "definition", "columns": [{"label", "kind"}],
     "rows": [{"label", "cells": [{"v": value, "s": suppressed}], "total": bool}],
     "chart": column index or None, "suppressed": bool}

Texts (title, definition, column and row labels) are stored in the source language, Dutch,
and translated when the table is shown (:func:`localised`): a plain string is a message id;
``{"msg": id, "args": {...}}`` is a message with values (themselves texts); ``{"month":
"2026-03"}`` is a month; ``{"language": "ar"}`` a language; ``{"rule": id}`` a rule of the vacancy check; a list is texts joined together.
So a table computed once by the periodic job reads in English on an English page.

Suppression, in two steps:

1. *Primary*: every count under :data:`MIN_CELL` is hidden ("< 5"); a share or an average is
   hidden when the count it is based on is hidden.
2. *Secondary*: in a group of cells that adds up to a total that is shown (the groups of a
   table and its total row, or the parts of one row), total minus the shown cells is what
   the hidden cells hold together. While that is under 5, the smallest shown cell is hidden
   too, together with the share that belongs to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_noop as _  # stored ids, translated by text()

from .constants import MIN_CELL

__all__ = ["MIN_CELL"]

COUNT, PERCENT, DAYS, NUMBER = "count", "percent", "days", "number"

Cell = dict[str, Any]
Table = dict[str, Any]


Text = Any  # str | dict | list, see the module docstring


def msg(message: str, **args: Text) -> Text:
    """A message with values, translated when shown (``message`` is a Dutch message id)."""
    return {"msg": message, "args": args} if args else message


def month(year: int, number: int) -> Text:
    return {"month": f"{year:04d}-{number:02d}"}


def language(code: str) -> Text:
    return {"language": code}


def label_key(label: Text) -> str:
    """A stored text as a dict key (for looking up the Rijk's count of the same group)."""
    return label if isinstance(label, str) else json.dumps(label, sort_keys=True)


def text(value: Text) -> str:
    """A stored text in the active language."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return gettext(value)
    if isinstance(value, list):
        return "".join(text(part) for part in value)
    if "msg" in value:
        args = {
            k: text(v) if not isinstance(v, int | float) else v for k, v in value["args"].items()
        }
        return gettext(value["msg"]) % args
    if "month" in value:
        year, number = (int(part) for part in value["month"].split("-"))
        return date_format(date(year, number, 1), "F Y")
    if "language" in value:
        from django.conf import settings

        code = value["language"]
        try:
            # The language's name in the reader's language ("Arabisch", "Arabic").
            return str(get_language_info(code)["name_translated"])
        except KeyError:
            return str(dict(settings.LANGUAGES).get(code, code))
    if "rule" in value:
        from .figures.vacancies import (
            rule_label,  # the vacancy check's rule, in the reader's language
        )

        return rule_label(value["rule"])
    raise ValueError(f"Unknown text: {value!r}")


def localised(table: Table) -> Table:
    """A copy of ``table`` with every text in the active language (cells are untouched)."""
    return {
        **table,
        "title": text(table["title"]),
        "definition": text(table["definition"]),
        "columns": [{**c, "label": text(c["label"])} for c in table["columns"]],
        "rows": [{**r, "label": text(r["label"])} for r in table["rows"]],
    }


def count(n: int) -> Cell:
    """A count of people (or vacancies); under MIN_CELL the number itself is not even kept."""
    if n < MIN_CELL:
        return {"v": None, "s": True}
    return {"v": n, "s": False}


def share(part: Cell, whole: Cell) -> Cell:
    """Part of whole in whole percents; hidden when either count is hidden."""
    if part["s"] or whole["s"] or not whole["v"]:
        return {"v": None, "s": part["s"] or whole["s"]}
    return {"v": round(100 * part["v"] / whole["v"]), "s": False}


def based_on(value: float | None, basis: Cell) -> Cell:
    """An average or median over ``basis`` people: hidden when that count is hidden."""
    if basis["s"] or value is None:
        return {"v": None, "s": basis["s"]}
    return {"v": value, "s": False}


def hide(cell: Cell) -> None:
    cell["v"] = None
    cell["s"] = True


def protect_group(parts: Sequence[Cell], total: Cell | None) -> list[int]:
    """Secondary suppression for ``parts`` that add up to ``total``; returns indexes hidden here.

    Total minus the shown parts is what the hidden parts hold together. While that is under
    MIN_CELL (one hidden cell of 4; or a 4 and some zeros), hide the smallest shown part as
    well.
    """
    newly: list[int] = []
    while total is not None and not total["s"] and any(c["s"] for c in parts):
        shown = [(c["v"], i) for i, c in enumerate(parts) if not c["s"]]
        # With every part hidden, what they hold together is the total itself (5 or more).
        if not shown or total["v"] - sum(v for v, _i in shown) >= MIN_CELL:
            break
        _value, index = min(shown)
        hide(parts[index])
        newly.append(index)
    return newly


def column(label: str, kind: str = COUNT, maximum: int | None = None) -> dict[str, Any]:
    """A column; ``maximum`` is the top of its scale (5 for a mood of 1–5) for the chart."""
    spec: dict[str, Any] = {"label": label, "kind": kind}
    if maximum is not None:
        spec["max"] = maximum
    return spec


def make_table(
    key: str,
    title: str,
    definition: str,
    columns: list[dict[str, str]],
    rows: list[dict[str, Any]],
    chart: int | None = None,
) -> Table:
    table = {
        "key": key,
        "title": title,
        "definition": definition,
        "columns": columns,
        "rows": rows,
        "chart": chart,
    }
    table["suppressed"] = any(c["s"] for r in rows for c in r["cells"])
    return table


def pending(table: Table) -> Table:
    """``table`` without its figures: too much data to compute while someone waits (a page
    without a snapshot). The page fills it from the nearest snapshot or says when it comes."""
    return {**table, "rows": [], "chart": None, "suppressed": False, "pending": True}


def row(label: str, cells: list[Cell], total: bool = False) -> dict[str, Any]:
    return {"label": label, "cells": cells, "total": total}


def distribution(
    key: str,
    title: str,
    definition: str,
    counts: Iterable[tuple[str, int]],
    *,
    rijk: dict[str, int] | None = None,
    what: str | None = None,
) -> Table:
    """Groups that together make the whole: count and share per group, plus a total row.

    ``rijk`` (the same groups for the whole Rijk) adds a column with the Rijk's share, so an
    organisation sees itself next to the Rijk average.
    """
    pairs = list(counts)
    total = count(sum(n for _label, n in pairs))
    cells = [count(n) for _label, n in pairs]
    protect_group(cells, total)
    shares = [share(c, total) for c in cells]
    columns = [column(what or _("Aantal")), column(_("Aandeel"), PERCENT)]
    rijk_cells: list[Cell] = []
    rijk_total: Cell | None = None
    if rijk is not None:
        columns.append(column(_("Rijk: aandeel"), PERCENT))
        rijk_total = count(sum(rijk.values()))
        rijk_counts = [count(rijk.get(label_key(label), 0)) for label, _n in pairs]
        protect_group(rijk_counts, rijk_total)
        rijk_cells = [share(c, rijk_total) for c in rijk_counts]
    rows = []
    for i, (label, _n) in enumerate(pairs):
        extra = [rijk_cells[i]] if rijk is not None else []
        rows.append(row(label, [cells[i], shares[i], *extra]))
    total_extra = [{"v": 100 if rijk_total and rijk_total["v"] else None, "s": False}]
    rows.append(
        row(
            _("Totaal"),
            [total, {"v": 100 if total["v"] else None, "s": total["s"]}]
            + (total_extra if rijk is not None else []),
            total=True,
        )
    )
    return make_table(key, title, definition, columns, rows, chart=1 if pairs else None)


def indicators(
    key: str,
    title: str,
    definition: str,
    whole_label: str,
    whole: int,
    parts: Iterable[tuple[str, int]],
    *,
    rijk: tuple[int, dict[str, int]] | None = None,
) -> Table:
    """Separate yes/no figures about one whole (they do not add up): count and share each."""
    whole_cell = count(whole)
    columns = [column(_("Aantal")), column(_("Aandeel"), PERCENT)]
    if rijk is not None:
        columns.append(column(_("Rijk: aandeel"), PERCENT))
        rijk_whole = count(rijk[0])
    rows = []
    for label, n in parts:
        cell = count(n)
        cells = [cell, share(cell, whole_cell)]
        if rijk is not None:
            cells.append(share(count(rijk[1].get(label_key(label), 0)), rijk_whole))
        rows.append(row(label, cells))
    whole_row = [whole_cell, {"v": None, "s": False}]
    if rijk is not None:
        whole_row.append({"v": None, "s": False})
    rows.insert(0, row(whole_label, whole_row, total=True))
    return make_table(key, title, definition, columns, rows, chart=1)


def display(cell: Cell, kind: str) -> str:
    """How a cell reads on the page and in exports."""
    if cell["s"]:
        return gettext("< %(n)s") % {"n": MIN_CELL}
    value = cell["v"]
    if value is None:
        return "–"
    if kind == PERCENT:
        return f"{value}%"
    if kind == NUMBER and isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)
