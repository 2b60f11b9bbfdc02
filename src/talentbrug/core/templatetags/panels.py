"""``{% panels "slot" %}``: render the templates later apps registered for a slot (core.panels)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token

from talentbrug.core.panels import panels as registered_panels

register = template.Library()


class PanelsNode(template.Node):
    def __init__(self, slot: FilterExpression) -> None:
        self.slot = slot

    def render(self, context: Any) -> str:
        engine = context.template.engine
        return "".join(
            engine.get_template(name).render(context)
            for name in registered_panels(str(self.slot.resolve(context)))
        )


@register.tag(name="panels")
def do_panels(parser: Parser, token: Token) -> PanelsNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('Use {% panels "slot.name" %}')
    return PanelsNode(parser.compile_filter(bits[1]))
