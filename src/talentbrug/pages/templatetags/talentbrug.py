from typing import Any

from django import forms, template

from talentbrug.accounts.branding import RIJK_IDENTITY, Identity, identity_for

from ..breadcrumbs import crumbs_for

register = template.Library()


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    """'group' for radio/checkbox lists, 'checkbox' for one checkbox, 'input', or 'none'."""
    if not isinstance(bound_field, forms.BoundField):
        return "none"  # the form has no such field (e.g. a form that is not shown to this role)
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "group"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.filter
def described_widget(bound_field: forms.BoundField) -> str:
    """The field's widget, described by the help text and the errors that field.html shows.

    field.html gives the help text the id ``<auto_id>-help`` and the errors ``<auto_id>-error``;
    without this, Django points ``aria-describedby`` at ``<auto_id>_helptext`` and
    ``<auto_id>_error``, ids that do not exist on the page. A form that sets its own
    ``aria-describedby`` on the widget keeps it.
    """
    if bound_field.field.widget.attrs.get("aria-describedby") or not bound_field.auto_id:
        return bound_field.as_widget()
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return bound_field.as_widget(attrs={"aria-describedby": " ".join(ids)} if ids else None)


@register.inclusion_tag("includes/identity.html")
def organisation_identity(source: Any = None) -> dict[str, Any]:
    """The Rijkshuisstijl logo area: the lint (drawn in CSS) with the organisation's woordmerk,
    or its own uploaded logo. ``source``: an Organisation, an ``Identity`` (or its dict, as the
    careers page cache keeps it) or None for the Rijk-wide pages."""
    if isinstance(source, Identity):
        identity = source
    elif isinstance(source, dict):
        identity = Identity.from_dict(source)
    elif source is None or source == "":
        identity = RIJK_IDENTITY
    else:
        identity = identity_for(source)
    return {"identity": identity}


@register.simple_tag
def house_colour_class(source: Any = None) -> str:
    """The class that gives the page's bars and lint the organisation's house colour (the
    Rijk-wide pages: lintblauw). ``source`` as for :func:`organisation_identity`."""
    return str(organisation_identity(source)["identity"].colour_class)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict[str, Any]:
    """The breadcrumb trail of the current staff page (``pages.breadcrumbs``)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return {"crumbs": crumbs_for(getattr(match, "view_name", None), context.flatten())}
