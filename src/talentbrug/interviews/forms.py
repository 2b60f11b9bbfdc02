"""Forms of the interview pages. They parse input; services decide what is allowed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .constants import DEFAULT_DURATION, MAX_DURATION, MAX_SLOTS, MIN_DURATION
from .models import InterviewSlot

CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.DateTimeInput: "utrecht-textbox utrecht-textbox--html-input",
}
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class InterviewForm(forms.Form):
    interviewers = StaffChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label=_("Interviewers"),
        help_text=_("Zij krijgen de uitnodiging en zien deze kandidaat."),
        error_messages={"required": _("Kies minstens één interviewer.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=MIN_DURATION,
        max_value=MAX_DURATION,
        initial=DEFAULT_DURATION,
        help_text=_("15 tot en met 240 minuten."),
    )
    location = forms.CharField(
        label=_("Plaats of videolink"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "In gewone woorden: het adres en waar de kandidaat zich meldt, "
            "of de link naar het videogesprek."
        ),
        error_messages={
            "required": _("Schrijf waar het gesprek is, of plak de link naar de video.")
        },
    )
    message = forms.CharField(
        label=_("Bericht voor de kandidaat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: wat de kandidaat kan meenemen. B1-Nederlands, met je."),
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = staff
        for i in range(1, MAX_SLOTS + 1):
            self.fields[f"slot_{i}"] = forms.DateTimeField(
                label=_("Tijd %(number)s") % {"number": i},
                required=i == 1,
                input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
                widget=forms.DateTimeInput(
                    attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
                ),
                help_text=_("Datum en begintijd. De kandidaat kiest er één.") if i == 1 else "",
                error_messages={
                    "required": _("Stel minstens één tijd voor."),
                    "invalid": _("Vul een datum en tijd in, zoals 2026-12-01 10:00."),
                },
            )
        for field in self.fields.values():
            css = CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)

    def slot_fields(self) -> list[forms.BoundField]:
        return [self[f"slot_{i}"] for i in range(1, MAX_SLOTS + 1)]

    def detail_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("interviewers", "duration_minutes", "location", "message")]

    def slots(self) -> list[datetime]:
        return [
            self.cleaned_data[f"slot_{i}"]
            for i in range(1, MAX_SLOTS + 1)
            if self.cleaned_data.get(f"slot_{i}")
        ]


class ChooseSlotForm(forms.Form):
    slot = forms.ModelChoiceField(
        queryset=InterviewSlot.objects.none(),
        widget=forms.RadioSelect,
        label=_("Kies een tijd"),
        empty_label=None,
        error_messages={
            "required": _("Kies een tijd."),
            "invalid_choice": _("Deze tijd kan niet meer. Kies een andere tijd."),
        },
    )

    def __init__(self, *args: Any, slots: list[InterviewSlot], when: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["slot"]
        field.queryset = InterviewSlot.objects.filter(pk__in=[s.pk for s in slots])
        field.label_from_instance = lambda slot: when(slot.starts_at)  # type: ignore[attr-defined]


class AgendaStartForm(forms.Form):
    """The first day of the agenda (``?vanaf=YYYY-MM-DD``); a bad value is reported, not used."""

    vanaf = forms.DateField(
        label=_("Vanaf datum"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            format="%Y-%m-%d",
            attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"},
        ),
        help_text=_("De agenda toont vier weken vanaf deze dag."),
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Deze datum klopt niet. Kies een bestaande datum."),
        },
    )

    def __init__(self, *args: Any, first: Any, last: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first, self.last = first, last

    def clean_vanaf(self) -> Any:
        value = self.cleaned_data["vanaf"]
        if not self.first <= value <= self.last:
            raise forms.ValidationError(
                _("Kies een datum tussen %(first)s en %(last)s."),
                params={
                    "first": formats.date_format(self.first, "j F Y"),
                    "last": formats.date_format(self.last, "j F Y"),
                },
            )
        return value
