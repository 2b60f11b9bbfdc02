"""The bar chart drawn for a table: bars to scale, hidden cells without a bar, a summary."""

from __future__ import annotations

from talentbrug.insights import tables as t
from talentbrug.insights.charts import LINE_CHARS, bar_chart


def test_bars_follow_the_shares_and_hidden_cells_get_no_bar():
    table = t.distribution(
        "x", "Per route", "def", [("cv", 30), ("video", 10), ("opdracht", 4), ("dag", 3)]
    )
    chart = bar_chart(table)
    widths = [bar["width"] for bar in chart["bars"]]
    assert widths[0] > widths[1] > 0 and widths[2] == 0
    assert (
        chart["bars"][2]["suppressed"] and chart["bars"][2]["lines"][0]["text"] == "opdracht: < 5"
    )
    assert chart["title"] == "Per route: Aandeel"
    assert "Hoogste: cv (64%)." in chart["summary"] and "2 rij(en) niet getoond" in chart["summary"]


def test_long_labels_wrap_so_they_fit_a_small_screen():
    label = "Geboren buiten Nederland (vrijwillig): Ja, een van mijn ouders of allebei"
    table = t.distribution("x", "X", "def", [(label, 10), ("Nee", 10)])
    chart = bar_chart(table)
    lines = chart["bars"][0]["lines"]
    assert len(lines) > 1 and all(len(line["text"]) <= LINE_CHARS for line in lines)
    assert chart["bars"][1]["lines"][0]["y"] > chart["bars"][0]["y_bar"]
    assert chart["height"] > chart["bars"][1]["y_bar"]


def test_a_table_without_a_chart_column_has_no_chart():
    table = t.make_table("x", "X", "def", [t.column("A")], [t.row("a", [t.count(5)])])
    assert bar_chart(table) is None


def test_a_scale_with_a_known_top_is_drawn_to_that_top():
    table = t.make_table(
        "x",
        "X",
        "def",
        [t.column("Mensen"), t.column("Stemming", t.NUMBER, maximum=5)],
        [t.row("mei", [t.count(8), {"v": 4.0, "s": False}])],
        chart=1,
    )
    assert bar_chart(table)["bars"][0]["width"] == 78.4  # 4 of 5, times the 98% track
