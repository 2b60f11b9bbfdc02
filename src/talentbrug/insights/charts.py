"""Server-rendered bar charts: SVG with a title, a text summary and the data table beside it.

Lengths are in percents, not a viewBox, so text keeps its size on a 320 px screen. One colour
with a dark outline: readable for colour-blind people and in black-and-white print.
"""

from __future__ import annotations

import textwrap
from typing import Any

from django.utils.translation import gettext as _

from . import tables as t

ROW_HEIGHT = 44
LINE_HEIGHT = 15
LINE_CHARS = 34  # about the width of a 320 px screen at the label's font size
BAR_HEIGHT = 16


def bar_chart(table: t.Table) -> dict[str, Any] | None:
    """What the chart template draws for a table, or None when the table has no chart."""
    index = table.get("chart")
    if index is None:
        return None
    kind = table["columns"][index]["kind"]
    label = table["columns"][index]["label"]
    rows = [r for r in table["rows"] if not r["total"]]
    if not rows:
        return None
    values = [r["cells"][index] for r in rows]
    shown = [c["v"] for c in values if not c["s"] and c["v"] is not None]
    spec = table["columns"][index]
    top = 100 if kind == t.PERCENT else spec.get("max") or max(shown, default=0) or 1
    bars = []
    y = 0
    for r, cell in zip(rows, values, strict=True):
        width = 0.0 if cell["s"] or cell["v"] is None else 100 * cell["v"] / top
        # SVG text does not wrap: long labels get lines of their own, so they fit at 320 px.
        lines = textwrap.wrap(f"{r['label']}: {t.display(cell, kind)}", LINE_CHARS) or [""]
        bars.append(
            {
                "lines": [
                    {"text": line, "y": y + 15 + n * LINE_HEIGHT} for n, line in enumerate(lines)
                ],
                "width": round(min(width, 100) * 0.98, 1),
                "y_bar": y + 6 + len(lines) * LINE_HEIGHT,
                "suppressed": cell["s"],
            }
        )
        y += ROW_HEIGHT + (len(lines) - 1) * LINE_HEIGHT
    hidden = sum(1 for c in values if c["s"])
    best = max(
        (
            (c["v"], r["label"])
            for r, c in zip(rows, values, strict=True)
            if not c["s"] and c["v"] is not None
        ),
        default=None,
    )
    summary = [_("Grafiek van de kolom '%(what)s'.") % {"what": label}]
    if best is not None:
        summary.append(
            _("Hoogste: %(label)s (%(value)s).")
            % {"label": best[1], "value": t.display({"v": best[0], "s": False}, kind)}
        )
    if hidden:
        summary.append(
            _("%(n)s rij(en) niet getoond: minder dan %(min)s.") % {"n": hidden, "min": t.MIN_CELL}
        )
    return {
        "title": f"{table['title']}: {label}",
        "summary": " ".join(summary),
        "bars": bars,
        "height": y + 4,
        "bar_height": BAR_HEIGHT,
    }
