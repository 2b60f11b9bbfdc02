"""Small-number rule of the programme pages (the figures themselves live in Insights)."""

from __future__ import annotations

from talentbrug.core.figures import MIN_CELL

MIN_GROUP_SIZE = MIN_CELL


def shown(count: int) -> int | None:
    """The count when it is at least MIN_GROUP_SIZE, else None ('fewer than 5')."""
    return count if count >= MIN_GROUP_SIZE else None
