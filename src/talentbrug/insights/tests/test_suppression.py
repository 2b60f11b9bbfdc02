"""The small-number rules on hand-made tables: a cell of 4, and the difference that reveals it."""

from __future__ import annotations

from talentbrug.insights import tables as t


def _cells(table, label):
    return next(r["cells"] for r in table["rows"] if r["label"] == label)


def test_a_count_under_five_is_hidden_and_five_is_shown():
    assert t.count(4) == {"v": None, "s": True}  # not even stored
    assert t.count(0)["s"] is True
    assert t.count(5) == {"v": 5, "s": False}
    assert t.display(t.count(4), t.COUNT) == "< 5"
    assert t.display(t.count(12), t.COUNT) == "12"


def test_a_cell_of_four_hides_the_other_group_that_would_reveal_it():
    # 12 applications: 8 mbo, 4 hbo. Showing 8 and the total 12 gives away the 4.
    table = t.distribution("x", "X", "def", [("mbo", 8), ("hbo", 4)])
    assert _cells(table, "hbo")[0]["s"] and _cells(table, "hbo")[1]["s"]
    assert _cells(table, "mbo")[0] == {"v": None, "s": True}
    assert _cells(table, "mbo")[1]["s"]  # the share of 8 would give it away too
    assert _cells(table, "Totaal")[0] == {"v": 12, "s": False}
    assert table["suppressed"] is True


def test_two_small_cells_protect_each_other():
    table = t.distribution("x", "X", "def", [("a", 20), ("b", 4), ("c", 3)])
    assert _cells(table, "a")[0] == {"v": 20, "s": False}
    assert _cells(table, "a")[1] == {"v": 74, "s": False}
    assert _cells(table, "b")[0]["s"] and _cells(table, "c")[0]["s"]


def test_the_smallest_shown_cell_is_the_one_hidden_next():
    table = t.distribution("x", "X", "def", [("a", 30), ("b", 6), ("c", 2)])
    assert _cells(table, "b")[0]["s"] and not _cells(table, "a")[0]["s"]


def test_a_four_and_zeros_together_are_still_too_few():
    parts, total = [t.count(20), t.count(4), t.count(0), t.count(0)], t.count(24)
    assert t.protect_group(parts, total) == [0]


def test_hidden_cells_that_together_hold_five_or_more_need_nothing_extra():
    parts, total = [t.count(20), t.count(4), t.count(3)], t.count(27)
    assert t.protect_group(parts, total) == []


def test_nothing_extra_is_hidden_when_the_total_is_hidden_itself():
    parts, total = [t.count(2), t.count(1)], t.count(3)
    assert t.protect_group(parts, total) == []


def test_the_rijk_column_follows_the_same_rules():
    table = t.distribution("x", "X", "def", [("mbo", 10), ("hbo", 10)], rijk={"mbo": 96, "hbo": 4})
    assert [c["label"] for c in table["columns"]][-1] == "Rijk: aandeel"
    assert _cells(table, "mbo")[2]["s"] and _cells(table, "hbo")[2]["s"]


def test_a_share_of_a_hidden_count_is_hidden_and_an_average_of_few_people_too():
    assert t.share(t.count(4), t.count(40)) == {"v": None, "s": True}
    assert t.share(t.count(10), t.count(40)) == {"v": 25, "s": False}
    assert t.based_on(3.5, t.count(4)) == {"v": None, "s": True}
    assert t.based_on(3.5, t.count(5)) == {"v": 3.5, "s": False}
    assert t.display({"v": 3.5, "s": False}, t.NUMBER) == "3,5"


def test_indicators_hide_small_counts_and_their_share():
    table = t.indicators("v", "V", "def", "Alle", 20, [("NT2", 4), ("mbo", 15)])
    assert _cells(table, "Alle")[0] == {"v": 20, "s": False}
    assert _cells(table, "NT2") == [{"v": None, "s": True}, {"v": None, "s": True}]
    assert _cells(table, "mbo")[1] == {"v": 75, "s": False}
