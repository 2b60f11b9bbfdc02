from django import forms, template

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
