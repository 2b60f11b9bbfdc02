"""Template helpers for the careers site."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from talentbrug.publishing.facts import apply_link, public_url
from talentbrug.publishing.jsonld import to_script_json
from talentbrug.vacancies.checking import sanitise_html

register = template.Library()


@register.simple_tag
def apply_url(vacancy: Any) -> str:
    """The apply step's URL if the applications app offers one, else a mailto to the contact."""
    return apply_link(vacancy)[0]


@register.filter
def ld_json(posting: dict[str, Any]) -> SafeString:
    """JSON-LD for inside a <script> element ('<', '>', '&' escaped, so it cannot end it)."""
    return mark_safe(to_script_json(posting))


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters changed (pagination keeps the filters)."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"


@register.simple_tag
def list_page_url(params: list[tuple[str, list[str]]], number: int) -> str:
    """The list's own parameters (see ``views.list_params``) with another page number."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, values in params:
        if name != "pagina":
            query.setlist(name, values)
    query["pagina"] = str(number)
    return "?" + query.urlencode()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.simple_tag
def vacancy_url(vacancy: Any) -> str:

    return public_url(vacancy)


@register.filter
def clean_html(html: str) -> SafeString:
    """Section HTML, sanitised again on the way out (it was sanitised when saved)."""

    return mark_safe(sanitise_html(html or ""))
