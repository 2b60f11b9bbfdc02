from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def translated(value: str) -> str:
    """Translate stored Dutch text of the shipped templates (marked with gettext_noop)."""
    return gettext(value) if value else value


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None
