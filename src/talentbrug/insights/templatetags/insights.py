from typing import Any

from django import template

from talentbrug.insights.tables import display

register = template.Library()


@register.simple_tag
def cell_text(cell: dict[str, Any], table: dict[str, Any], index: int) -> str:
    return display(cell, table["columns"][index]["kind"])
