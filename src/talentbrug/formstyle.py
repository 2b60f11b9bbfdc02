"""The NL Design System look of a Django form, in one place for every app.

``style(form)`` gives every widget its utrecht-* class and links the help and error texts to
the field for screen readers (``aria-describedby``, ``aria-invalid``). It imports Django only,
so the base layer (accounts) and every feature app can use it.
"""

from __future__ import annotations

from django import forms

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input"


def style(form: forms.BaseForm) -> None:
    """Give every widget its NL Design System class and link help/error texts for screen readers."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", CHECKBOX)
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", SELECT)
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", TEXTAREA)
        else:
            widget.attrs.setdefault("class", TEXTBOX)
        described = []
        if field.help_text:
            described.append(f"id_{form.add_prefix(name)}-help")
        if form.is_bound and name in form.errors:
            described.append(f"id_{form.add_prefix(name)}-error")
            widget.attrs["aria-invalid"] = "true"
        if described:
            widget.attrs["aria-describedby"] = " ".join(described)
