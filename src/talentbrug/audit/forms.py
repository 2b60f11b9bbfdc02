import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .registry import EVENT_TYPES

SECURITY = "beveiliging"


class AuditFilterForm(forms.Form):
    person = forms.ChoiceField(label=_("Wie"), required=False)
    event_type = forms.ChoiceField(label=_("Soort"), required=False)
    date_from = forms.DateField(
        label=_("Vanaf"),
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
    )
    date_to = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
    )
    object_type = forms.CharField(required=False, widget=forms.HiddenInput)
    object_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: object, people: object = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            ("", _("Iedereen")),
            *[(str(p.pk), str(p)) for p in people],  # type: ignore[attr-defined]
        ]
        self.fields["person"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        # Words, not codes: the message template with its placeholders left out.
        kinds = sorted(
            ((key, re.sub(r"\{\w+\}", "…", str(label))) for key, label in EVENT_TYPES.items()),
            key=lambda item: item[1].lower(),
        )
        self.fields["event_type"].choices = [
            ("", _("Alle soorten")),
            (SECURITY, _("Alle beveiliging: inloggen, rollen, downloads, verwijderen")),
            *kinds,
        ]  # type: ignore[attr-defined]
        self.fields["event_type"].widget.attrs["class"] = (
            "utrecht-select utrecht-select--html-select"
        )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data
