"""Server-rendered bar charts: SVG with a title, a text summary and the data table beside it.

Lengths are in percents, not a viewBox, so text keeps its size on a 320 px screen. One colour
with a dark outline: readable for colour-blind people and in black-and-white print.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from . import tables as t

ROW_HEIGHT = 44
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
    top = 100 if kind == t.PERCENT else max(shown, default=0) or 1
    bars = []
    for i, (r, cell) in enumerate(zip(rows, values, strict=True)):
        width = 0.0 if cell["s"] or cell["v"] is None else 100 * cell["v"] / top
        bars.append(
            {
                "label": r["label"],
                "text": t.display(cell, kind),
                "width": round(min(width, 100) * 0.98, 1),
                "y_text": i * ROW_HEIGHT + 15,
                "y_bar": i * ROW_HEIGHT + 21,
                "suppressed": cell["s"],
            }
        )
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
        "height": len(bars) * ROW_HEIGHT + 4,
        "bar_height": BAR_HEIGHT,
    }
